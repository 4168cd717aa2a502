using System.Net;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Complaints;

/// <summary>
/// 群众举报 (CN 12(三)) end to end: an anonymous report from the public endpoint (nothing echoed, the contact never shown
/// unmasked), triage to a special supervision task, a finding only once that task is closed, statistics, and scope.
/// </summary>
public sealed class ComplaintTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Phone = "13912345678";

    private async Task<HttpClient> StaffAsync(string where) => app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, where));

    private async Task<(string Code, Guid Id)> ReportAsync(string where, Guid? institution, string? phone = null, string source = "public")
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/v1/public/complaints", new
        {
            jurisdiction = where, institutionId = institution, institutionName = "某评价机构", source, text = "2025年6月10日电工三级理论考试考场存在替考现象", contactPhone = phone,
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        var code = json.GetProperty("trackingCode").GetString()!;
        using var staff = await StaffAsync(where);
        var list = await (await staff.GetAsync("/api/v1/complaints?pageSize=100")).ReadJsonAsync();
        var id = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("trackingCode").GetString() == code).GetProperty("id").GetGuid();
        return (code, id);
    }

    [Fact]
    public async Task An_anonymous_report_gets_a_tracking_code_and_echoes_nothing()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/v1/public/complaints", new
        {
            jurisdiction = "44", text = "某机构考场存在替考现象，考生由他人代考", contactPhone = Phone,
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        body.ShouldNotContain("替考");
        body.ShouldNotContain(Phone);
        body.ShouldNotContain("5678");
        var code = JsonDocument.Parse(body).RootElement.GetProperty("trackingCode").GetString()!;
        code.Length.ShouldBe(12);

        var status = await anonymous.GetAsync($"/api/v1/public/complaints/{code}");
        var text = await status.Content.ReadAsStringAsync();
        status.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        JsonDocument.Parse(text).RootElement.GetProperty("state").GetString().ShouldBe("received");
        text.ShouldNotContain("替考");
        (await anonymous.GetAsync("/api/v1/public/complaints/AAAAAAAAAAAA")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var staff = await StaffAsync("44");
        var list = await (await staff.GetAsync("/api/v1/complaints?state=received&pageSize=100")).Content.ReadAsStringAsync();
        list.ShouldContain("139****5678");
        list.ShouldNotContain(Phone);
    }

    [Theory]
    [InlineData("jurisdiction", "CN", "这是一段足够长的举报内容")]
    [InlineData("text", "44", "太短")]
    [InlineData("contactPhone", "44", "这是一段足够长的举报内容")]
    public async Task Bad_reports_are_400_naming_the_field(string field, string jurisdiction, string text)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/v1/public/complaints", new { jurisdiction, text, contactPhone = field == "contactPhone" ? "12345" : null });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ShouldContain(field);
    }

    [Fact]
    public async Task A_report_is_investigated_by_a_special_task_and_concluded_only_once_the_task_is_closed()
    {
        var institution = await Seed.InstitutionAsync(app, "44");
        var (code, id) = await ReportAsync("44", institution.Id, Phone);
        using var staff = await StaffAsync("44");

        // Not yet investigated: no finding.
        var early = await staff.PostJsonAsync($"/api/v1/complaints/{id}/conclusion", new { finding = "substantiated", conclusion = "属实" });
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await early.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.complaint.investigation"]);

        var triaged = await staff.PostJsonAsync($"/api/v1/complaints/{id}/triage", new
        {
            decision = "investigate", authorityId = "44", windowStart = "2025-06-20T09:00:00+08:00", windowEnd = "2025-06-20T17:00:00+08:00", matters = new[] { "替考情况调查核实" },
        });
        var complaint = await triaged.ReadJsonAsync();
        triaged.StatusCode.ShouldBe(HttpStatusCode.OK, complaint.ToString());
        complaint.GetProperty("state").GetString().ShouldBe("investigating");
        var taskId = complaint.GetProperty("taskId").GetGuid();
        var task = await (await staff.GetAsync($"/api/v1/supervision-tasks/{taskId}")).ReadJsonAsync();
        task.GetProperty("kind").GetString().ShouldBe("special");
        task.GetProperty("requiredCount").GetInt32().ShouldBe(3);

        // Triaged once only.
        var again = await staff.PostJsonAsync($"/api/v1/complaints/{id}/triage", new { decision = "dismiss", reason = "重复" });
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        // The task is not closed: no finding.
        var open = await staff.PostJsonAsync($"/api/v1/complaints/{id}/conclusion", new { finding = "substantiated", conclusion = "属实" });
        (await open.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.complaint.investigation"]);

        await app.DbAsync(async db => { var t = await db.SupervisionTasks.FindAsync(taskId); t!.Status = "closed"; return await db.SaveChangesAsync(); });
        var concluded = await staff.PostJsonAsync($"/api/v1/complaints/{id}/conclusion", new { finding = "substantiated", conclusion = "经核实存在替考，已依第十八条处理" });
        concluded.StatusCode.ShouldBe(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());

        using var anonymous = app.CreateClient();
        var status = await (await anonymous.GetAsync($"/api/v1/public/complaints/{code}")).ReadJsonAsync();
        status.GetProperty("state").GetString().ShouldBe("concluded");
        status.GetProperty("finding").GetString().ShouldBe("substantiated");

        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        var audit = await (await admin.GetAsync($"/api/v1/audit?targetId={id}")).Content.ReadAsStringAsync();
        audit.ShouldContain("complaint.receive");
        audit.ShouldContain("complaint.triage");
        audit.ShouldContain("complaint.conclude");
        audit.ShouldNotContain(Phone);
    }

    [Theory]
    [InlineData("dismiss", null, 422)]
    [InlineData("dismiss", "与技能人才评价工作无关", 200)]
    [InlineData("refer", "属于外省评价机构", 200)]
    public async Task Dismissing_or_referring_needs_a_reason(string decision, string? reason, int status)
    {
        var (_, id) = await ReportAsync("44", null);
        using var staff = await StaffAsync("44");
        var response = await staff.PostJsonAsync($"/api/v1/complaints/{id}/triage", new { decision, reason, referTo = decision == "refer" ? "45" : null });
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_investigation_needs_an_institution_and_a_disqualified_one_gets_no_task()
    {
        var (_, id) = await ReportAsync("44", null);
        using var staff = await StaffAsync("44");
        var body = new { decision = "investigate", authorityId = "44", windowStart = "2025-06-20T09:00:00+08:00", windowEnd = "2025-06-20T17:00:00+08:00" };
        (await (await staff.PostJsonAsync($"/api/v1/complaints/{id}/triage", body)).ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.complaint.investigation"]);
    }

    [Fact]
    public async Task Complaints_stay_in_their_jurisdiction_and_out_of_institutions_reach()
    {
        var (_, id) = await ReportAsync("44", null);
        using var other = await StaffAsync("45");
        (await other.GetAsync($"/api/v1/complaints/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var institution = await Seed.InstitutionAsync(app, "44");
        using var operatorOfInstitution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44", institutionId: institution.Id));
        (await operatorOfInstitution.GetAsync("/api/v1/complaints")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Statistics_count_the_year_by_state_source_and_finding()
    {
        await ReportAsync("46", null, Phone);
        await ReportAsync("46", null, source: "media");
        using var staff = await StaffAsync("46");
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var stats = await (await staff.GetAsync($"/api/v1/complaints/statistics?year={year}")).ReadJsonAsync();
        stats.GetProperty("received").GetInt32().ShouldBe(2);
        stats.GetProperty("byState").GetProperty("received").GetInt32().ShouldBe(2);
        stats.GetProperty("bySource").GetProperty("media").GetInt32().ShouldBe(1);
        stats.GetProperty("anonymous").GetInt32().ShouldBe(1);
        (await (await staff.GetAsync($"/api/v1/complaints/statistics?year={year - 1}")).ReadJsonAsync()).GetProperty("received").GetInt32().ShouldBe(0);
    }
}
