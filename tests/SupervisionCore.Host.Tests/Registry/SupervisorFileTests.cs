using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>
/// Issue #19, supervisor files (CN 11 考核档案, BJ 28, YN 16): the annual assessment as the national record, feeding a
/// recorded non-renewal; YN 22 as its reading; commendations where a regional text provides them; the file in one read.
/// </summary>
public sealed class SupervisorFileTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task An_annual_assessment_is_recorded_once_a_year_and_a_failure_opens_a_recorded_non_renewal()
    {
        var s = await Seed.DispatchableAsync(app, "44", authorityId: "44", since: new DateOnly(2024, 1, 1)); // term 2024-01-01 … 2026-12-31
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var url = $"/api/v1/supervisors/{s.Id}/assessments";

        var (status, passed) = await PostAsync(centre, url, new { year = 2024, grade = "passed", assessedOn = "2025-01-10", grounds = "全年督导记录均按期报送" });
        status.ShouldBe(HttpStatusCode.Created, passed.ToString());
        passed.GetProperty("assessment").GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.assessment.record"]);
        passed.GetProperty("nonRenewalOpenFor").GetArrayLength().ShouldBe(0);
        (await PostAsync(centre, url, new { year = 2024, grade = "excellent", assessedOn = "2025-01-11" })).Status.ShouldBe(HttpStatusCode.Conflict);

        var (noGrounds, problem) = await PostAsync(centre, url, new { year = 2025, grade = "failed", assessedOn = "2025-12-20" });
        noGrounds.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ViolatedRules().ShouldBe(["cn.assessment.record"]);
        var (neverServed, notServed) = await PostAsync(centre, url, new { year = 2022, grade = "passed", assessedOn = "2022-12-20" });
        neverServed.ShouldBe(HttpStatusCode.UnprocessableEntity);
        notServed.ViolatedRules().ShouldBe(["cn.assessment.record"]);

        var (failedStatus, failed) = await PostAsync(centre, url, new { year = 2025, grade = "failed", assessedOn = "2025-12-20", grounds = "两次未按期报送督导记录" });
        failedStatus.ShouldBe(HttpStatusCode.Created, failed.ToString());
        failed.GetProperty("assessment").GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.assessment.record", "cn.assessment.failed"]);
        failed.GetProperty("consequences").GetArrayLength().ShouldBe(0); // nationally a failure decides nothing by itself (视情况)
        var term = failed.GetProperty("nonRenewalOpenFor").EnumerateArray().ShouldHaveSingleItem().GetGuid();
        var failedId = failed.GetProperty("assessment").GetProperty("id").GetGuid();
        var passedId = passed.GetProperty("assessment").GetProperty("id").GetGuid();

        // The non-renewal names its assessment: a passed one is no ground, the failed one is.
        var nonRenewal = $"/api/v1/supervisors/{s.Id}/appointments/{term}/non-renewal";
        var (wrong, wrongBody) = await PostAsync(centre, nonRenewal, new { decidedOn = "2026-01-05", note = "不予续聘", assessmentId = passedId });
        wrong.ShouldBe(HttpStatusCode.UnprocessableEntity);
        wrongBody.ViolatedRules().ShouldBe(["cn.assessment.failed"]);
        var (decided, decision) = await PostAsync(centre, nonRenewal, new { decidedOn = "2026-01-05", note = "2025年度考核不合格，聘期届满不予续聘", assessmentId = failedId });
        decided.ShouldBe(HttpStatusCode.OK, decision.ToString());
        decision.GetProperty("nonRenewalAssessmentId").GetGuid().ShouldBe(failedId);
        var (renewal, refused) = await PostAsync(centre, $"/api/v1/supervisors/{s.Id}/appointments", new { appointedBy = "44", start = "2027-01-01" });
        renewal.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.ViolatedRules().ShouldBe(["cn.assessment.failed"]);

        var audited = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "supervisor.assessment.record" && e.TargetId == failedId.ToString()).Select(e => e.Rules).ToListAsync());
        audited.ShouldHaveSingleItem().ShouldBe(["cn.assessment.record", "cn.assessment.failed"]);
        var listed = await (await centre.GetAsync(url)).ReadJsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("grade").GetString()).ShouldBe(["passed", "failed"]);
    }

    [Fact]
    public async Task In_Yunnan_a_failed_national_assessment_revokes_and_blacklists_by_YN_22()
    {
        var s = await Seed.DispatchableAsync(app, "53", authorityId: "53", since: new DateOnly(2024, 1, 1));
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var (status, body) = await PostAsync(centre, $"/api/v1/supervisors/{s.Id}/assessments", new { year = 2025, grade = "failed", assessedOn = "2026-01-08", grounds = "年度考核评估不合格" });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        var consequence = body.GetProperty("consequences").EnumerateArray().ShouldHaveSingleItem();
        consequence.GetProperty("action").GetString().ShouldBe("revoke-qualification");
        consequence.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.assessment.annual");
        consequence.GetProperty("changed").GetBoolean().ShouldBeTrue();
        consequence.GetProperty("withdrawnCards").GetArrayLength().ShouldBe(1);
        consequence.GetProperty("barred").GetBoolean().ShouldBeTrue();
        var standing = (await (await centre.GetAsync($"/api/v1/supervisors/{s.Id}")).ReadJsonAsync()).GetProperty("standing");
        standing.GetProperty("revoked").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_commendation_is_recorded_only_where_a_regional_text_provides_it()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var hunan = await Seed.DispatchableAsync(app, "43", authorityId: "43");
        var (none, noneBody) = await PostAsync(admin, $"/api/v1/supervisors/{hunan.Id}/commendations", new { on = "2026-01-15", title = "优秀质量督导员", reason = "突出贡献" });
        none.ShouldBe(HttpStatusCode.UnprocessableEntity);
        noneBody.ViolatedRules().ShouldBe(["cn.supervisor.file"]);

        // YN 22: an excellent assessment of the year named.
        var yunnan = await Seed.DispatchableAsync(app, "53", authorityId: "53", since: new DateOnly(2024, 1, 1));
        var commend = $"/api/v1/supervisors/{yunnan.Id}/commendations";
        var (early, earlyBody) = await PostAsync(admin, commend, new { on = "2026-01-15", year = 2025, title = "2025年度优秀质量督导员", reason = "年度考核优秀" });
        early.ShouldBe(HttpStatusCode.UnprocessableEntity);
        earlyBody.ViolatedRules().ShouldBe(["yn.commendation"]);
        (await PostAsync(admin, $"/api/v1/supervisors/{yunnan.Id}/assessments", new { year = 2025, grade = "excellent", assessedOn = "2026-01-08" })).Status.ShouldBe(HttpStatusCode.Created);
        var (ok, commendation) = await PostAsync(admin, commend, new { on = "2026-01-15", year = 2025, title = "2025年度优秀质量督导员", reason = "年度考核优秀" });
        ok.ShouldBe(HttpStatusCode.Created, commendation.ToString());
        commendation.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.supervisor.file", "yn.commendation"]);

        // GD 21: external supervisors.
        var institution = await Seed.InstitutionAsync(app, "44.A");
        var inner = await Seed.SupervisorAsync(app, "44.A", "internal", institution.Id, idNumber: Seed.IdNumber("440107"));
        var (internalStatus, internalBody) = await PostAsync(admin, $"/api/v1/supervisors/{inner.Id}/commendations", new { on = "2026-01-15", title = "表扬", reason = "突出贡献" });
        internalStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        internalBody.ViolatedRules().ShouldBe(["gd.incentive"]);
        var external = await Seed.DispatchableAsync(app, "44.A", authorityId: "44");
        (await PostAsync(admin, $"/api/v1/supervisors/{external.Id}/commendations", new { on = "2026-01-15", title = "通报表扬", reason = "查实替考问题" })).Status.ShouldBe(HttpStatusCode.Created);
        (await (await admin.GetAsync($"/api/v1/supervisors/{external.Id}/commendations")).ReadJsonAsync()).GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_file_gathers_dispatches_records_feedback_assessments_and_commendations_in_one_read_with_personal_data_masked()
    {
        var idNumber = Seed.IdNumber("530102");
        var s = await Seed.SupervisorAsync(app, "53", idNumber: idNumber, name: "赵督导");
        await Seed.AppointAndCardAsync(app, s.Id, "53", new DateOnly(2024, 1, 1));
        var institution = await Seed.InstitutionAsync(app, "53");
        Guid onTime, late, refused;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            onTime = Dispatch(db, s.Id, institution.Id, "2025-03-10", "completed");
            late = Dispatch(db, s.Id, institution.Id, "2025-05-10", "completed");
            refused = Dispatch(db, s.Id, institution.Id, "2025-07-10", "refused");
            Dispatch(db, s.Id, institution.Id, "2025-09-10", "accepted"); // no record yet
            db.SupervisionRecords.Add(Record(onTime, "2025-03-14", late: false));
            db.SupervisionRecords.Add(Record(late, "2025-05-30", late: true));
            db.SupervisorFeedback.Add(new SupervisorFeedback
            {
                Id = Guid.CreateVersion7(), AssignmentId = onTime, InstitutionId = institution.Id, Text = "佩戴证卡，全程在岗", Late = false,
                SubmittedBy = "test", SubmittedAt = DateTimeOffset.Parse("2025-03-12T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
            });
            await db.SaveChangesAsync();
        }
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await PostAsync(admin, $"/api/v1/supervisors/{s.Id}/assessments", new { year = 2025, grade = "excellent", assessedOn = "2026-01-08" })).Status.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(admin, $"/api/v1/supervisors/{s.Id}/commendations", new { on = "2026-01-15", year = 2025, title = "2025年度优秀质量督导员", reason = "年度考核优秀" })).Status.ShouldBe(HttpStatusCode.Created);

        using var self = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "53", supervisorId: s.Id));
        var response = await self.GetAsync($"/api/v1/supervisors/{s.Id}/file");
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        raw.ShouldNotContain(idNumber);
        var file = JsonDocument.Parse(raw).RootElement;
        file.GetProperty("supervisor").GetProperty("idNumber").GetString().ShouldNotBe(idNumber);
        var summary = file.GetProperty("summary");
        (summary.GetProperty("dispatches").GetInt32(), summary.GetProperty("refusals").GetInt32(), summary.GetProperty("recordsFiled").GetInt32(),
            summary.GetProperty("recordsLate").GetInt32(), summary.GetProperty("recordsMissing").GetInt32(), summary.GetProperty("feedback").GetInt32()).ShouldBe((3, 1, 2, 1, 1, 1));
        var dispatches = file.GetProperty("dispatches").EnumerateArray().ToList();
        dispatches.Select(d => d.GetProperty("activityDate").GetString()).ShouldBe(["2025-03-10", "2025-05-10", "2025-07-10", "2025-09-10"]);
        dispatches[1].GetProperty("records")[0].GetProperty("late").GetBoolean().ShouldBeTrue();
        dispatches[0].GetProperty("feedback")[0].GetProperty("text").GetString().ShouldBe("佩戴证卡，全程在岗");
        dispatches[2].GetProperty("assignmentId").GetGuid().ShouldBe(refused);
        file.GetProperty("assessments")[0].GetProperty("grade").GetString().ShouldBe("excellent");
        file.GetProperty("commendations")[0].GetProperty("title").GetString().ShouldBe("2025年度优秀质量督导员");
        file.GetProperty("appointments").GetArrayLength().ShouldBe(1);
        file.GetProperty("cards").GetArrayLength().ShouldBe(1);
        file.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.supervisor.file", "cn.assessment.record"]);

        var html = await self.GetAsync($"/api/v1/supervisors/{s.Id}/file?format=html");
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await html.Content.ReadAsStringAsync();
        page.ShouldContain("质量督导员考核档案");
        page.ShouldContain("赵督导");
        page.ShouldContain("2025年度优秀质量督导员");
        page.ShouldNotContain(idNumber);

        // Another supervisor cannot read it; a supervisor of another province neither.
        using var other = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "53", supervisorId: Guid.NewGuid()));
        (await other.GetAsync($"/api/v1/supervisors/{s.Id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Guid Dispatch(SupervisionDbContext db, Guid supervisorId, Guid institutionId, string day, string status)
    {
        var start = DateTimeOffset.Parse($"{day}T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = "daily", AuthorityId = "53", Jurisdiction = "53", InstitutionId = institutionId,
            Status = "completed", RequiredCount = 1, WindowStart = start.ToUniversalTime(), WindowEnd = start.AddHours(8).ToUniversalTime(),
            CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.SupervisionTasks.Add(task);
        var assignment = new Assignment { Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisorId, Role = "external", Status = status, CreatedAt = DateTimeOffset.UtcNow };
        db.Assignments.Add(assignment);
        return assignment.Id;
    }

    private static SupervisionRecord Record(Guid assignment, string filed, bool late) => new()
    {
        Id = Guid.CreateVersion7(), AssignmentId = assignment, FormId = "cn.report", FormVersion = 1, Content = "{}", DueOn = null, Late = late,
        SubmittedBy = "test", SubmittedAt = DateTimeOffset.Parse($"{filed}T18:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
    };
}
