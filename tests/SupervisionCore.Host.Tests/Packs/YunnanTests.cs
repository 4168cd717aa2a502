using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Packs.YunnanSupport;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>The Yunnan pack (yn) loaded from disk: refusal limit, revocation and blacklist, assessments, full-process internal supervision, annual inspection.</summary>
public sealed class YunnanTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task The_third_consecutive_refusal_revokes_withdraws_the_card_unlists_and_blacklists()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        var idNumber = Seed.IdNumber("530102");
        var (supervisor, card) = await AppointedAsync(app, idNumber: idNumber, name: "赵六一");
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));

        var first = await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        first.GetProperty("consequences").GetArrayLength().ShouldBe(0);
        var second = await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        second.GetProperty("consequences").GetArrayLength().ShouldBe(0);
        var third = await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        var consequence = third.GetProperty("consequences").EnumerateArray().ShouldHaveSingleItem();
        consequence.GetProperty("action").GetString().ShouldBe("revoke-qualification");
        consequence.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.dispatch.refusal-limit");
        consequence.GetProperty("rule").GetProperty("citation").GetString().ShouldBe("YN 19");
        consequence.GetProperty("withdrawnCards").EnumerateArray().Select(c => c.GetString()).ShouldBe([card]);

        // Public verification: withdrawn, nothing personal beyond the masked name.
        using var anonymous = app.CreateClient();
        var verify = await anonymous.GetAsync($"/api/v1/public/cards/{card}");
        var text = await verify.Content.ReadAsStringAsync();
        verify.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        (await verify.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("withdrawn");
        text.ShouldNotContain(idNumber);
        text.ShouldNotContain(idNumber[^4..]);
        text.ShouldNotContain("赵六一");

        // No longer listed as appointed (active); the registry keeps the file with its revoked standing.
        var listedResponse = await centre.GetAsync("/api/v1/supervisors?jurisdiction=53&status=appointed&pageSize=100");
        var listed = await listedResponse.ReadJsonAsync();
        listedResponse.StatusCode.ShouldBe(HttpStatusCode.OK, listed.ToString());
        listed.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ShouldNotContain(supervisor);
        var revoked = await (await centre.GetAsync("/api/v1/supervisors?jurisdiction=53&status=revoked&pageSize=100")).ReadJsonAsync();
        revoked.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ShouldContain(supervisor);

        // Blacklisted: listed masked, audited, and never registered or appointed again in Yunnan.
        var blacklist = await (await centre.GetAsync("/api/v1/regions/yn/blacklist")).ReadJsonAsync();
        var entry = blacklist.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("supervisorId").GetString() == supervisor.ToString());
        entry.GetProperty("name").GetString().ShouldBe("赵**");
        entry.GetProperty("idNumber").GetString()!.ShouldNotBe(idNumber);
        entry.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.revocation.blacklist");
        entry.GetProperty("until").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "supervisor.sanction" || e.Action == "registry.bar" || e.Action == "card.withdraw").Select(e => new { e.Action, e.Rules }).ToListAsync());
        audit.ShouldContain(e => e.Action == "supervisor.sanction" && e.Rules.Contains("yn.dispatch.refusal-limit"));
        audit.ShouldContain(e => e.Action == "card.withdraw" && e.Rules.Contains("yn.dispatch.refusal-limit"));
        audit.ShouldContain(e => e.Action == "registry.bar" && e.Rules.Contains("yn.revocation.blacklist"));

        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var again = await admin.PostAsJsonAsync("/api/v1/supervisors", SupervisorTestSupport.Body(idNumber, "53", name: "赵六一"));
        var problem = await again.ReadJsonAsync();
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldContain("yn.revocation.blacklist");
        var reappoint = await admin.PostAsJsonAsync($"/api/v1/supervisors/{supervisor}/appointments", new { appointedBy = "53", start = Today });
        reappoint.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await reappoint.ReadJsonAsync()).Rules().ShouldContain("yn.revocation.blacklist");
        // The bar is Yunnan's: elsewhere the person may be registered.
        (await admin.PostAsJsonAsync("/api/v1/supervisors", SupervisorTestSupport.Body(idNumber, "44", name: "赵六一"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_acceptance_resets_the_refusal_count()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        var (supervisor, card) = await AppointedAsync(app);
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        var accepted = await centre.PostAsync($"/api/v1/assignments/{await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor)}/acceptance", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var fourth = await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        fourth.GetProperty("consequences").GetArrayLength().ShouldBe(0);
        using var anonymous = app.CreateClient();
        (await (await anonymous.GetAsync($"/api/v1/public/cards/{card}")).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("valid");
    }

    [Fact]
    public async Task A_failed_annual_assessment_revokes_and_a_passed_one_does_not()
    {
        // YN 22/23 through the national record (cn.assessment.record), the one door to an assessment: YN's own
        // POST /api/v1/regions/yn/assessments, a second table beside it, is gone.
        var (failing, failingCard) = await AppointedAsync(app);
        var (passing, _) = await AppointedAsync(app);
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var year = Today.Year - 1;
        var ok = await centre.PostJsonAsync($"/api/v1/supervisors/{passing}/assessments", new { year, grade = "passed", assessedOn = new DateOnly(year, 12, 20) });
        var okBody = await ok.ReadJsonAsync();
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, okBody.ToString());
        okBody.GetProperty("consequences").GetArrayLength().ShouldBe(0);

        var failed = await centre.PostJsonAsync($"/api/v1/supervisors/{failing}/assessments", new { year, grade = "failed", assessedOn = new DateOnly(year, 12, 20), grounds = "年度考核评估不合格" });
        var body = await failed.ReadJsonAsync();
        failed.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var c = body.GetProperty("consequences").EnumerateArray().ShouldHaveSingleItem();
        c.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.assessment.annual");
        c.GetProperty("changed").GetBoolean().ShouldBeTrue();
        c.GetProperty("barred").GetBoolean().ShouldBeTrue();
        c.GetProperty("withdrawnCards").EnumerateArray().Select(x => x.GetString()).ShouldBe([failingCard]);
        // Recorded once a year.
        (await centre.PostJsonAsync($"/api/v1/supervisors/{failing}/assessments", new { year, grade = "passed", assessedOn = new DateOnly(year, 12, 21) }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // Outside Yunnan: not found.
        using var gd = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        (await gd.PostJsonAsync($"/api/v1/supervisors/{passing}/assessments", new { year = year - 1, grade = "failed", assessedOn = new DateOnly(year - 1, 12, 20) }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The old side door does not exist any more.
        (await centre.PostJsonAsync("/api/v1/regions/yn/assessments", new { supervisorId = passing, year, passed = false, assessedOn = new DateOnly(year, 12, 20) }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_recognition_activity_without_an_internal_supervisor_is_flagged_and_its_task_cannot_close()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        // An internal supervisor assigned by hand gets every check an external one gets: appointed (YN 18) with a card.
        var (internalSupervisor, _) = await AppointedAsync(app, "internal", institution.Id);
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var created = await centre.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "四级", planNumber = "YN-001",
            startsAt = start, endsAt = start.AddHours(8), candidateCount = 40, examiners = Array.Empty<object>(),
        });
        var activity = await created.ReadJsonAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, activity.ToString());
        var activityId = activity.GetProperty("id").GetGuid();
        var flags = await ActivityFlagsAsync(centre, activityId);
        flags.ShouldBe(["yn.internal.full-process"]);

        var task = await TaskAsync(centre, institution.Id, activityId: activityId);
        await app.DbAsync(async db => { var t = await db.SupervisionTasks.SingleAsync(x => x.Id == task); t.Status = "in-progress"; return await db.SaveChangesAsync(); });
        var refused = await centre.PostAsync($"/api/v1/supervision-tasks/{task}/closure", null);
        var problem = await refused.ReadJsonAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        // Nobody was dispatched either: a daily task needs an external supervisor (the staffing rule) besides the coverage.
        problem.Rules().ShouldBe(["cn.special.group-size", "yn.internal.full-process"]);

        await InviteAsync(centre, task, internalSupervisor, "internal");
        (await ActivityFlagsAsync(centre, activityId)).ShouldBeEmpty();
        var stillShort = await centre.PostAsync($"/api/v1/supervision-tasks/{task}/closure", null);
        stillShort.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await stillShort.ReadJsonAsync()).Rules().ShouldBe(["cn.special.group-size"]);
    }

    private static async Task<string[]> ActivityFlagsAsync(HttpClient client, Guid activityId)
    {
        var json = await (await client.GetAsync($"/api/v1/activities/{activityId}")).ReadJsonAsync();
        return [.. json.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!)];
    }

    [Fact]
    public async Task The_annual_inspection_follows_YN_11_in_order_and_scores_its_report_form()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var forms = await (await centre.GetAsync("/api/v1/forms?jurisdiction=53")).ReadJsonAsync();
        forms.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ShouldContain("yn.site-report");

        var task = await TaskAsync(centre, institution.Id, kind: "annual-inspection");
        var created = await centre.PostJsonAsync("/api/v1/regions/yn/annual-inspections", new { taskId = task, institutionId = institution.Id, jurisdiction = "53", year = Today.Year - 1 });
        var inspection = await created.ReadJsonAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, inspection.ToString());
        inspection.GetProperty("nextStep").GetString().ShouldBe("notice");
        var steps = $"/api/v1/regions/yn/annual-inspections/{inspection.GetProperty("id").GetGuid()}/steps";
        var day = Today;

        var early = await centre.PostJsonAsync(steps, new { step = "site-visit", on = day, answers = Answers(8) });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.ReadJsonAsync()).Rules().ShouldBe(["yn.task.annual-inspection"]);
        (await centre.PostJsonAsync(steps, new { step = "notice", on = day, text = "定于下周开展年检评估" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var wrongTotal = Answers(8);
        wrongTotal["total"] = new { number = 79 };
        var bad = await centre.PostJsonAsync(steps, new { step = "site-visit", on = day, answers = wrongTotal });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.ReadJsonAsync()).Rules().ShouldContain("yn.task.annual-inspection");

        var visit = await centre.PostJsonAsync(steps, new { step = "site-visit", on = day, answers = Answers(8) });
        var afterVisit = await visit.ReadJsonAsync();
        visit.StatusCode.ShouldBe(HttpStatusCode.OK, afterVisit.ToString());
        afterVisit.GetProperty("steps")[1].GetProperty("total").GetDecimal().ShouldBe(80);
        (await centre.PostJsonAsync(steps, new { step = "report", on = day, text = "报告" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        foreach (var step in new[] { "preliminary-opinion", "rectification", "report" })
            (await centre.PostJsonAsync(steps, new { step, on = day, text = step + " 内容" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await (await centre.GetAsync(steps[..^"/steps".Length])).ReadJsonAsync();
        done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString())
            .ShouldBe(["notice", "site-visit", "preliminary-opinion", "rectification", "report"]);
        done.TryGetProperty("nextStep", out _).ShouldBeFalse(); // finished: no next step
        (await centre.PostJsonAsync(steps, new { step = "report", on = day, text = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static Dictionary<string, object> Answers(int score)
    {
        var answers = new Dictionary<string, object>
        {
            ["institution"] = new { text = "某评价机构" }, ["visit-date"] = new { text = Today.ToString("yyyy-MM-dd") }, ["supervisors"] = new { text = "督导组" },
            ["opinion"] = new { text = "总体规范，个别考场秩序需改进" },
            ["supervisor-signature"] = new { text = "督导组" }, ["institution-signature"] = new { text = "机构" },
        };
        for (var i = 1; i <= 10; i++) answers[$"item-{i}"] = new { number = score };
        return answers;
    }
}
