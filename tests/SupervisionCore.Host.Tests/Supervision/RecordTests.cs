using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>督导记录 (records): filing the national report against an assignment, validation, access, printing.</summary>
public sealed class RecordTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private async Task<HttpClient> SupervisorAsync(AssignmentScene scene, Guid? supervisorId = null) =>
        app.CreateClient(await app.TokenForAsync(Roles.Supervisor, scene.Jurisdiction, supervisorId: supervisorId ?? scene.SupervisorId));

    private static Task<HttpResponseMessage> FileAsync(HttpClient client, AssignmentScene scene, object answers, string formId = "cn.report", int? formVersion = null) =>
        client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/records", new { formId, formVersion, answers });

    private async Task<(AssignmentScene Scene, Guid RecordId)> FiledAsync(Dictionary<string, object>? answers = null)
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var client = await SupervisorAsync(scene);
        var response = await FileAsync(client, scene, answers ?? AssignmentScenes.ValidReport());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (scene, (await response.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    private static List<(string Name, string Reason)> Errors(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("reason").GetString()!))];

    [Fact]
    public async Task A_valid_national_report_is_filed_and_completes_the_assignment()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var client = await SupervisorAsync(scene);
        var response = await FileAsync(client, scene, AssignmentScenes.ValidReport());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var record = await response.ReadJsonAsync();
        record.GetProperty("formId").GetString().ShouldBe("cn.report");
        record.GetProperty("formVersion").GetInt32().ShouldBe(1);
        record.GetProperty("late").GetBoolean().ShouldBeFalse();
        record.TryGetProperty("dueOn", out _).ShouldBeFalse(); // CN 10 sets no period and no pack governs 31: not due by a date
        record.GetProperty("answers").GetProperty("examination-order").GetString().ShouldBe("partly");
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("completed");

        var read = await (await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/records/{record.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        read.GetProperty("answers").GetProperty("supervisor-signature").GetString().ShouldBe("王督导");
        read.GetProperty("taskId").GetGuid().ShouldBe(scene.TaskId);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "record.file" && e.TargetId == record.GetProperty("id").GetString());
        entry.Rules.ShouldBe(["cn.report.required"]);
    }

    [Fact]
    public async Task The_dispatching_authority_may_file_on_the_supervisors_behalf()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, scene.Jurisdiction));
        var response = await FileAsync(centre, scene, AssignmentScenes.ValidReport());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData("unknown_item", "answers.no-such-item", "unknown-item", null)]
    [InlineData("missing_required", "answers.examination-order", "missing-required", "2.4")]
    [InlineData("option_not_in_set", "answers.examination-order", "option-not-in-set", "2.4")]
    [InlineData("two_options_for_a_single_choice", "answers.examination-order", "wrong-type", "2.4")]
    [InlineData("bad_date", "answers.supervised-on", "wrong-type", null)]
    [InlineData("missing_section_rating", "answers.contents", "missing-required", null)]
    [InlineData("missing_signature", "answers.supervisor-signature", "missing-required", null)]
    [InlineData("number_for_a_choice", "answers.certificates", "wrong-type", "2.5")]
    public async Task Each_broken_form_rule_is_a_400_naming_the_item(string broken, string field, string code, string? number)
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        var answers = AssignmentScenes.ValidReport();
        switch (broken)
        {
            case "unknown_item": answers["no-such-item"] = "x"; break;
            case "missing_required": answers.Remove("examination-order"); break;
            case "option_not_in_set": answers["examination-order"] = "maybe"; break;
            case "two_options_for_a_single_choice": answers["examination-order"] = new[] { "conforms", "not" }; break;
            case "bad_date": answers["supervised-on"] = "2025-13-40"; break;
            case "missing_section_rating": answers.Remove("contents"); break;
            case "missing_signature": answers.Remove("supervisor-signature"); break;
            case "number_for_a_choice": answers["certificates"] = 3; break;
        }
        using var client = await SupervisorAsync(scene);
        var response = await FileAsync(client, scene, answers);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, broken);
        var errors = Errors(await response.ReadJsonAsync());
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        errors[0].Name.ShouldBe(field);
        errors[0].Reason.ShouldEndWith($"({code})");
        if (number is not null) errors[0].Reason.ShouldContain($"[{number}]");
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("accepted"); // a rejected filing changes nothing
    }

    [Fact]
    public async Task Every_problem_is_listed_not_just_the_first()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        var answers = AssignmentScenes.ValidReport();
        answers.Remove("examination-order");
        answers["certificates"] = "maybe";
        answers["extra"] = "x";
        using var client = await SupervisorAsync(scene);
        var response = await FileAsync(client, scene, answers);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Errors(await response.ReadJsonAsync()).Select(e => e.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["answers.certificates", "answers.examination-order", "answers.extra"]);
    }

    [Theory]
    [InlineData("{\"formId\":\"cn.report\",\"answers\":{\"problems\":{\"a\":1}}}", "answers.problems")]
    [InlineData("{\"formId\":\"cn.report\",\"answers\":{\"complaints\":[1,2]}}", "answers.complaints")]
    [InlineData("{\"formId\":\"\",\"answers\":{}}", "formId")]
    [InlineData("{\"formId\":\"cn.nothing\",\"answers\":{}}", "formId")]
    [InlineData("{\"formId\":\"cn.report\",\"formVersion\":7,\"answers\":{}}", "formVersion")]
    public async Task A_malformed_answer_or_unknown_form_is_a_400_naming_the_field(string body, string field)
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var client = await SupervisorAsync(scene);
        var response = await client.PostAsync($"/api/v1/assignments/{scene.AssignmentId}/records", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Errors(await response.ReadJsonAsync()).Select(e => e.Name).ShouldContain(field);
    }

    [Theory]
    [InlineData("invited")]
    [InlineData("refused")]
    [InlineData("replaced")]
    public async Task Only_an_accepted_assignment_files_a_record(string status)
    {
        var scene = await AssignmentScenes.CreateAsync(app, status);
        using var client = await SupervisorAsync(scene);
        var response = await FileAsync(client, scene, AssignmentScenes.ValidReport());
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain(status);
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe(status);
    }

    [Fact]
    public async Task Someone_elses_assignment_is_404()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        var other = await Seed.SupervisorAsync(app, scene.Jurisdiction, idNumber: Seed.IdNumber("310101"));
        using var stranger = await SupervisorAsync(scene, other.Id);
        (await FileAsync(stranger, scene, AssignmentScenes.ValidReport())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherProvince = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "32"));
        (await FileAsync(otherProvince, scene, AssignmentScenes.ValidReport())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var institution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, scene.Jurisdiction, institutionId: scene.Institution.Id));
        (await FileAsync(institution, scene, AssignmentScenes.ValidReport())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("accepted");
    }

    [Fact]
    public async Task A_second_record_is_409_and_the_first_stands()
    {
        var (scene, first) = await FiledAsync();
        using var client = await SupervisorAsync(scene);
        var again = AssignmentScenes.ValidReport();
        again["problems"] = "另一份";
        var conflict = await FileAsync(client, scene, again);
        var problem = await conflict.ReadJsonAsync();
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("violations")[0].GetProperty("rule").GetString().ShouldBe("cn.report.required"); // one record per assignment (CN 10)
        await using var scope = app.Services.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().SupervisionRecords.Where(r => r.AssignmentId == scene.AssignmentId).ToListAsync();
        records.Select(r => r.Id).ShouldBe([first]);
    }

    [Fact]
    public async Task Two_filings_at_once_one_wins_and_the_other_is_409()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var a = await SupervisorAsync(scene);
        using var b = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, scene.Jurisdiction));
        var results = await Task.WhenAll(FileAsync(a, scene, AssignmentScenes.ValidReport()), FileAsync(b, scene, AssignmentScenes.ValidReport()));
        results.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
    }

    [Fact]
    public async Task The_printable_html_is_laid_out_like_the_form()
    {
        var answers = AssignmentScenes.ValidReport();
        answers["problems"] = "<script>alert('x')</script> & more";
        var (scene, id) = await FiledAsync(answers);
        using var client = await SupervisorAsync(scene);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assignments/{scene.AssignmentId}/records/{id}");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<h1>技能人才评价质量督导情况报告</h1>");
        html.ShouldContain("@page { size: A4; margin: 15mm }");
        foreach (var item in NationalForms.Report.Items)
        {
            html.ShouldContain(System.Net.WebUtility.HtmlEncode(item.Text.Zh));
            if (item.Number is { } n) html.ShouldContain($"<td class=\"no\">{n}</td>");
        }
        var row = Regex.Match(html, "<tr><td class=\"no\">2.4</td>.*?</tr>").Value;
        row.ShouldContain("☑ 基本符合");
        row.ShouldContain("☐ 符合");
        row.ShouldContain("☐ 不符合");
        row.ShouldContain("☐ 未涉及");
        html.ShouldContain("☑ 良好"); // section rating
        html.ShouldContain("<span class=\"name\">王督导</span>");
        var filed = (await (await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/records/{id}")).ReadJsonAsync()).GetProperty("submittedAt").GetDateTimeOffset();
        var day = SupervisionCore.Kernel.Calendar.ChinaTime.DateOf(filed);
        html.ShouldContain($"日期: {day.Year}年{day.Month}月{day.Day}日"); // the signature is dated the filing day, in China
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    }

    [Fact]
    public async Task The_printable_html_follows_accept_language_and_the_format_parameter()
    {
        var (scene, id) = await FiledAsync();
        using var client = await SupervisorAsync(scene);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var html = await (await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/records/{id}?format=html")).Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Skills-talent evaluation quality supervision report");
        html.ShouldContain("Order in the examination room");
        html.ShouldContain("☑ Partly conforms");
        html.ShouldContain("Overall rating");
        var json = await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/records/{id}");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task The_supervisor_staff_and_the_institution_read_a_record_others_do_not()
    {
        var (scene, id) = await FiledAsync();
        var url = $"/api/v1/assignments/{scene.AssignmentId}/records/{id}";
        var other = await Seed.InstitutionAsync(app, scene.Jurisdiction);
        var otherSupervisor = await Seed.SupervisorAsync(app, scene.Jurisdiction, idNumber: Seed.IdNumber("310101"));
        (string Role, string Jurisdiction, Guid? Institution, Guid? Supervisor, HttpStatusCode Expected)[] callers =
        [
            (Roles.Supervisor, scene.Jurisdiction, null, scene.SupervisorId, HttpStatusCode.OK),
            (Roles.Auditor, scene.Jurisdiction, null, null, HttpStatusCode.OK),
            (Roles.ProvinceAdmin, scene.Jurisdiction, null, null, HttpStatusCode.OK),
            (Roles.InstitutionOperator, scene.Jurisdiction, scene.Institution.Id, null, HttpStatusCode.OK),
            (Roles.InstitutionOperator, scene.Jurisdiction, other.Id, null, HttpStatusCode.NotFound),
            (Roles.Supervisor, scene.Jurisdiction, null, otherSupervisor.Id, HttpStatusCode.NotFound),
            (Roles.Auditor, "32", null, null, HttpStatusCode.NotFound),
        ];
        foreach (var c in callers)
        {
            using var client = app.CreateClient(await app.TokenForAsync(c.Role, c.Jurisdiction, institutionId: c.Institution, supervisorId: c.Supervisor));
            (await client.GetAsync(url)).StatusCode.ShouldBe(c.Expected, $"{c.Role} {c.Jurisdiction}");
        }
        using var staff = app.CreateClient(await app.TokenForAsync(Roles.Auditor, scene.Jurisdiction));
        (await staff.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/records/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
