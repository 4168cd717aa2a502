using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Packs.YunnanSupport;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>YN 17 annual learning through the API (own database: the close judges every internal supervisor in 53).</summary>
public sealed class YunnanLearningTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task Closing_a_year_revokes_the_failed_the_absent_and_those_who_passed_only_in_another_year_once()
    {
        var year = Today.Year - 1;
        var institution = await Seed.InstitutionAsync(app, "53");
        var passed = (await AppointedAsync(app, "internal", institution.Id)).Id;
        var failed = (await AppointedAsync(app, "internal", institution.Id)).Id;
        var absentRecorded = (await AppointedAsync(app, "internal", institution.Id)).Id;
        var neverRecorded = (await AppointedAsync(app, "internal", institution.Id)).Id;
        var otherYear = (await AppointedAsync(app, "internal", institution.Id)).Id;
        var external = (await AppointedAsync(app)).Id;
        using var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "53", institutionId: institution.Id));

        var session = await SessionAsync(operatorClient, year, new DateOnly(year, 6, 10));
        var earlier = await SessionAsync(operatorClient, year - 1, new DateOnly(year - 1, 6, 10));
        await ResultAsync(operatorClient, session, passed, true, true);
        await ResultAsync(operatorClient, session, failed, true, false);
        await ResultAsync(operatorClient, session, absentRecorded, false, null);
        await ResultAsync(operatorClient, earlier, otherYear, true, true);
        // Only the institution's internal supervisors are recorded.
        var wrong = await operatorClient.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{session}/results/{external}", new { attended = true, passed = true });
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrong.ReadJsonAsync()).Rules().ShouldBe(["yn.learning.annual"]);
        // An institution operator does not close years.
        (await operatorClient.PostAsync($"/api/v1/regions/yn/learning-years/{year}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var auditBefore = await app.DbAsync(db => db.AuditEntries.CountAsync());
        Guid[] expected = [failed, absentRecorded, neverRecorded, otherYear];

        var preview = await CloseAsync(centre, year, dryRun: true);
        preview.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        Decided(preview).ShouldBe(expected, ignoreOrder: true);
        preview.GetProperty("decisions").EnumerateArray().ShouldAllBe(d => !d.GetProperty("changed").GetBoolean());
        // The dry run changed nothing.
        (await app.DbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditBefore);
        (await app.DbAsync(db => db.RegistryBars.CountAsync())).ShouldBe(0);
        (await (await centre.GetAsync($"/api/v1/regions/yn/learning-years/{year}")).ReadJsonAsync()).GetProperty("closed").GetBoolean().ShouldBeFalse();

        var close = await CloseAsync(centre, year, dryRun: false);
        close.GetProperty("alreadyClosed").GetBoolean().ShouldBeFalse();
        Decided(close).ShouldBe(expected, ignoreOrder: true);
        foreach (var d in close.GetProperty("decisions").EnumerateArray())
        {
            d.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.learning.annual");
            d.GetProperty("rule").GetProperty("citation").GetString().ShouldBe("YN 17");
            d.GetProperty("changed").GetBoolean().ShouldBeTrue();
            d.GetProperty("blacklisted").GetBoolean().ShouldBeTrue();
            d.GetProperty("withdrawnCards").GetArrayLength().ShouldBe(1);
        }
        var sanctions = await app.DbAsync(db => db.SupervisorSanctions.Where(s => s.Ground == "yn.learning.annual").Select(s => s.SupervisorId).ToListAsync());
        sanctions.ShouldBe(expected, ignoreOrder: true);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "supervisor.sanction" && e.Rules.Contains("yn.learning.annual")))).ShouldBe(4);
        var barred = (await (await centre.GetAsync("/api/v1/regions/yn/blacklist")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(e => Guid.Parse(e.GetProperty("supervisorId").GetString()!)).ToList();
        barred.ShouldBe(expected, ignoreOrder: true);

        // Closing again changes nothing.
        var auditAfter = await app.DbAsync(db => db.AuditEntries.CountAsync());
        var again = await CloseAsync(centre, year, dryRun: false);
        again.GetProperty("alreadyClosed").GetBoolean().ShouldBeTrue();
        (await app.DbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditAfter);
        (await app.DbAsync(db => db.SupervisorSanctions.CountAsync())).ShouldBe(4);
        // A closed year's results cannot change; the current year cannot be closed yet.
        (await operatorClient.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{session}/results/{failed}", new { attended = true, passed = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await centre.PostAsync($"/api/v1/regions/yn/learning-years/{Today.Year}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static Guid[] Decided(JsonElement outcome) =>
        [.. outcome.GetProperty("decisions").EnumerateArray().Select(d => Guid.Parse(d.GetProperty("supervisorId").GetString()!))];

    private static async Task<JsonElement> CloseAsync(HttpClient client, int year, bool dryRun)
    {
        var response = await client.PostAsync($"/api/v1/regions/yn/learning-years/{year}/close?dryRun={(dryRun ? "true" : "false")}", null);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    private static async Task<Guid> SessionAsync(HttpClient client, int year, DateOnly on)
    {
        var response = await client.PostJsonAsync("/api/v1/regions/yn/learning-sessions", new { year, heldOn = on, content = "职业技能等级认定政策与考务规程" });
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    private static async Task ResultAsync(HttpClient client, Guid session, Guid supervisor, bool attended, bool? passed)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{session}/results/{supervisor}", new { attended, passed });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The scheduled close (YN 17): on the configured day a starting Host closes the previous year, once per cluster.</summary>
public sealed class YunnanLearningJobTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task A_Host_started_after_the_configured_day_closes_the_previous_year_and_a_second_Host_changes_nothing()
    {
        var year = Today.Year - 1;
        var absent = (await AppointedAsync(app, "internal", (await Seed.InstitutionAsync(app, "53")).Id)).Id;
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        (await (await centre.GetAsync($"/api/v1/regions/yn/learning-years/{year}")).ReadJsonAsync()).GetProperty("closed").GetBoolean().ShouldBeFalse();

        var settings = new Dictionary<string, string?> { ["Packs:yn:LearningYearClose:Date"] = "01-01" };
        await using (var scheduled = SupervisionApp.With(settings, app.ConnectionString))
        {
            using var client = scheduled.CreateClient(await scheduled.TokenForAsync(Roles.CenterOperator, "53"));
            var closed = await (await client.GetAsync($"/api/v1/regions/yn/learning-years/{year}")).ReadJsonAsync();
            closed.GetProperty("closed").GetBoolean().ShouldBeTrue(closed.ToString());
            closed.GetProperty("decisions").EnumerateArray().Select(d => Guid.Parse(d.GetProperty("supervisorId").GetString()!)).ShouldBe([absent]);
        }
        var sanctions = await app.DbAsync(db => db.SupervisorSanctions.CountAsync(s => s.SupervisorId == absent));
        sanctions.ShouldBe(1);
        (await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "supervisor.sanction" && e.Actor == "system" && e.Rules.Contains("yn.learning.annual")))).ShouldBeTrue();

        await using (var second = SupervisionApp.With(settings, app.ConnectionString))
        {
            using var client = second.CreateClient(await second.TokenForAsync(Roles.CenterOperator, "53"));
            (await (await client.GetAsync($"/api/v1/regions/yn/learning-years/{year}")).ReadJsonAsync()).GetProperty("closed").GetBoolean().ShouldBeTrue();
        }
        (await app.DbAsync(db => db.SupervisorSanctions.CountAsync(s => s.SupervisorId == absent))).ShouldBe(1);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "supervisor.sanction"))).ShouldBe(1);
    }
}
