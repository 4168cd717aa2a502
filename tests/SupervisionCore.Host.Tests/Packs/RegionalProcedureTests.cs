using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>Issue #19's regional procedures through the API: BJ 9 rotation, BJ 24 internal coverage, BJ 30/31 and YN 20/21 sanction grounds.</summary>
public sealed class RegionalProcedureTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Zone = "11.ETDZ";

    private async Task<Guid> ZoneSupervisorAsync()
    {
        var s = await Seed.SupervisorAsync(app, Zone, idNumber: Seed.IdNumber("110115", new DateOnly(1980, 1, 1)));
        await Seed.AppointAndCardAsync(app, s.Id, "11", new DateOnly(2024, 1, 1));
        return s.Id;
    }

    private static async Task<(Guid Activity, Guid Task)> ActivityWithTaskAsync(HttpClient client, Guid institutionId, string kind = "skill-level-recognition")
    {
        var activity = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId, kind, occupation = "电工", level = "三级", planNumber = $"BJ-{Guid.NewGuid():N}"[..20],
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 60,
        });
        var a = await activity.ReadJsonAsync();
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, a.ToString());
        var task = await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind = "daily", authorityId = Zone, activityId = a.GetProperty("id").GetGuid(), matters = new[] { "考场秩序" } });
        var t = await task.ReadJsonAsync();
        task.StatusCode.ShouldBe(HttpStatusCode.Created, t.ToString());
        return (a.GetProperty("id").GetGuid(), t.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_zone_draw_excludes_a_supervisor_whose_last_dispatch_was_to_the_same_institution()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: "319001");
        var other = await Seed.InstitutionAsync(app, Zone, filingNumber: "319002");
        var repeated = await ZoneSupervisorAsync();
        var rotated = await ZoneSupervisorAsync();
        var fresh = await ZoneSupervisorAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            Dispatch(db, repeated, institution.Id, "2025-03-10");                 // A → a new A is refused
            Dispatch(db, rotated, institution.Id, "2025-02-10");
            Dispatch(db, rotated, other.Id, "2025-04-10");                        // A, B → A is a rotation
            await db.SaveChangesAsync();
        }
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));
        var (_, task) = await ActivityWithTaskAsync(client, institution.Id);
        var response = await client.PostJsonAsync($"/api/v1/supervision-tasks/{task}/draws", new { });
        var draw = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, draw.ToString());
        var transcript = await client.TranscriptAsync(draw);
        var exclusions = transcript.GetProperty("exclusions").EnumerateArray().ToDictionary(
            e => e.GetProperty("id").GetString()!, e => e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList());
        exclusions[repeated.ToString()].ShouldBe(["bj.dispatch.rotation"]);
        exclusions.ShouldNotContainKey(rotated.ToString());
        var pool = transcript.GetProperty("pool").EnumerateArray().Select(e => e.GetString()).ToList();
        pool.ShouldContain(rotated.ToString());
        pool.ShouldContain(fresh.ToString());

        // A manual assignment of the same supervisor is refused by the same rule (one dispatch screen).
        var manual = await client.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = repeated, role = "external" });
        manual.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await manual.ReadJsonAsync()).ViolatedRules().ShouldContain("bj.dispatch.rotation");
    }

    [Fact]
    public async Task A_zone_recognition_activity_without_an_internal_supervisor_is_flagged_but_a_competition_is_not()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: "319003");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));
        var (activity, _) = await ActivityWithTaskAsync(client, institution.Id);
        var shown = await (await client.GetAsync($"/api/v1/activities/{activity}")).ReadJsonAsync();
        var flag = shown.GetProperty("flags").EnumerateArray().ShouldHaveSingleItem();
        flag.GetProperty("rule").GetString().ShouldBe("bj.internal.full-coverage");
        flag.GetProperty("citation").GetString().ShouldBe("BJ 24");
    }

    [Fact]
    public async Task A_BJ_31_ground_takes_its_own_measures_and_a_BJ_30_ground_climbs_the_national_ladder()
    {
        var supervisor = await ZoneSupervisorAsync();
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var refused = await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor}/sanctions", new { measure = "dismissal", ground = "bj.private-gain", date = "2025-06-20" });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ReadJsonAsync()).ViolatedRules().ShouldBe(["bj.sanction.supervisor"]);

        var revoked = await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor}/sanctions", new { measure = "revocation", ground = "bj.private-gain", date = "2025-06-20", evidenceNote = "收受评价机构财物" });
        var body = await revoked.ReadJsonAsync();
        revoked.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("sanction").GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.sanction.supervisor-dismissal", "bj.sanction.supervisor"]);
        body.GetProperty("withdrawnCards").GetArrayLength().ShouldBe(1);

        // A BJ ground outside the zone is refused naming BJ 31.
        var beijing = await Seed.DispatchableAsync(app, "11", authorityId: "11");
        var outside = await admin.PostJsonAsync($"/api/v1/supervisors/{beijing.Id}/sanctions", new { measure = "criticism", ground = "bj.not-performing-duties", date = "2025-06-20" });
        outside.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await outside.ReadJsonAsync()).ViolatedRules().ShouldBe(["bj.sanction.supervisor"]);

        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: "319004");
        var step = await admin.PostJsonAsync($"/api/v1/institutions/{institution.Id}/sanctions",
            new { step = "notice-and-correction", ground = "bj.institution.retaliation", on = "2025-06-20", correctionDeadline = "2025-07-20" });
        var stepBody = await step.ReadJsonAsync();
        step.StatusCode.ShouldBe(HttpStatusCode.Created, stepBody.ToString());
        stepBody.GetProperty("sanction").GetProperty("ground").GetString().ShouldBe("bj.institution.retaliation");
        // A BJ 30 ground cannot skip the ladder: disqualification straight away needs a serious justification (CN 18).
        var skipped = await admin.PostJsonAsync($"/api/v1/institutions/{(await Seed.InstitutionAsync(app, Zone, filingNumber: "319005")).Id}/sanctions",
            new { step = "disqualification", ground = "bj.institution.deception", on = "2025-06-20" });
        skipped.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await skipped.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.sanction.institution-ladder"]);
    }

    [Fact]
    public async Task A_YN_21_revocation_blacklists_and_an_administrative_sanction_ends_nothing()
    {
        var revoked = await Seed.DispatchableAsync(app, "53", authorityId: "53");
        var sanctioned = await Seed.DispatchableAsync(app, "53", authorityId: "53");
        using var admin = app.CreateClient(await app.AdminTokenAsync());

        var light = await admin.PostJsonAsync($"/api/v1/supervisors/{sanctioned.Id}/sanctions", new { measure = "admin-sanction", ground = "yn.dereliction", date = "2025-06-20" });
        var lightBody = await light.ReadJsonAsync();
        light.StatusCode.ShouldBe(HttpStatusCode.Created, lightBody.ToString());
        lightBody.GetProperty("terminatedAppointments").GetArrayLength().ShouldBe(0);
        lightBody.GetProperty("sanction").GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldContain("yn.sanction.supervisor");

        var suspension = await admin.PostJsonAsync($"/api/v1/supervisors/{sanctioned.Id}/sanctions",
            new { measure = "suspension", ground = "yn.dereliction", date = "2025-06-20", suspendedFrom = "2025-06-21", suspendedUntil = "2025-12-31" });
        suspension.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await suspension.ReadJsonAsync()).ViolatedRules().ShouldBe(["yn.sanction.supervisor"]);

        var heavy = await admin.PostJsonAsync($"/api/v1/supervisors/{revoked.Id}/sanctions", new { measure = "revocation", ground = "yn.falsification", date = "2025-06-20" });
        var heavyBody = await heavy.ReadJsonAsync();
        heavy.StatusCode.ShouldBe(HttpStatusCode.Created, heavyBody.ToString());
        heavyBody.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("rule").GetProperty("rule").GetString()).ShouldBe(["yn.revocation.blacklist"]);
    }

    private static void Dispatch(SupervisionDbContext db, Guid supervisorId, Guid institutionId, string day)
    {
        var start = DateTimeOffset.Parse($"{day}T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = "daily", AuthorityId = Zone, Jurisdiction = Zone, InstitutionId = institutionId,
            Status = "completed", RequiredCount = 1, WindowStart = start.ToUniversalTime(), WindowEnd = start.AddHours(8).ToUniversalTime(),
            CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.SupervisionTasks.Add(task);
        db.Assignments.Add(new Assignment { Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisorId, Role = "external", Status = "accepted", CreatedAt = DateTimeOffset.UtcNow });
    }
}
