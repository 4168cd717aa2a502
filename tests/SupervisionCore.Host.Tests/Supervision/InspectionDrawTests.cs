using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Dispatch;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>双随机's first random (cn.task.double-random, CN 14/15): verifiable draws of institutions and activities to inspect.</summary>
public sealed class InspectionDrawTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    // Each scene lives in a province of its own (one shared database per class).
    private static readonly string[] Provinces = ["44", "45", "46", "50", "51", "52", "61", "62", "63", "64", "65", "35", "36", "37", "41", "42"];
    private static int _nextProvince = -1;

    private sealed record Scene(string Province, List<Guid> Drawable, Guid Disqualified);

    /// <summary>15 drawable institutions (13 active, 2 notified) and a disqualified one.</summary>
    private async Task<Scene> SceneAsync()
    {
        var p = Provinces[Interlocked.Increment(ref _nextProvince) % Provinces.Length];
        var drawable = new List<Guid>();
        for (var i = 0; i < 15; i++) drawable.Add((await Seed.InstitutionAsync(app, i < 13 ? p : p + ".A", status: i < 13 ? "active" : "notified")).Id);
        var disqualified = (await Seed.InstitutionAsync(app, p, status: "disqualified")).Id;
        return new Scene(p, drawable, disqualified);
    }

    private async Task<HttpClient> DispatcherAsync(string province) => app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, province));

    private static List<string> Strings(JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!)];

    [Fact]
    public async Task A_ratio_draw_of_institutions_is_reproducible_rounds_up_and_never_includes_the_disqualified()
    {
        var scene = await SceneAsync();
        using var client = await DispatcherAsync(scene.Province);
        var seed = VerifiableDraw.NewSeed();
        var request = new { target = "institutions", jurisdiction = scene.Province, filter = new { }, ratio = 0.1m, seed };
        var first = await client.PostJsonAsync("/api/v1/inspection-draws", request);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var draw = await first.ReadJsonAsync();
        draw.GetProperty("purpose").GetString().ShouldBe("inspection");
        (draw.TryGetProperty("taskId", out var taskId) ? taskId.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        var transcript = await client.TranscriptAsync(draw);
        Strings(transcript, "pool").ShouldBe(scene.Drawable.Select(g => g.ToString()).Order(StringComparer.Ordinal).ToList());
        Strings(transcript, "pool").ShouldNotContain(scene.Disqualified.ToString());
        draw.GetProperty("count").GetInt32().ShouldBe(2); // 0.1 × 15 = 1.5, rounded up
        draw.GetProperty("selected").GetArrayLength().ShouldBe(2);
        draw.GetProperty("filter").GetString()!.ShouldContain("\"target\":\"institutions\"");
        Strings(transcript, "ranking").ShouldBe(VerifiableDraw.Run(Strings(transcript, "pool"), seed, 2).Ranking);

        var again = await (await client.PostJsonAsync("/api/v1/inspection-draws", request)).ReadJsonAsync();
        Strings(again, "selected").ShouldBe(Strings(draw, "selected"));
        again.GetProperty("poolDigest").GetString().ShouldBe(draw.GetProperty("poolDigest").GetString());

        var notifiedOnly = await (await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { statuses = new[] { "notified" } }, count = 5 })).ReadJsonAsync();
        notifiedOnly.GetProperty("poolSize").GetInt32().ShouldBe(2);
        notifiedOnly.GetProperty("count").GetInt32().ShouldBe(2); // a count above the population takes all of it
        var disqualified = await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { statuses = new[] { "disqualified" } }, count = 1 });
        disqualified.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await disqualified.Content.ReadAsStringAsync()).ShouldContain("filter.statuses");
    }

    [Fact]
    public async Task An_inspection_draw_verifies_and_no_longer_after_tampering()
    {
        var scene = await SceneAsync();
        using var client = await DispatcherAsync(scene.Province);
        var draw = await (await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 3 })).ReadJsonAsync();
        var id = draw.GetProperty("id").GetGuid();
        var verify = await (await client.PostAsync($"/api/v1/draws/{id}/verify", null)).ReadJsonAsync();
        verify.GetProperty("match").GetBoolean().ShouldBeTrue();
        (await (await client.GetAsync($"/api/v1/draws/{id}")).ReadJsonAsync()).GetProperty("purpose").GetString().ShouldBe("inspection");

        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("UPDATE supervision.draws SET pool = substring(pool FROM 17) WHERE id = @id", connection);
            tamper.Parameters.AddWithValue("id", id);
            (await tamper.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        verify = await (await client.PostAsync($"/api/v1/draws/{id}/verify", null)).ReadJsonAsync();
        verify.GetProperty("match").GetBoolean().ShouldBeFalse();
        verify.GetProperty("poolDigestMatches").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Another_province_sees_nothing_and_cannot_draw_here()
    {
        var scene = await SceneAsync();
        using var client = await DispatcherAsync(scene.Province);
        var draw = await (await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 1 })).ReadJsonAsync();
        var id = draw.GetProperty("id").GetGuid();
        using var other = await DispatcherAsync("11");
        (await other.GetAsync($"/api/v1/draws/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/draws/{id}/verify", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, scene.Province));
        (await auditor.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"/api/v1/draws/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Activities_are_drawn_within_the_date_range_and_publication_names_them()
    {
        var scene = await SceneAsync();
        var inRange = new List<Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            Activity Add(Guid institution, string startsAt)
            {
                var start = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture);
                var a = new Activity
                {
                    Id = Guid.CreateVersion7(), InstitutionId = institution, Jurisdiction = scene.Province, Kind = "skill-level-recognition", Occupation = "电工",
                    StartsAt = start.ToUniversalTime(), EndsAt = start.AddHours(8).ToUniversalTime(), CandidateCount = 50, CreatedAt = DateTimeOffset.UtcNow,
                };
                db.Activities.Add(a);
                return a;
            }
            inRange.Add(Add(scene.Drawable[0], "2025-07-01T00:00:00+08:00").Id); // first day of the range, China time
            inRange.Add(Add(scene.Drawable[1], "2025-07-31T23:30:00+08:00").Id); // last day
            Add(scene.Drawable[2], "2025-06-30T23:59:00+08:00");                // the day before
            Add(scene.Drawable[3], "2025-08-01T00:00:00+08:00");                // the day after
            await db.SaveChangesAsync();
        }
        using var client = await DispatcherAsync(scene.Province);
        (await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "activities", jurisdiction = scene.Province, filter = new { }, count = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // activities need a range
        var response = await client.PostJsonAsync("/api/v1/inspection-draws", new
        {
            target = "activities", jurisdiction = scene.Province, filter = new { from = "2025-07-01", to = "2025-07-31", occupation = "电工" }, count = 1,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draw = await response.ReadJsonAsync();
        Strings(await client.TranscriptAsync(draw), "pool").ShouldBe(inRange.Select(g => g.ToString()).Order(StringComparer.Ordinal).ToList());

        var id = draw.GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/v1/draws/{id}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = app.CreateClient();
        var listed = (await (await anonymous.GetAsync($"/api/v1/public/draws?jurisdiction={scene.Province}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(d => d.GetProperty("drawId").GetGuid() == id);
        listed.GetProperty("taskKind").GetString().ShouldBe("inspection");
        listed.GetProperty("institution").GetString()!.ShouldContain("测试评价机构");
        listed.GetProperty("institution").GetString()!.ShouldContain("电工");
        listed.GetProperty("cardNumbers").GetArrayLength().ShouldBe(0);
        listed.GetProperty("poolSize").GetInt32().ShouldBe(2);
        using var institution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, scene.Province, institutionId: scene.Drawable[5]));
        (await institution.GetAsync($"/api/v1/draws/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK); // published: public anyway
    }

    [Fact]
    public async Task An_announced_inspection_draw_needs_the_committed_seed()
    {
        var scene = await SceneAsync();
        using var client = await DispatcherAsync(scene.Province);
        var seed = VerifiableDraw.NewSeed();
        var announced = await client.PostJsonAsync("/api/v1/inspection-draw-announcements", new { jurisdiction = scene.Province, seedCommitment = VerifiableDraw.CommitmentOf(seed) });
        announced.StatusCode.ShouldBe(HttpStatusCode.Created);
        var announcement = (await announced.ReadJsonAsync()).GetProperty("id").GetGuid();
        var wrong = await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 2, announcement, seed = VerifiableDraw.NewSeed() });
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("cn.task.double-random");
        var right = await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 2, announcement, seed });
        right.StatusCode.ShouldBe(HttpStatusCode.Created, await right.Content.ReadAsStringAsync());
        var draw = await right.ReadJsonAsync();
        draw.GetProperty("id").GetGuid().ShouldBe(announcement);
        var verify = await (await client.PostAsync($"/api/v1/draws/{announcement}/verify", null)).ReadJsonAsync();
        verify.GetProperty("match").GetBoolean().ShouldBeTrue();
        verify.GetProperty("commitmentMatches").GetBoolean().ShouldBeTrue();
        (await client.PostJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = scene.Province, filter = new { }, count = 2, announcement, seed }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound); // already run
    }
}
