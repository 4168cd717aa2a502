using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Registry.SupervisorTestSupport;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class SupervisorSanctionsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    /// <summary>A registered, appointed (term running today) supervisor holding a valid card.</summary>
    private async Task<(Guid Supervisor, Guid Card)> DispatchableAsync(HttpClient admin, string jurisdiction = "44")
    {
        var s = (await RegisterAsync(admin, Body(Seed.IdNumber(), jurisdiction))).Id();
        var today = TodayInChina;
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/appointments", new { appointedBy = jurisdiction, start = today.AddYears(-1) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var card = new Card
        {
            Id = Guid.CreateVersion7(), SupervisorId = s, Number = "T" + Guid.NewGuid().ToString("N")[..12], Kind = "external", Scheme = "cn.external",
            AllocationKey = "test/" + Guid.NewGuid().ToString("N"), Year = today.Year % 100, Serial = 1, IssuerId = jurisdiction, Jurisdiction = jurisdiction,
            IssuedOn = today.AddYears(-1), ValidUntil = today.AddYears(2), CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        db.Cards.Add(card);
        await db.SaveChangesAsync();
        return (s, card.Id);
    }

    private async Task<Kernel.Rules.RuleOutcome> DispatchableOnAsync(Guid supervisor, DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupervisorStanding>().IsDispatchableAsync(supervisor, day, CancellationToken.None);
    }

    [Fact]
    public async Task Dismissal_ends_the_appointment_and_withdraws_the_card_in_one_decision()
    {
        using var admin = await AdminAsync(app);
        var (s, cardId) = await DispatchableAsync(admin);
        var today = TodayInChina;
        (await DispatchableOnAsync(s, today)).Passed.ShouldBeTrue();

        using var centre = await ClientAsync(app, Roles.CenterOperator, "44");
        var response = await centre.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "dismissal", ground = "not-performing-duties", evidenceNote = "两次未到场", date = today });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("sanction").GetProperty("rules")[0].GetString().ShouldBe("cn.sanction.supervisor-dismissal");
        body.GetProperty("terminatedAppointments").GetArrayLength().ShouldBe(1);
        body.GetProperty("withdrawnCards").GetArrayLength().ShouldBe(1);

        var appointments = await (await centre.GetAsync($"/api/v1/supervisors/{s}/appointments")).ReadJsonAsync();
        appointments.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("terminated");
        appointments.GetProperty("items")[0].GetProperty("terminatedOn").GetString().ShouldBe(today.ToString("yyyy-MM-dd"));
        var standing = (await (await centre.GetAsync($"/api/v1/supervisors/{s}")).ReadJsonAsync()).GetProperty("standing");
        standing.GetProperty("card").GetProperty("status").GetString().ShouldBe("withdrawn");
        standing.GetProperty("dispatchable").GetBoolean().ShouldBeFalse();
        var outcome = await DispatchableOnAsync(s, today);
        // Card withdrawn and dismissed (CN 17), both under the card-holder rule of CN 8; the ended term is no national
        // condition of dispatch (BJ 11 and YN 18 make it one in their packs).
        outcome.Violations.Select(v => v.Rule).ShouldBe(["cn.dispatch.random", "cn.dispatch.random"]);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        (await db.Cards.SingleAsync(c => c.Id == cardId)).WithdrawnOn.ShouldBe(today);
        var actions = await db.AuditEntries.Where(e => e.Rules.Contains("cn.sanction.supervisor-dismissal") && e.Jurisdiction == "44")
            .Select(e => e.Action).ToListAsync();
        actions.ShouldContain("supervisor.sanction");
        actions.ShouldContain("appointment.terminate");
        actions.ShouldContain("card.withdraw");
    }

    [Fact]
    public async Task Dismissal_without_a_ground_of_article_17_is_refused_and_changes_nothing()
    {
        using var admin = await AdminAsync(app);
        var (s, cardId) = await DispatchableAsync(admin);
        var refused = await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "dismissal", ground = "other", date = TodayInChina });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.sanction.supervisor-dismissal"]);
        (await (await admin.GetAsync($"/api/v1/supervisors/{s}/sanctions")).ReadJsonAsync()).GetProperty("count").GetInt32().ShouldBe(0);
        (await DispatchableOnAsync(s, TodayInChina)).Passed.ShouldBeTrue();
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().Cards.SingleAsync(c => c.Id == cardId)).WithdrawnOn.ShouldBeNull();
    }

    [Fact]
    public async Task Suspension_blocks_dispatch_inside_its_period_only()
    {
        using var admin = await AdminAsync(app);
        var (s, _) = await DispatchableAsync(admin);
        var today = TodayInChina;
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "suspension", ground = "refusal-without-reason", date = today, suspendedFrom = today })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "suspension", ground = "refusal-without-reason", date = today, suspendedFrom = today, suspendedUntil = today.AddDays(-1) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "suspension", ground = "refusal-without-reason", date = today, suspendedFrom = today, suspendedUntil = today.AddDays(30) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await DispatchableOnAsync(s, today.AddDays(30))).Violations.Select(v => v.Rule).ShouldBe(["cn.dispatch.random"]);
        (await DispatchableOnAsync(s, today.AddDays(31))).Passed.ShouldBeTrue();
        var standing = (await (await admin.GetAsync($"/api/v1/supervisors/{s}")).ReadJsonAsync()).GetProperty("standing");
        standing.GetProperty("suspended").GetBoolean().ShouldBeTrue();
        standing.GetProperty("card").GetProperty("status").GetString().ShouldBe("suspended");
        (await (await admin.GetAsync("/api/v1/supervisors?status=suspended&pageSize=100")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldContain(s);
    }

    [Fact]
    public async Task Revocation_and_ban_show_in_the_standing()
    {
        using var admin = await AdminAsync(app);
        var (s, _) = await DispatchableAsync(admin);
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "revocation", ground = "other", evidenceNote = "考核不合格", date = TodayInChina })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "ban", ground = "bad-influence", date = TodayInChina })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var standing = (await (await admin.GetAsync($"/api/v1/supervisors/{s}")).ReadJsonAsync()).GetProperty("standing");
        standing.GetProperty("revoked").GetBoolean().ShouldBeTrue();
        standing.GetProperty("banned").GetBoolean().ShouldBeTrue();
        standing.GetProperty("appointment").GetProperty("status").GetString().ShouldBe("terminated");
        (await (await admin.GetAsync($"/api/v1/supervisors/{s}/sanctions")).ReadJsonAsync()).GetProperty("count").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Only_administrators_and_centre_operators_in_the_subtree_decide()
    {
        using var admin = await AdminAsync(app);
        var (s, _) = await DispatchableAsync(admin, "45");
        var body = new { measure = "criticism", ground = "bad-influence", date = TodayInChina };
        using (var other = await ClientAsync(app, Roles.CenterOperator, "44"))
            (await other.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var auditor = await ClientAsync(app, Roles.Auditor, "45"))
        {
            (await auditor.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await auditor.GetAsync($"/api/v1/supervisors/{s}/sanctions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var institution = await ClientAsync(app, Roles.InstitutionOperator, "45"))
            (await institution.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var province = await ClientAsync(app, Roles.ProvinceAdmin, "45");
        (await province.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await province.PostAsJsonAsync($"/api/v1/supervisors/{s}/sanctions", new { measure = "exile", ground = "bad-influence", date = TodayInChina })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
