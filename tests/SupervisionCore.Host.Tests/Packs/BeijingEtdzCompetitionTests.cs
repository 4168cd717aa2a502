using System.Net;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>bj-etdz competition tasks per venue (BJ 26) and the annex 6 schedule through the HTTP API, pack loaded from disk.</summary>
public sealed class BeijingEtdzCompetitionTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Zone = "11.ETDZ";

    private async Task<Guid> ExternalAsync(string name)
    {
        var s = await Seed.SupervisorAsync(app, Zone, idNumber: Seed.IdNumber("110115", new DateOnly(1978, 4, 4), true), name: name);
        await Seed.AppointAndCardAsync(app, s.Id, "11", new DateOnly(2024, 1, 1));
        return s.Id;
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    [Fact]
    public async Task Competition_tasks_per_venue_follow_the_staffing_rule_and_fill_the_annex_6_schedule()
    {
        var organiser = await Seed.InstitutionAsync(app, Zone, filingNumber: "309201");
        using var bureau = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));
        var competition = await CreateAsync(bureau, "/api/v1/activities", new
        {
            institutionId = organiser.Id, kind = "competition", occupation = "电工", level = "三级", planNumber = "2025经开区电工竞赛",
            startsAt = "2025-09-01T08:00:00+08:00", endsAt = "2025-09-01T18:00:00+08:00", candidateCount = 401,
            venues = new[] { new { name = "一号馆", address = (string?)"科创十三街1号", contestants = 200 }, new { name = "二号馆", address = (string?)null, contestants = 201 } },
        });
        var activityId = competition.GetProperty("id").GetGuid();
        var venues = competition.GetProperty("venues").EnumerateArray().Select(v => v.GetProperty("id").GetInt64()).ToList();

        var inProgress1 = await CreateAsync(bureau, "/api/v1/supervision-tasks", new { kind = "competition-in-progress", authorityId = Zone, activityId, venueId = venues[0], matters = new[] { "竞赛秩序" } });
        var inProgress2 = await CreateAsync(bureau, "/api/v1/supervision-tasks", new { kind = "competition-in-progress", authorityId = Zone, activityId, venueId = venues[1], matters = new[] { "竞赛秩序" } });
        // Staffing per venue: 200 contestants → exactly 2; 201 → at least 2.
        inProgress1.GetProperty("requiredCount").GetInt32().ShouldBe(2);
        inProgress1.GetProperty("staffingRules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["bj.staffing.competition"]);
        inProgress2.GetProperty("requiredCount").GetInt32().ShouldBe(2);

        var zhang = await ExternalAsync("张三");
        var li = await ExternalAsync("李四");
        var wang = await ExternalAsync("王五");
        foreach (var supervisor in new[] { zhang, li })
            await CreateAsync(bureau, $"/api/v1/supervision-tasks/{inProgress1.GetProperty("id").GetGuid()}/assignments", new { supervisorId = supervisor, role = "external" });
        foreach (var supervisor in new[] { zhang, li, wang })
            await CreateAsync(bureau, $"/api/v1/supervision-tasks/{inProgress2.GetProperty("id").GetGuid()}/assignments", new { supervisorId = supervisor, role = "external" });

        var response = await bureau.GetAsync($"/api/v1/regions/bj-etdz/competitions/{activityId}/schedule");
        var schedule = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, schedule.ToString());
        schedule.GetProperty("formId").GetString().ShouldBe("bj-etdz.annex-6");
        var rows = schedule.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("venueId").GetInt64(), r.GetProperty("contestants").GetInt32()))
            .ShouldBe([("in-progress", venues[0], 200), ("in-progress", venues[1], 201)]);
        rows[0].GetProperty("supervisors").EnumerateArray().Select(s => s.GetString()).ShouldBe(["张三", "李四"]);
        rows[0].GetProperty("venue").GetString().ShouldBe("一号馆（科创十三街1号）");
        rows[0].GetProperty("project").GetString().ShouldBe("2025经开区电工竞赛");
        rows[0].GetProperty("staffing").GetProperty("satisfied").GetBoolean().ShouldBeTrue();
        rows[1].GetProperty("staffing").GetProperty("assigned").GetInt32().ShouldBe(3);
        rows[1].GetProperty("staffing").GetProperty("satisfied").GetBoolean().ShouldBeTrue(); // 201: more allowed
        rows[0].GetProperty("startsAt").GetString().ShouldBe("2025-09-01T08:00:00+08:00");
        schedule.GetProperty("venuesWithoutInProgress").GetArrayLength().ShouldBe(0);
        schedule.GetProperty("venuesWithoutAfter").EnumerateArray().Select(v => v.GetInt64()).ShouldBe(venues);
        var sheet = schedule.GetProperty("sheets").EnumerateArray().ShouldHaveSingleItem();
        sheet.GetProperty("row-1.kind").GetProperty("text").GetString().ShouldBe("in-progress");
        sheet.GetProperty("row-2.contestants").GetProperty("number").GetDecimal().ShouldBe(201m);
        sheet.GetProperty("row-1.supervisors").GetProperty("text").GetString().ShouldBe("张三、李四");

        // The organiser's operator sees it; another institution and other places do not; a non-competition is not a schedule.
        using var organiserOp = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, Zone, institutionId: organiser.Id));
        (await organiserOp.GetAsync($"/api/v1/regions/bj-etdz/competitions/{activityId}/schedule")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await Seed.InstitutionAsync(app, Zone, filingNumber: "309202");
        using var strangerOp = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, Zone, institutionId: stranger.Id));
        (await strangerOp.GetAsync($"/api/v1/regions/bj-etdz/competitions/{activityId}/schedule")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var gd = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        (await gd.GetAsync($"/api/v1/regions/bj-etdz/competitions/{activityId}/schedule")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var session = await CreateAsync(bureau, "/api/v1/activities", new
        {
            institutionId = organiser.Id, kind = "skill-level-recognition", occupation = "电工", startsAt = "2025-09-03T08:00:00+08:00", endsAt = "2025-09-03T12:00:00+08:00", candidateCount = 10,
        });
        (await bureau.GetAsync($"/api/v1/regions/bj-etdz/competitions/{session.GetProperty("id").GetGuid()}/schedule")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
