using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>
/// Issue #16's side doors, through the API: every path to an act — an explicit draw count, a manual external or internal
/// assignment, an acceptance, a closure, a task of a pack's kind — is judged by the same kernel decision, and a refusal is a
/// 422 problem naming the rule.
/// </summary>
public sealed class SideDoorTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Zone = "11.ETDZ";

    // Each scene in a province of its own (31–34 have no pack), so pools never mix.
    private static readonly string[] Provinces = ["31", "32", "33", "34", "21", "22", "23"];
    private static int _next = -1;

    private static string NextProvince() => Provinces[Interlocked.Increment(ref _next) % Provinces.Length];

    private async Task<HttpClient> OperatorAsync(string where) => app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, where));

    private static async Task<(Guid Activity, Guid Task)> TaskAsync(HttpClient client, string where, Guid institutionId, string kind, int candidates = 80, Guid? examiner = null)
    {
        var activity = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "P-SIDE-" + Guid.NewGuid().ToString("N")[..6],
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = candidates,
            examiners = examiner is null ? Array.Empty<object>() : [new { supervisorId = (Guid?)examiner, idNumber = (string?)null, name = "考评员" }],
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid();
        var authority = where == Zone ? Zone : where;
        var task = await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind, authorityId = authority, activityId, matters = new[] { "考场秩序" } });
        task.StatusCode.ShouldBe(HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
        return (activityId, (await task.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    private async Task<List<Guid>> DispatchableAsync(string where, int count, string authority)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var s = await Seed.SupervisorAsync(app, where, idNumber: Seed.IdNumber(where == Zone ? "110115" : where + "0101", new DateOnly(1980, 1, 1)));
            await Seed.AppointAndCardAsync(app, s.Id, authority, new DateOnly(2024, 1, 1));
            ids.Add(s.Id);
        }
        return ids;
    }

    private static async Task<string[]> ViolatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];
    }

    [Theory]
    [InlineData("special", 2, "cn.special.group-size")]
    [InlineData("special", 3, null)]
    [InlineData("daily", 1, null)]
    public async Task An_explicit_draw_count_is_held_to_the_staffing_rule(string kind, int count, string? rule)
    {
        var p = NextProvince();
        var institution = await Seed.InstitutionAsync(app, p);
        await DispatchableAsync(p, 5, p);
        using var op = await OperatorAsync(p);
        var (_, task) = await TaskAsync(op, p, institution.Id, kind);
        var response = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/draws", new { count });
        if (rule is null) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        else (await ViolatedAsync(response)).ShouldBe([rule]);
    }

    [Theory]
    [InlineData(1, "bj.staffing.recognition")]
    [InlineData(2, null)]
    [InlineData(3, "bj.staffing.recognition")]
    public async Task A_zone_recognition_draw_takes_exactly_2_up_to_200_candidates(int count, string? rule)
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: $"3030{count:00}");
        await DispatchableAsync(Zone, 4, "11");
        using var op = await OperatorAsync(Zone);
        var (_, task) = await TaskAsync(op, Zone, institution.Id, "daily", candidates: 150);
        var response = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/draws", new { count });
        if (rule is null) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        else (await ViolatedAsync(response)).ShouldBe([rule]);
    }

    [Fact]
    public async Task A_manual_addition_above_the_maximum_is_refused()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: "303101");
        var people = await DispatchableAsync(Zone, 3, "11");
        using var op = await OperatorAsync(Zone);
        var (_, task) = await TaskAsync(op, Zone, institution.Id, "daily", candidates: 150);
        for (var i = 0; i < 2; i++)
        {
            var ok = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = people[i], role = "external" });
            ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        }
        (await ViolatedAsync(await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = people[2], role = "external" })))
            .ShouldBe(["bj.staffing.recognition"]);
    }

    [Fact]
    public async Task Closing_a_special_task_with_two_dispatched_names_the_group_size()
    {
        var p = NextProvince();
        var institution = await Seed.InstitutionAsync(app, p);
        var people = await DispatchableAsync(p, 2, p);
        using var op = await OperatorAsync(p);
        var (_, task) = await TaskAsync(op, p, institution.Id, "special");
        foreach (var id in people)
        {
            var made = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = id, role = "external" });
            made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
            var accepted = await op.PostAsync($"/api/v1/assignments/{(await made.ReadJsonAsync()).GetProperty("id").GetGuid()}/acceptance", null);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        }
        (await ViolatedAsync(await op.PostAsync($"/api/v1/supervision-tasks/{task}/closure", null))).ShouldContain("cn.special.group-size");
    }

    public enum Standing { Good, Conflicted, Examiner, Revoked, NoCard, OtherInstitution }

    [Theory]
    [InlineData(Standing.Good, null)]
    [InlineData(Standing.Conflicted, "cn.recusal.conflict")]
    [InlineData(Standing.Examiner, "cn.recusal.examiner")]
    [InlineData(Standing.Revoked, "cn.dispatch.random")]
    [InlineData(Standing.NoCard, "cn.dispatch.random")]
    [InlineData(Standing.OtherInstitution, "cn.supervisor.kinds")]
    public async Task An_internal_supervisor_assigned_by_hand_gets_every_check(Standing standing, string? rule)
    {
        var p = NextProvince();
        var institution = await Seed.InstitutionAsync(app, p);
        var other = await Seed.InstitutionAsync(app, p);
        var person = await Seed.SupervisorAsync(app, p, "internal", standing == Standing.OtherInstitution ? other.Id : institution.Id, idNumber: Seed.IdNumber(p + "0101"));
        if (standing != Standing.NoCard) await Seed.InternalCardAsync(app, person.Id, standing == Standing.OtherInstitution ? other.Id : institution.Id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            if (standing == Standing.Conflicted) db.SupervisorConflicts.Add(new SupervisorConflict { SupervisorId = person.Id, InstitutionId = institution.Id, Kind = "employment" });
            if (standing == Standing.Revoked)
                db.SupervisorSanctions.Add(new SupervisorSanction
                {
                    Id = Guid.CreateVersion7(), SupervisorId = person.Id, Measure = "revocation", Ground = "not-performing-duties", DecidedBy = "test",
                    DecidedOn = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }
        using var op = await OperatorAsync(p);
        var (_, task) = await TaskAsync(op, p, institution.Id, "daily", examiner: standing == Standing.Examiner ? person.Id : null);
        var response = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = person.Id, role = "internal" });
        if (rule is null) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        else (await ViolatedAsync(response)).ShouldContain(rule);
    }

    [Theory]
    [InlineData(1959, 6, 10, "bj.eligibility.age")]
    [InlineData(1959, 6, 11, null)]
    public async Task A_zone_internal_supervisor_assigned_by_hand_meets_the_age_limit(int year, int month, int day, string? rule)
    {
        var institution = await Seed.InstitutionAsync(app, Zone, "employer", filingNumber: $"2031{day:00}");
        var person = await Seed.SupervisorAsync(app, Zone, "internal", institution.Id, idNumber: Seed.IdNumber("110115", new DateOnly(year, month, day), male: true));
        await Seed.AppointAndCardAsync(app, person.Id, "11", new DateOnly(2024, 1, 1), card: false);
        await Seed.InternalCardAsync(app, person.Id, institution.Id);
        using var op = await OperatorAsync(Zone);
        var (_, task) = await TaskAsync(op, Zone, institution.Id, "daily", candidates: 150);
        var response = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = person.Id, role = "internal" });
        if (rule is null) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        else (await ViolatedAsync(response)).ShouldBe([rule]);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "bj.dispatch.appointed")]
    public async Task A_zone_supervisor_is_dispatched_only_during_an_appointment(bool appointed, string? rule)
    {
        var institution = await Seed.InstitutionAsync(app, Zone, "employer", filingNumber: appointed ? "203201" : "203202");
        var person = await Seed.SupervisorAsync(app, Zone, "internal", institution.Id, idNumber: Seed.IdNumber("110115", new DateOnly(1980, 1, 1)));
        if (appointed) await Seed.AppointAndCardAsync(app, person.Id, "11", new DateOnly(2024, 1, 1), card: false);
        await Seed.InternalCardAsync(app, person.Id, institution.Id);
        using var op = await OperatorAsync(Zone);
        var (_, task) = await TaskAsync(op, Zone, institution.Id, "daily", candidates: 150);
        var response = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = person.Id, role = "internal" });
        if (rule is null) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        else (await ViolatedAsync(response)).ShouldBe([rule]);
    }

    [Fact]
    public async Task A_card_holder_without_appointment_is_drawn_where_no_pack_requires_one()
    {
        var p = NextProvince();
        var institution = await Seed.InstitutionAsync(app, p);
        var holder = await Seed.SupervisorAsync(app, p, idNumber: Seed.IdNumber(p + "0101"));
        await Seed.AppointAndCardAsync(app, holder.Id, p, new DateOnly(2021, 1, 1)); // term ended 2023-12-31, card valid until then …
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // … and a card still valid on the activity's day (CN 8: "从取得证卡的人员中" — card holders).
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            var card = db.Cards.Single(c => c.SupervisorId == holder.Id);
            card.ValidUntil = new DateOnly(2026, 12, 31);
            await db.SaveChangesAsync();
        }
        using var op = await OperatorAsync(p);
        var (_, task) = await TaskAsync(op, p, institution.Id, "daily");
        var response = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/draws", new { });
        var draw = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, draw.ToString());
        draw.GetProperty("selected").EnumerateArray().Select(e => e.GetString()).ShouldBe([holder.Id.ToString()]);
    }

    [Fact]
    public async Task An_acceptance_after_a_suspension_is_refused()
    {
        var p = NextProvince();
        var institution = await Seed.InstitutionAsync(app, p);
        var person = (await DispatchableAsync(p, 1, p))[0];
        using var op = await OperatorAsync(p);
        var (_, task) = await TaskAsync(op, p, institution.Id, "daily");
        var made = await op.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = person, role = "external" });
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.SupervisorSanctions.Add(new SupervisorSanction
            {
                Id = Guid.CreateVersion7(), SupervisorId = person, Measure = "suspension", Ground = "not-performing-duties", DecidedBy = "test",
                DecidedOn = new DateOnly(2025, 5, 1), SuspendedFrom = new DateOnly(2025, 5, 1), SuspendedUntil = new DateOnly(2025, 7, 1), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var id = (await made.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await ViolatedAsync(await op.PostAsync($"/api/v1/assignments/{id}/acceptance", null))).ShouldBe(["cn.dispatch.random"]);
        (await (await op.GetAsync($"/api/v1/assignments?taskId={task}")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("invited");
    }

    [Theory]
    [InlineData("44", "annual-inspection", "cn.task.kinds")]
    [InlineData("53", "annual-inspection", null)]
    [InlineData("44", "after-the-fact", "cn.task.kinds")]
    [InlineData(Zone, "after-the-fact", null)]
    [InlineData(Zone, "competition-in-progress", null)]
    [InlineData("53", "competition-after", "cn.task.kinds")]
    [InlineData("44", "daily", null)]
    public async Task A_task_kind_exists_only_where_a_pack_provides_it(string where, string kind, string? rule)
    {
        var institution = await Seed.InstitutionAsync(app, where, filingNumber: where == Zone ? $"3040{kind.Length:00}" : null);
        using var op = await OperatorAsync(where);
        var activity = await op.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "P-KIND",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 40, examiners = Array.Empty<object>(),
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var response = await op.PostJsonAsync("/api/v1/supervision-tasks", new
        {
            kind, authorityId = where, activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid(), matters = new[] { "考场秩序" },
        });
        if (rule is null) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        else (await ViolatedAsync(response)).ShouldBe([rule]);
    }
}
