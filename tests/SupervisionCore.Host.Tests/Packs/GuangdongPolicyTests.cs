using System.Net;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// The Guangdong pack (gd) loaded from disk, through the HTTP API: full coverage by internal supervisors (GD 13),
/// GD 21 sanctions and the lifetime ban, the integrity file (诚信档案) and its exports, city-scoped access, card decoding.
/// </summary>
public sealed class GuangdongPolicyTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static string Today => ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Rules(JsonElement problem) =>
        [.. problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];

    /// <summary>An activity in 44.A of <paramref name="institutionId"/> on 2025-06-10 with one daily task; returns (activity, task).</summary>
    private static async Task<(Guid Activity, Guid Task)> ActivityWithTaskAsync(HttpClient centre, Guid institutionId, string plan, string authorityId = "44")
    {
        var activityResponse = await centre.PostJsonAsync("/api/v1/activities", new
        {
            institutionId, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = plan,
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 40, examiners = Array.Empty<object>(),
        });
        var activity = await activityResponse.ReadJsonAsync();
        activityResponse.StatusCode.ShouldBe(HttpStatusCode.Created, activity.ToString());
        var activityId = activity.GetProperty("id").GetGuid();
        var created = await centre.PostJsonAsync("/api/v1/supervision-tasks", new { kind = "daily", authorityId, activityId, matters = new[] { "考场秩序" } });
        var task = await created.ReadJsonAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, task.ToString());
        return (activityId, task.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> AssignAsync(HttpClient centre, Guid task, Guid supervisor, string role)
    {
        var response = await centre.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = supervisor, role });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    private static Task<Dictionary<string, object>> CompleteAnswersAsync(HttpClient client, string formId) => AssignmentScenes.CompleteAnswersAsync(client, formId);

    [Fact]
    public async Task An_activity_without_an_internal_supervisor_is_flagged_and_its_task_cannot_close_until_one_is_assigned()
    {
        var institution = await Seed.InstitutionAsync(app, "44.A");
        var external = (await Seed.DispatchableAsync(app, "44.A", authorityId: "44")).Id;
        var @internal = (await Seed.SupervisorAsync(app, "44.A", "internal", institution.Id, idNumber: Seed.IdNumber("440103"))).Id;
        await Seed.InternalCardAsync(app, @internal, institution.Id);
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var (activity, task) = await ActivityWithTaskAsync(centre, institution.Id, "GD-COV-1");

        var shown = await (await centre.GetAsync($"/api/v1/activities/{activity}")).ReadJsonAsync();
        var flag = shown.GetProperty("flags").EnumerateArray().ShouldHaveSingleItem();
        flag.GetProperty("rule").GetString().ShouldBe("gd.internal.full-coverage");
        flag.GetProperty("citation").GetString().ShouldBe("GD 13");

        // The external supervisor accepts and files the annex 4 record: only the coverage flag stands in the way.
        var assignment = await AssignAsync(centre, task, external, "external");
        (await centre.PostJsonAsync($"/api/v1/assignments/{assignment}/acceptance", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var filed = await centre.PostJsonAsync($"/api/v1/assignments/{assignment}/records", new { formId = "gd.annex-4", answers = await CompleteAnswersAsync(centre, "gd.annex-4") });
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var refused = await centre.PostJsonAsync($"/api/v1/supervision-tasks/{task}/closure", new { });
        var problem = await refused.ReadJsonAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        Rules(problem).ShouldBe(["gd.internal.full-coverage"]);

        await AssignAsync(centre, task, @internal, "internal");
        var covered = await (await centre.GetAsync($"/api/v1/activities/{activity}")).ReadJsonAsync();
        (covered.TryGetProperty("flags", out var flags) ? flags.GetArrayLength() : 0).ShouldBe(0);
        var closed = await centre.PostJsonAsync($"/api/v1/supervision-tasks/{task}/closure", new { });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revocation_on_a_GD_21_ground_bans_the_person_in_Guangdong_for_good_but_not_elsewhere()
    {
        var idNumber = Seed.IdNumber("440105");
        var supervisor = await Seed.SupervisorAsync(app, "44.A", idNumber: idNumber);
        await Seed.AppointAndCardAsync(app, supervisor.Id, "44", new DateOnly(2025, 1, 1));
        // A second row of the same person in another city, registered before the decision.
        var otherRow = await Seed.SupervisorAsync(app, "44.C", idNumber: idNumber);
        using var admin = await SupervisorTestSupport.AdminAsync(app);

        var response = await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor.Id}/sanctions",
            new { measure = "revocation", ground = "gd.leak", date = Today, evidenceNote = "试题泄露经查实" });
        var decided = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, decided.ToString());
        decided.GetProperty("sanction").GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldContain("gd.sanction.supervisor");
        decided.GetProperty("withdrawnCards").GetArrayLength().ShouldBe(1);
        var bar = decided.GetProperty("bars").EnumerateArray().ShouldHaveSingleItem();
        bar.GetProperty("scope").GetString().ShouldBe("44");
        bar.GetProperty("from").GetString().ShouldBe(Today);
        bar.TryGetProperty("until", out var until).ShouldBe(until.ValueKind == JsonValueKind.Null);

        // Registering the same ID number anywhere in 44 again, or appointing the other row: 422 naming the rule.
        var again = await admin.PostJsonAsync("/api/v1/supervisors", SupervisorTestSupport.Body(idNumber, "44.B"));
        var againProblem = await again.ReadJsonAsync();
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, againProblem.ToString());
        Rules(againProblem).ShouldContain("gd.sanction.supervisor");
        var appoint = await admin.PostJsonAsync($"/api/v1/supervisors/{otherRow.Id}/appointments", new { appointedBy = "44.C", start = Today });
        var appointProblem = await appoint.ReadJsonAsync();
        appoint.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, appointProblem.ToString());
        Rules(appointProblem).ShouldContain("gd.sanction.supervisor");

        // In another province the person may still be registered and appointed.
        var elsewhere = await admin.PostJsonAsync("/api/v1/supervisors", SupervisorTestSupport.Body(idNumber, "45"));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Created, await elsewhere.Content.ReadAsStringAsync());
        var seeded43 = await Seed.SupervisorAsync(app, "43", idNumber: idNumber);
        var appointed43 = await admin.PostJsonAsync($"/api/v1/supervisors/{seeded43.Id}/appointments", new { appointedBy = "43", start = Today });
        appointed43.StatusCode.ShouldBe(HttpStatusCode.Created, await appointed43.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Non_renewal_ends_the_appointment_and_bans_too()
    {
        var supervisor = await Seed.SupervisorAsync(app, "44.B", idNumber: Seed.IdNumber("440304"));
        await Seed.AppointAndCardAsync(app, supervisor.Id, "44", new DateOnly(2025, 1, 1));
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.B"));
        var response = await centre.PostJsonAsync($"/api/v1/supervisors/{supervisor.Id}/sanctions", new { measure = "non-renewal", ground = "gd.dereliction", date = Today });
        var decided = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, decided.ToString());
        decided.GetProperty("terminatedAppointments").GetArrayLength().ShouldBe(1);
        decided.GetProperty("bars").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("44.A", "dismissal", "gd.dereliction", 422, "gd.sanction.supervisor")]   // 解聘 is not a GD 21 measure
    [InlineData("43", "revocation", "gd.dereliction", 422, "gd.sanction.supervisor")]     // a GD ground outside 44
    [InlineData("44.A", "non-renewal", "bad-influence", 422, "gd.sanction.supervisor")]   // a GD measure on a CN ground
    [InlineData("44.A", "revocation", "gd.no-such-ground", 400, null)]
    [InlineData("44.A", "demotion", "gd.dereliction", 400, null)]
    [InlineData("43", "criticism", "bad-influence", 201, null)]                            // national behaviour unchanged
    [InlineData("44.A", "criticism", "gd.unauthorised-or-refused", 201, null)]
    public async Task Sanction_grounds_and_measures_are_judged_by_where_the_supervisor_is(string where, string measure, string ground, int status, string? rule)
    {
        var supervisor = await Seed.SupervisorAsync(app, where, idNumber: Seed.IdNumber(where.StartsWith("44", StringComparison.Ordinal) ? "440106" : "430102"));
        using var admin = await SupervisorTestSupport.AdminAsync(app);
        var response = await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor.Id}/sanctions", new { measure, ground, date = Today });
        var body = await response.ReadJsonAsync();
        ((int)response.StatusCode).ShouldBe(status, body.ToString());
        if (rule is not null) Rules(body).ShouldBe([rule]);
        if (status == 400) body.GetProperty("errors").EnumerateArray().First().GetProperty("name").GetString().ShouldBeOneOf("measure", "ground");
    }

    [Fact]
    public async Task The_integrity_file_lists_the_supervisors_conduct_in_order_for_the_city_and_the_province_only()
    {
        var institution = await Seed.InstitutionAsync(app, "44.A");
        var supervisor = (await Seed.DispatchableAsync(app, "44.A", authorityId: "44")).Id;
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.A"));
        var (_, task) = await ActivityWithTaskAsync(centre, institution.Id, "GD-FILE-1", "44.A");

        var assignment = await AssignAsync(centre, task, supervisor, "external");
        using var self = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: supervisor));
        (await self.PostJsonAsync($"/api/v1/assignments/{assignment}/acceptance", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var attendance = await self.PostJsonAsync($"/api/v1/assignments/{assignment}/attendance", new { entryAt = "2025-06-10T08:20:00+08:00", exitAt = "2025-06-10T17:10:00+08:00" });
        attendance.StatusCode.ShouldBe(HttpStatusCode.OK, await attendance.Content.ReadAsStringAsync());
        // Filed long after 5 working days from 2025-06-10: late (GD 20), flagged, not lost.
        var record = await self.PostJsonAsync($"/api/v1/assignments/{assignment}/records", new { formId = "gd.annex-4", answers = await CompleteAnswersAsync(self, "gd.annex-4") });
        var recordBody = await record.ReadJsonAsync();
        record.StatusCode.ShouldBe(HttpStatusCode.Created, recordBody.ToString());
        recordBody.GetProperty("late").GetBoolean().ShouldBeTrue();
        using var institutionClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: institution.Id));
        // GD 20: the institution's feedback goes on annex 5 (gd.feedback.institution).
        var feedbackAnswers = await CompleteAnswersAsync(institutionClient, "gd.annex-5");
        (feedbackAnswers["entry-at"], feedbackAnswers["exit-at"]) = ("2025-06-10T08:20:00+08:00", "2025-06-10T17:10:00+08:00");
        var feedback = await institutionClient.PostJsonAsync($"/api/v1/assignments/{assignment}/feedback", new { formId = "gd.annex-5", answers = feedbackAnswers });
        feedback.StatusCode.ShouldBe(HttpStatusCode.Created, await feedback.Content.ReadAsStringAsync());
        var sanction = await centre.PostJsonAsync($"/api/v1/supervisors/{supervisor}/sanctions", new { measure = "criticism", ground = "gd.dereliction", date = Today });
        sanction.StatusCode.ShouldBe(HttpStatusCode.Created, await sanction.Content.ReadAsStringAsync());

        var url = $"/api/v1/regions/gd/supervisors/{supervisor}/integrity-file";
        var response = await centre.GetAsync(url);
        var file = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, file.ToString());
        var kinds = file.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToList();
        // In time order: the attendance happened on 2025-06-10 (entered afterwards), everything else was done by this test today.
        kinds.ShouldBe(["attended", "dispatched", "accepted", "record-filed", "feedback", "sanction"]);
        var late = file.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "record-filed");
        late.GetProperty("detail").GetProperty("late").GetString().ShouldBe("true");
        file.GetProperty("summary").GetProperty("recordsLate").GetInt32().ShouldBe(1);
        file.GetProperty("summary").GetProperty("sanctions").GetInt32().ShouldBe(1);
        file.GetProperty("rule").GetString().ShouldBe("gd.sanction.supervisor");
        file.GetProperty("supervisor").GetProperty("idNumberMasked").GetString()!.ShouldContain("*");

        // CSV and xlsx: the same lines, opened as a client would.
        var csv = await centre.GetAsync(url + "?format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        using (var reader = CsvReader.Create(await csv.Content.ReadAsByteArrayAsync()))
        {
            var rows = new List<string>();
            while (reader.Read()) rows.Add(reader.GetString("kind"));
            rows.ShouldBe(kinds);
        }
        using var xlsxRequest = new HttpRequestMessage(HttpMethod.Get, url);
        xlsxRequest.Headers.Accept.ParseAdd("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var xlsx = await centre.SendAsync(xlsxRequest);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            sheet.Select(r => r["Kind"]?.ToString()).ShouldBe(kinds);
            sheet.Single(r => r["Kind"]?.ToString() == "record-filed")["Detail"]!.ToString()!.ShouldContain("late=true");
        }

        // Reach: the province and the national administrator see it; another city, another province and other roles do not.
        foreach (var (role, jurisdiction) in new[] { (Roles.ProvinceAdmin, "44"), (Roles.CenterOperator, "44"), (Roles.NationalAdmin, "CN") })
        {
            using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} {jurisdiction}");
        }
        foreach (var (role, jurisdiction, status) in new[]
        {
            (Roles.CenterOperator, "44.B", HttpStatusCode.NotFound), (Roles.ProvinceAdmin, "43", HttpStatusCode.NotFound),
            (Roles.Auditor, "44", HttpStatusCode.Forbidden), (Roles.Supervisor, "44.A", HttpStatusCode.Forbidden),
        })
        {
            using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
            (await client.GetAsync(url)).StatusCode.ShouldBe(status, $"{role} {jurisdiction}");
        }
        (await centre.GetAsync(url + "?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Integrity_files_are_for_external_supervisors_of_Guangdong()
    {
        using var admin = await SupervisorTestSupport.AdminAsync(app);
        var outside = await Seed.SupervisorAsync(app, "43", idNumber: Seed.IdNumber("430103"));
        (await admin.GetAsync($"/api/v1/regions/gd/supervisors/{outside.Id}/integrity-file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var institution = await Seed.InstitutionAsync(app, "44.A");
        var @internal = await Seed.SupervisorAsync(app, "44.A", "internal", institution.Id, idNumber: Seed.IdNumber("440107"));
        (await admin.GetAsync($"/api/v1/regions/gd/supervisors/{@internal.Id}/integrity-file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/regions/gd/supervisors/{Guid.NewGuid()}/integrity-file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/regions/gd/supervisors/not-an-id/integrity-file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_gd_number_decodes_its_city_and_N_is_explained()
    {
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        var decoded = await (await auditor.GetAsync("/api/v1/card-numbers/R4424A001")).ReadJsonAsync();
        var city = decoded.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "city");
        city.GetProperty("value").GetString().ShouldBe("44.A");
        city.GetProperty("name").GetProperty("zh").GetString().ShouldBe("广州市");
        decoded.GetProperty("parts").GetProperty("issuerMark").GetString().ShouldBe("A");

        var provincial = await (await auditor.GetAsync("/api/v1/card-numbers/R44240001")).ReadJsonAsync();
        provincial.GetProperty("details").EnumerateArray().Any(d => d.GetProperty("key").GetString() == "city").ShouldBeFalse();

        var n = await auditor.GetAsync("/api/v1/card-numbers/N440123240001");
        var problem = await n.ReadJsonAsync();
        n.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var first = problem.GetProperty("violations").EnumerateArray().First();
        first.GetProperty("rule").GetString().ShouldBe("gd.card.internal-format");
        first.GetProperty("message").GetString()!.ShouldContain("N");

        foreach (var bad in new[] { "R4424A000", "R4424A01", "R4524A001", "R4424X001" })
            (await auditor.GetAsync($"/api/v1/card-numbers/{bad}")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, bad);
    }

    [Fact]
    public async Task A_city_centre_cannot_issue_another_citys_card()
    {
        var supervisor = await Seed.SupervisorAsync(app, "44.A", idNumber: Seed.IdNumber("440108"));
        using var guangzhou = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.A"));
        (await guangzhou.IssueAsync(supervisor.Id, "2025-06-01", "44.B")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await guangzhou.IssueAsync(supervisor.Id, "2025-06-01", "44.A");
        var card = await own.ReadJsonAsync();
        own.StatusCode.ShouldBe(HttpStatusCode.Created, card.ToString());
        card.GetProperty("number").GetString()![5].ShouldBe('A');
    }

    public static TheoryData<string, string, string, string> BrokenForms => new()
    {
        // form, how it is broken, the item named, the problem code
        { "gd.annex-4", "missing:item-11b", "answers.item-11b", "missing-required" },
        { "gd.annex-4", "option:item-12=maybe", "answers.item-12", "option-not-in-set" },
        { "gd.annex-4", "unknown:item-18", "answers.item-18", "unknown-item" },
        { "gd.annex-4", "number:item-1", "answers.item-1", "wrong-type" },
        { "gd.annex-3", "missing:conduct", "answers.conduct", "missing-required" },
        { "gd.annex-3", "option:staff-cards=maybe", "answers.staff-cards", "option-not-in-set" },
        { "gd.annex-3", "choices:anomalies=late-start", "answers.anomalies", "option-not-in-set" },
        { "gd.annex-3", "missing:identity-checks", "answers.identity-checks", "missing-required" },
        { "gd.annex-5", "missing:feedback", "answers.feedback", "missing-required" },
        { "gd.annex-5", "missing:reporting-unit", "answers.reporting-unit", "missing-required" },  // the sealed 填报单位
        { "gd.annex-5", "option:entry-at=yesterday", "answers.entry-at", "wrong-type" },
        { "gd.annex-5", "option:evaluated-on=2025-13-01", "answers.evaluated-on", "wrong-type" },
        { "gd.annex-5", "choices:occupation=electrician", "answers.occupation", "wrong-type" },   // annex 5 has no options: a choice is the wrong type
        { "gd.annex-5", "number:exit-at", "answers.exit-at", "wrong-type" },
        { "gd.annex-5", "unknown:item-1", "answers.item-1", "unknown-item" },                      // annex 5 prints no item numbers
    };

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task A_gd_record_that_breaks_a_form_rule_is_a_400_naming_the_item(string formId, string broken, string field, string code)
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: "44.A");
        // Annex 5 is the institution's feedback form (gd.feedback.institution): it is filed through the feedback endpoint.
        var feedback = formId == "gd.annex-5";
        using var client = feedback
            ? app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: scene.Institution.Id))
            : app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: scene.SupervisorId));
        var answers = await CompleteAnswersAsync(client, formId);
        var (how, rest) = (broken[..broken.IndexOf(':', StringComparison.Ordinal)], broken[(broken.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var (key, value) = rest.Contains('=', StringComparison.Ordinal) ? (rest[..rest.IndexOf('=', StringComparison.Ordinal)], rest[(rest.IndexOf('=', StringComparison.Ordinal) + 1)..]) : (rest, "");
        switch (how)
        {
            case "missing": answers.Remove(key).ShouldBeTrue(key); break;
            case "option": answers[key] = value; break;
            case "choices": answers[key] = new[] { value }; break;
            case "unknown": answers[key] = "x"; break;
            case "number": answers[key] = 3; break;
        }
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/{(feedback ? "feedback" : "records")}", new { formId, answers });
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("name").GetString().ShouldBe(field);
        error.GetProperty("reason").GetString()!.ShouldEndWith($"({code})");
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("accepted"); // nothing changed
    }

    [Fact]
    public async Task A_gd_annex_5_submission_with_several_faults_names_every_item_with_its_printed_number()
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: "44.A");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: scene.Institution.Id));
        var answers = await CompleteAnswersAsync(client, "gd.annex-5");
        answers.Remove("feedback");
        answers["entry-at"] = "yesterday";
        answers["occupation"] = new[] { "electrician" };
        answers["exit-at"] = 3;
        answers["item-1"] = "x";
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", new { formId = "gd.annex-5", answers });
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("reason").GetString()!);
        errors.Keys.ShouldBe(["answers.feedback", "answers.entry-at", "answers.occupation", "answers.exit-at", "answers.item-1"], ignoreOrder: true);
        errors["answers.feedback"].ShouldEndWith("(missing-required)");
        errors["answers.item-1"].ShouldEndWith("(unknown-item)");
        foreach (var key in new[] { "answers.entry-at", "answers.occupation", "answers.exit-at" }) errors[key].ShouldEndWith("(wrong-type)", Case.Sensitive, key);

        // Each item is named with its number as the source prints it: annex 5 prints none, so no reason carries one.
        var form = (await (await client.GetAsync("/api/v1/forms/gd.annex-5")).ReadJsonAsync()).GetProperty("form");
        var numbers = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
            .ToDictionary(i => "answers." + i.GetProperty("key").GetString(), i => i.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null);
        foreach (var (name, reason) in errors)
        {
            if (numbers.GetValueOrDefault(name) is { } number) reason.ShouldContain($"[{number}]", Case.Sensitive, name);
            else reason.ShouldNotContain(" [", Case.Sensitive, name);
        }
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("accepted"); // nothing changed
    }
}
