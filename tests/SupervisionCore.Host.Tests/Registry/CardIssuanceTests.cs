using System.Net;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>POST /api/v1/supervisors/{id}/cards: rules of CN 第七条, serials of the card annex, access. Each test uses its own issuer-year.</summary>
public sealed class CardIssuanceTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task External_serials_start_at_0001_per_issuer_and_year_and_are_consecutive()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
            numbers.Add(await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "11")).Id, "2025-05-10", "11"));
        numbers.ShouldBe(["R11250001", "R11250002", "R11250003"]);
        // Another year of the same issuer is its own sequence.
        (await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "11")).Id, "2024-06-01", "11")).ShouldBe("R11240001");
    }

    [Fact]
    public async Task The_response_carries_no_expiry_nationally_and_the_change_is_audited()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var supervisor = await Seed.SupervisorAsync(app, "21");
        var response = await admin.IssueAsync(supervisor.Id, "2025-06-15", "21");
        var card = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, card.ToString());
        card.GetProperty("number").GetString().ShouldBe("R21250001");
        card.GetProperty("kind").GetString().ShouldBe("external");
        card.GetProperty("allocationKey").GetString().ShouldBe("cn.external/21/2025");
        // Issue #16 item 6: the national text gives a card no period; 9999-12-31 is "no expiry of its own" (docs/readings.md).
        card.GetProperty("validUntil").GetString().ShouldBe("9999-12-31");
        var id = card.GetProperty("id").GetString();
        var entry = await app.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "card.issue" && e.TargetId == id));
        entry.Rules.ShouldContain("cn.card.serial-sequence");
        entry.Detail!.ShouldNotContain(supervisor.IdNumberMasked[..6]);
        // The holder's standing reads a card of no expiry as valid (its end is its withdrawal only), also in the export.
        var read = await admin.GetAsync($"/api/v1/supervisors/{supervisor.Id}");
        var body = await read.ReadJsonAsync();
        read.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("standing").GetProperty("card").GetProperty("status").GetString().ShouldBe("valid");
        (await admin.GetAsync("/api/v1/exports/supervisors?jurisdiction=21")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Internal_card_is_numbered_with_the_institutions_class_letter_and_issuer_code()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var employer = await Seed.InstitutionAsync(app, "44", "employer");
        var social = await Seed.InstitutionAsync(app, "44", "social-org", filingNumber: "8" + Random.Shared.Next(1000, 9999), filingLevel: "mohrss");
        var a = await Seed.SupervisorAsync(app, "44", "internal", employer.Id);
        var b = await Seed.SupervisorAsync(app, "44", "internal", social.Id);
        (await admin.IssuedNumberAsync(a.Id, "2025-03-02")).ShouldBe($"Y{employer.InternalIssuerCode}250001");
        (await admin.IssuedNumberAsync(b.Id, "2025-03-02")).ShouldBe($"S{social.InternalIssuerCode}250001");
        social.InternalIssuerCode.ShouldStartWith("00");
    }

    [Fact]
    public async Task Serial_9999_is_the_last_and_the_next_is_refused_naming_the_rule()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        await app.DbAsync(async db =>
        {
            db.CardCounters.Add(new CardCounter { AllocationKey = "cn.external/12/2025", LastSerial = 9998 });
            return await db.SaveChangesAsync();
        });
        (await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "12")).Id, "2025-04-01", "12")).ShouldBe("R12259999");
        var refused = await admin.IssueAsync((await Seed.SupervisorAsync(app, "12")).Id, "2025-04-01", "12");
        var problem = await refused.ReadJsonAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldBe(["cn.card.serial-sequence"]);
        (await app.DbAsync(db => db.CardCounters.SingleAsync(c => c.AllocationKey == "cn.external/12/2025"))).LastSerial.ShouldBe(9999);
        (await app.DbAsync(db => db.Cards.CountAsync(c => c.AllocationKey == "cn.external/12/2025"))).ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_passed_training_the_card_is_refused_and_nothing_is_written()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var supervisor = await Seed.SupervisorAsync(app, "13", qualified: false);
        var response = await admin.IssueAsync(supervisor.Id, "2025-05-10", "13");
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldBe(["cn.card.requires-training"]);
        (await app.DbAsync(db => db.Cards.CountAsync(c => c.SupervisorId == supervisor.Id))).ShouldBe(0);
        (await app.DbAsync(db => db.CardCounters.CountAsync(c => c.AllocationKey == "cn.external/13/2025"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_training_after_the_issue_date_does_not_count()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var supervisor = await Seed.SupervisorAsync(app, "14"); // trained 2024-03-01
        var response = await admin.IssueAsync(supervisor.Id, "2024-02-29", "14");
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ReadJsonAsync()).Rules().ShouldBe(["cn.card.requires-training"]);
        (await admin.IssueAsync(supervisor.Id, "2024-03-01", "14")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_issuer_below_provincial_level_is_refused_with_every_violated_rule()
    {
        await app.DbAsync(async db =>
        {
            db.Authorities.Add(new Authority { Id = "test-city-15", Kind = "city-centre", Jurisdiction = "15.A", CardIssuerCode = "A", NameZh = "测试市鉴定中心", NameEn = "Test city centre", Source = "cn" });
            return await db.SaveChangesAsync();
        });
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var untrained = await Seed.SupervisorAsync(app, "15", qualified: false);
        var response = await admin.IssueAsync(untrained.Id, "2025-05-10", "test-city-15");
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldBe(["cn.card.issuer-level", "cn.card.requires-training"], ignoreOrder: true);
        var unknown = await admin.IssueAsync(untrained.Id, "2025-05-10", "no-such-authority");
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown.ReadJsonAsync()).Rules().ShouldContain("cn.card.issuer-level");
    }

    [Fact]
    public async Task A_second_valid_card_of_the_same_kind_is_refused_but_a_new_one_after_withdrawal_is_not()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var supervisor = await Seed.SupervisorAsync(app, "22");
        var first = await admin.IssuedNumberAsync(supervisor.Id, "2025-01-10", "22");
        var again = await admin.IssueAsync(supervisor.Id, "2025-02-10", "22");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain(first);
        await app.DbAsync(db => db.Cards.Where(c => c.Number == first).ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnOn, new DateOnly(2025, 2, 1))));
        (await admin.IssuedNumberAsync(supervisor.Id, "2025-02-10", "22")).ShouldBe("R22250002");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var supervisor = await Seed.SupervisorAsync(app, "23");
        var future = await admin.IssueAsync(supervisor.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd"), "23");
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadAsStringAsync()).ShouldContain("issuedOn");
        (await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor.Id}/cards", new { issuedOn = "not-a-date", authorityId = "23" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.IssueAsync(Guid.NewGuid(), "2025-01-01", "23")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Access_matrix()
    {
        var employer = await Seed.InstitutionAsync(app, "44", "employer");
        var other = await Seed.InstitutionAsync(app, "44", "employer");
        var external = await Seed.SupervisorAsync(app, "44");
        var internalOwn = await Seed.SupervisorAsync(app, "44", "internal", employer.Id);
        var internalOther = await Seed.SupervisorAsync(app, "44", "internal", other.Id);

        using (var outside = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "45")))
            (await outside.IssueAsync(external.Id, "2025-07-01", "45")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44")))
        {
            (await province.IssueAsync(external.Id, "2025-07-01", "00")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await province.IssueAsync(external.Id, "2025-07-01", "44")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        using (var city = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.A")))
            (await city.IssueAsync(internalOther.Id, "2025-07-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44")))
            (await centre.IssueAsync(internalOther.Id, "2025-07-01")).StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var role in new[] { Roles.Auditor, Roles.Supervisor })
            using (var reader = app.CreateClient(await app.TokenForAsync(role, "44")))
                (await reader.IssueAsync(internalOwn.Id, "2025-07-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var operatorClient = app.CreateClient(await app.UserTokenAsync(Roles.InstitutionOperator, "44", employer.Id));
        (await operatorClient.IssueAsync(external.Id, "2025-07-01", "44")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await operatorClient.IssueAsync(internalOther.Id, "2025-07-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var industry = await app.DbAsync(async db =>
        {
            db.Authorities.Add(new Authority { Id = "test-industry-44", Kind = "industry-department", Jurisdiction = "44", CardIssuerCode = "000512", NameZh = "测试行业部门", NameEn = "Test industry department", Source = "cn" });
            await db.SaveChangesAsync();
            return "test-industry-44";
        });
        (await operatorClient.IssueAsync(internalOwn.Id, "2025-07-01", industry)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operatorClient.IssuedNumberAsync(internalOwn.Id, "2025-07-01")).ShouldBe($"Y{employer.InternalIssuerCode}250001");
    }
}
