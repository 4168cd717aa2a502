using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
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
        var institution = (await Seed.InstitutionAsync(app, "53")).Id;
        var absent = (await AppointedAsync(app, "internal", institution)).Id;
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        // The institution held a session the supervisor could attend (issue #16 item 7: otherwise nobody is revoked).
        (await centre.PostJsonAsync("/api/v1/regions/yn/learning-sessions", new { institutionId = institution, jurisdiction = "53", year, heldOn = new DateOnly(year, 6, 10), content = "业务学习" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
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

/// <summary>
/// YN 17 close never revokes twice (own database: the close judges every internal supervisor in 53). Each row is an
/// internal supervisor appointed since the start of the closed year who did not pass its learning (but the one who passed),
/// with what happened to them before the close: whether the close lists them, whether it revokes them now, and how many
/// sanction records they have afterwards.
/// </summary>
public sealed class YunnanLearningRepeatTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly int Year = Today.Year - 1;
    private static readonly DateOnly YearEnd = new(Year, 12, 31);

    private static readonly (string Name, bool Listed, bool Revoked, int Sanctions)[] Cases =
    [
        ("absent", true, true, 1),
        ("passed", false, false, 0),
        ("criticised_in_the_year", true, true, 2),                                       // criticism removes nobody
        ("dismissed_in_the_year_then_appointed_again", true, true, 2),                   // the dismissal was overtaken
        ("revoked_on_the_last_day_of_the_year", false, false, 1),                        // not appointed at the year's end
        ("revoked_on_the_first_day_after_the_year", true, false, 1),
        ("dismissed_on_the_first_day_after_the_year", true, false, 1),
        ("revoked_for_refusals_after_the_year", true, false, 1),                        // another rule (YN 19)
        ("revoked_by_an_earlier_close_that_stopped_before_it_was_stored", true, false, 1), // the same rule, a rerun
        ("revocation_decided_with_a_date_ahead", true, false, 1),                        // still appointed today
    ];

    [Fact]
    public async Task A_supervisor_already_revoked_or_dismissed_is_reported_as_such_and_never_revoked_twice()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        var ids = new Dictionary<string, Guid>();
        foreach (var c in Cases) ids[c.Name] = (await AppointedAsync(app, "internal", institution.Id)).Id;
        using var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "53", institutionId: institution.Id));
        var session = await operatorClient.PostJsonAsync("/api/v1/regions/yn/learning-sessions", new { year = Year, heldOn = new DateOnly(Year, 6, 10), content = "职业技能等级认定政策与考务规程" });
        var sessionId = (await session.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await operatorClient.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{sessionId}/results/{ids["passed"]}", new { attended = true, passed = true }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var admin = await SupervisorTestSupport.AdminAsync(app);
        async Task DecideAsync(string name, string measure, string ground, DateOnly date)
        {
            var response = await admin.PostJsonAsync($"/api/v1/supervisors/{ids[name]}/sanctions", new { measure, ground, date });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, $"{name}: {await response.Content.ReadAsStringAsync()}");
        }
        async Task RevokeThroughThePackActionAsync(string name, string rule, string citation)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ISupervisorActions>().RevokeQualificationAsync(
                ids[name].ToString(), Today, new Violation(rule, citation, new LocalizedText("取消督导资格", "qualification revoked")), null, CancellationToken.None);
            outcome.Changed.ShouldBeTrue(name);
        }
        await DecideAsync("criticised_in_the_year", "criticism", "other", new DateOnly(Year, 6, 1));
        await DecideAsync("dismissed_in_the_year_then_appointed_again", "dismissal", "not-performing-duties", new DateOnly(Year, 3, 1));
        await app.DbAsync(async db =>
        {
            var start = new DateOnly(Year, 4, 1);
            db.Appointments.Add(new Appointment
            {
                Id = Guid.CreateVersion7(), SupervisorId = ids["dismissed_in_the_year_then_appointed_again"], AppointedBy = "53", TermNumber = 2,
                Start = start, End = Kernel.Appointments.Rules.TermRule.EndOf(start), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await DecideAsync("revoked_on_the_last_day_of_the_year", "revocation", "other", YearEnd);
        await DecideAsync("revoked_on_the_first_day_after_the_year", "revocation", "other", YearEnd.AddDays(1));
        await DecideAsync("dismissed_on_the_first_day_after_the_year", "dismissal", "not-performing-duties", YearEnd.AddDays(1));
        await RevokeThroughThePackActionAsync("revoked_for_refusals_after_the_year", "yn.dispatch.refusal-limit", "YN 19");
        await RevokeThroughThePackActionAsync("revoked_by_an_earlier_close_that_stopped_before_it_was_stored", "yn.learning.annual", "YN 17");
        await DecideAsync("revocation_decided_with_a_date_ahead", "revocation", "other", Today.AddDays(30));
        var before = await SanctionsAsync(ids);

        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var preview = await CloseAsync(centre, dryRun: true);
        Decisions(preview, ids).Keys.ShouldBe(Cases.Where(c => c.Listed).Select(c => c.Name), ignoreOrder: true);
        Decisions(preview, ids).Values.ShouldAllBe(d => !d.GetProperty("changed").GetBoolean());
        (await SanctionsAsync(ids)).ShouldBe(before);

        var close = await CloseAsync(centre, dryRun: false);
        close.GetProperty("alreadyClosed").GetBoolean().ShouldBeFalse();
        var decisions = Decisions(close, ids);
        var after = await SanctionsAsync(ids);
        foreach (var (name, listed, revoked, sanctions) in Cases)
        {
            decisions.ContainsKey(name).ShouldBe(listed, name);
            after[name].ShouldBe(sanctions, name);
            if (!listed) continue;
            var d = decisions[name];
            d.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.learning.annual", name);
            d.GetProperty("changed").GetBoolean().ShouldBe(revoked, name);
            d.GetProperty("blacklisted").GetBoolean().ShouldBe(revoked, name);
            if (!revoked) d.GetProperty("withdrawnCards").GetArrayLength().ShouldBe(0, name);
        }
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "supervisor.sanction" && e.Rules.Contains("yn.learning.annual"))))
            .ShouldBe(Cases.Count(c => c.Revoked) + 1); // and the stopped earlier close's one

        // A rerun reports the first close and changes nothing.
        var audit = await app.DbAsync(db => db.AuditEntries.CountAsync());
        var again = await CloseAsync(centre, dryRun: false);
        again.GetProperty("alreadyClosed").GetBoolean().ShouldBeTrue();
        Decisions(again, ids).Keys.ShouldBe(decisions.Keys, ignoreOrder: true);
        (await SanctionsAsync(ids)).ShouldBe(after);
        (await app.DbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(audit);
    }

    private Task<Dictionary<string, int>> SanctionsAsync(Dictionary<string, Guid> ids) => app.DbAsync(async db =>
    {
        var counts = await db.SupervisorSanctions.GroupBy(s => s.SupervisorId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return ids.ToDictionary(i => i.Key, i => counts.SingleOrDefault(c => c.Key == i.Value)?.Count ?? 0);
    });

    private static Dictionary<string, JsonElement> Decisions(JsonElement outcome, Dictionary<string, Guid> ids) =>
        outcome.GetProperty("decisions").EnumerateArray().ToDictionary(d => ids.Single(i => i.Value == Guid.Parse(d.GetProperty("supervisorId").GetString()!)).Key);

    private static async Task<JsonElement> CloseAsync(HttpClient client, bool dryRun)
    {
        var response = await client.PostAsync($"/api/v1/regions/yn/learning-years/{Year}/close?dryRun={(dryRun ? "true" : "false")}", null);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }
}
