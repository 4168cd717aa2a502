using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>The Guangdong pack (gd) loaded from disk: city centres and the GD card numbering, forms, dispatch constraints.</summary>
public sealed class GuangdongTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task A_city_centre_issues_its_own_letter_and_the_provincial_centre_0_cards()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var guangzhou = await admin.IssueAsync((await Seed.SupervisorAsync(app, "44.A")).Id, "2025-06-01", "44.A");
        var card = await guangzhou.ReadJsonAsync();
        guangzhou.StatusCode.ShouldBe(HttpStatusCode.Created, card.ToString());
        card.GetProperty("number").GetString().ShouldBe("R4425A001");
        card.GetProperty("allocationKey").GetString().ShouldBe("gd.external/44.A/2025");
        (await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "44.A")).Id, "2025-06-02", "44.A")).ShouldBe("R4425A002");
        // Another city has its own sequence; the provincial centre writes 0 and three digits: 9 characters, as CN.
        (await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "44.B")).Id, "2025-06-01", "44.B")).ShouldBe("R4425B001");
        var provincial = await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "44")).Id, "2025-06-01", "44");
        provincial.ShouldBe("R44250001");
        provincial.Length.ShouldBe(9);
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "card.issue").Select(e => e.Rules).ToListAsync());
        audit.ShouldContain(rules => rules.Contains("gd.card.external-format"));
    }

    [Fact]
    public async Task A_gd_number_decodes_to_its_city_centre()
    {
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        var response = await auditor.GetAsync("/api/v1/card-numbers/R4424W042");
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("scheme").GetString().ShouldBe("gd.external");
        body.GetProperty("rule").GetString().ShouldBe("gd.card.external-format");
        body.GetProperty("pack").GetString().ShouldBe("gd");
        body.GetProperty("issuer").GetProperty("id").GetString().ShouldBe("44.W");
        body.GetProperty("issuer").GetProperty("name").GetProperty("zh").GetString().ShouldBe("云浮市职业技能鉴定指导中心");
        body.GetProperty("year").GetInt32().ShouldBe(2024);
        body.GetProperty("serial").GetInt32().ShouldBe(42);
        body.GetProperty("parts").GetProperty("allocationIssuer").GetString().ShouldBe("44.W");

        var wrong = await auditor.GetAsync("/api/v1/card-numbers/R4424Z04");
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_gd_forms_apply_in_44_and_annex_4_keeps_both_items_11()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        var list = await (await client.GetAsync("/api/v1/forms?jurisdiction=44")).ReadJsonAsync();
        var gd = list.GetProperty("items").EnumerateArray().Where(f => f.GetProperty("pack").GetString() == "gd").Select(f => f.GetProperty("id").GetString()).ToList();
        gd.ShouldBe(["gd.annex-3", "gd.annex-4", "gd.annex-5", "gd.reminder-letter", "gd.quality-notice"], ignoreOrder: true);

        var annex4 = await client.GetAsync("/api/v1/forms/gd.annex-4");
        var form = (await annex4.ReadJsonAsync()).GetProperty("form");
        annex4.StatusCode.ShouldBe(HttpStatusCode.OK);
        var elevens = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
            .Where(i => i.TryGetProperty("number", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String && n.GetString() == "11")
            .Select(i => i.GetProperty("key").GetString()).ToList();
        elevens.ShouldBe(["item-11a", "item-11b"]);
        form.GetProperty("citation").GetProperty("document").GetString().ShouldBe("GD");
    }

    [Fact]
    public async Task A_draw_in_44_excludes_a_third_consecutive_dispatch_and_a_dual_role()
    {
        var institution = await Seed.InstitutionAsync(app, "44.A");
        var other = await Seed.InstitutionAsync(app, "44.A");
        var capped = (await Seed.DispatchableAsync(app, "44.A", authorityId: "44")).Id;
        var interrupted = (await Seed.DispatchableAsync(app, "44.A", authorityId: "44")).Id;
        var idNumber = Seed.IdNumber("440104");
        var dual = (await Seed.SupervisorAsync(app, "44.A", idNumber: idNumber)).Id;
        await Seed.AppointAndCardAsync(app, dual, "44", new DateOnly(2024, 1, 1));
        // The same person's internal-supervisor row (one row per jurisdiction and person).
        var employer = await Seed.InstitutionAsync(app, "44", "employer");
        var dualAsInternal = (await Seed.SupervisorAsync(app, "44", "internal", employer.Id, idNumber: idNumber)).Id;

        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var activityResponse = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "GD-2025-001",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 60,
            examiners = Array.Empty<object>(),
        });
        var activity = await activityResponse.ReadJsonAsync();
        activityResponse.StatusCode.ShouldBe(HttpStatusCode.Created, activity.ToString());
        var activityId = activity.GetProperty("id").GetGuid();
        var created = await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind = "daily", authorityId = "44", activityId, matters = new[] { "考场秩序" } });
        var task = await created.ReadJsonAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, task.ToString());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            // capped: A (Feb), A (Apr) → a third A in June is refused; interrupted: A, A, B → A is allowed.
            Dispatch(db, capped, institution.Id, "2025-02-10");
            Dispatch(db, capped, institution.Id, "2025-04-10");
            Dispatch(db, interrupted, institution.Id, "2025-02-10");
            Dispatch(db, interrupted, institution.Id, "2025-03-10");
            Dispatch(db, interrupted, other.Id, "2025-04-10");
            // dual: the same person is the internal supervisor of this session.
            Dispatch(db, dualAsInternal, institution.Id, "2025-06-10", activityId, role: "internal");
            await db.SaveChangesAsync();
        }

        var response = await client.PostJsonAsync($"/api/v1/supervision-tasks/{task.GetProperty("id").GetGuid()}/draws", new { });
        var draw = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, draw.ToString());
        var transcript = await client.TranscriptAsync(draw);
        var exclusions = transcript.GetProperty("exclusions").EnumerateArray().ToDictionary(
            e => e.GetProperty("id").GetString()!, e => e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList());
        exclusions[capped.ToString()].ShouldBe(["gd.dispatch.consecutive-cap"]);
        exclusions[dual.ToString()].ShouldContain("gd.recusal.dual-role");
        exclusions.ShouldNotContainKey(interrupted.ToString());
        transcript.GetProperty("pool").EnumerateArray().Select(e => e.GetString()).ShouldContain(interrupted.ToString());
    }

    private static void Dispatch(SupervisionDbContext db, Guid supervisorId, Guid institutionId, string day, Guid? activityId = null, string role = "external")
    {
        var start = DateTimeOffset.Parse($"{day}T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = "daily", AuthorityId = "44", Jurisdiction = "44.A", InstitutionId = institutionId, ActivityId = activityId,
            Status = "completed", RequiredCount = 1, WindowStart = start.ToUniversalTime(), WindowEnd = start.AddHours(8).ToUniversalTime(),
            CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.SupervisionTasks.Add(task);
        db.Assignments.Add(new Assignment { Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisorId, Role = role, Status = "accepted", CreatedAt = DateTimeOffset.UtcNow });
    }
}
