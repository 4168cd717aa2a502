using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Dispatch;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>双随机: verifiable supervisor draws over the dispatchable pool, with exclusions by rule.</summary>
public sealed class DrawTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private sealed record Scene(string Province, Institution Institution, Guid ActivityId, Guid TaskId, List<Guid> Dispatchable, Guid Conflicted, Guid Examiner, Guid NoCard, Guid Suspended);

    // Tests of this class share one database: each scene lives in a province of its own, so pools never mix.
    private static readonly string[] Provinces = ["45", "46", "50", "51", "52", "61", "62", "63", "64", "65", "35", "36", "37", "41", "42"];
    private static int _nextProvince = -1;
    private string _province = "44";

    private async Task<HttpClient> OperatorAsync() => app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, _province));

    /// <summary>A province-44 scene: an institution, an activity, a special task, and supervisors in every standing.</summary>
    private async Task<Scene> SceneAsync(string kind = "special", int dispatchable = 6)
    {
        var p = _province = Provinces[Interlocked.Increment(ref _nextProvince) % Provinces.Length];
        var institution = await Seed.InstitutionAsync(app, p);
        var ids = new List<Guid>();
        for (var i = 0; i < dispatchable; i++) ids.Add((await Seed.DispatchableAsync(app, p, authorityId: p)).Id);
        var conflicted = (await Seed.DispatchableAsync(app, p, authorityId: p)).Id;
        var examiner = (await Seed.DispatchableAsync(app, p, authorityId: p)).Id;
        var noCard = (await Seed.SupervisorAsync(app, p)).Id;
        await Seed.AppointAndCardAsync(app, noCard, p, new DateOnly(2024, 1, 1), card: false);
        var suspended = (await Seed.DispatchableAsync(app, p, authorityId: p)).Id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.SupervisorConflicts.Add(new SupervisorConflict { SupervisorId = conflicted, InstitutionId = institution.Id, Kind = "employment" });
            db.SupervisorSanctions.Add(new SupervisorSanction
            {
                Id = Guid.CreateVersion7(), SupervisorId = suspended, Measure = "suspension", Ground = "not-performing-duties", DecidedBy = "test",
                DecidedOn = new DateOnly(2025, 1, 1), SuspendedFrom = new DateOnly(2025, 1, 1), SuspendedUntil = new DateOnly(2025, 12, 31), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        using var client = await OperatorAsync();
        var activityResponse = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "P-2025-001",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 120,
            examiners = new[] { new { supervisorId = (Guid?)examiner, idNumber = (string?)null, name = "考评员" } },
        });
        activityResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await activityResponse.Content.ReadAsStringAsync());
        var activity = await activityResponse.ReadJsonAsync();
        var created = await client.PostJsonAsync("/api/v1/supervision-tasks", new
        {
            kind, authorityId = p, activityId = activity.GetProperty("id").GetGuid(), matters = new[] { "考场秩序", "证书管理与发放" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var task = await created.ReadJsonAsync();
        return new Scene(p, institution, activity.GetProperty("id").GetGuid(), task.GetProperty("id").GetGuid(), ids, conflicted, examiner, noCard, suspended);
    }

    [Fact]
    public async Task A_draw_selects_from_the_dispatchable_pool_minus_exclusions_and_records_everything()
    {
        var scene = await SceneAsync();
        using var client = await OperatorAsync();
        var task = await (await client.GetAsync($"/api/v1/supervision-tasks/{scene.TaskId}")).ReadJsonAsync();
        task.GetProperty("requiredCount").GetInt32().ShouldBe(3);
        task.GetProperty("staffingRules")[0].GetString().ShouldBe("cn.special.group-size");

        var response = await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draw = await response.ReadJsonAsync();
        draw.TryGetProperty("pool", out _).ShouldBeFalse(); // compact: the pool and ranking are in the transcript
        var transcript = await client.TranscriptAsync(draw);
        var pool = transcript.GetProperty("pool").EnumerateArray().Select(e => e.GetString()!).ToList();
        pool.ShouldBe(scene.Dispatchable.Select(g => g.ToString()).Order(StringComparer.Ordinal).ToList());
        draw.GetProperty("poolSize").GetInt32().ShouldBe(pool.Count);
        draw.GetProperty("excludedCount").GetInt32().ShouldBe(2);
        draw.GetProperty("exclusionsByRule").EnumerateArray().Select(e => (e.GetProperty("rule").GetString(), e.GetProperty("count").GetInt32()))
            .ShouldBe([("cn.recusal.conflict", 1), ("cn.recusal.examiner", 1)]);
        var exclusions = transcript.GetProperty("exclusions").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList());
        exclusions[scene.Conflicted.ToString()].ShouldBe(["cn.recusal.conflict"]);
        exclusions[scene.Examiner.ToString()].ShouldBe(["cn.recusal.examiner"]);
        exclusions.ShouldNotContainKey(scene.NoCard.ToString()); // not dispatchable at all: not in the pool to begin with
        pool.ShouldNotContain(scene.Suspended.ToString());
        draw.GetProperty("selected").GetArrayLength().ShouldBe(3);
        draw.GetProperty("substitutes").GetArrayLength().ShouldBe(3);
        draw.GetProperty("poolDigest").GetString().ShouldBe(VerifiableDraw.DigestOf(pool));

        // Anyone can re-run it from the record.
        var again = VerifiableDraw.Run(pool, draw.GetProperty("seed").GetString()!, 3);
        var ranking = transcript.GetProperty("ranking").EnumerateArray().Select(e => e.GetString()!).ToList();
        again.Ranking.ShouldBe(ranking);
        draw.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!).ShouldBe(ranking.Take(3));
        draw.GetProperty("substitutes").EnumerateArray().Select(e => e.GetString()!).ShouldBe(ranking.Skip(3));
        var verify = await (await client.PostAsync($"/api/v1/draws/{draw.GetProperty("id").GetGuid()}/verify", null)).ReadJsonAsync();
        verify.GetProperty("match").GetBoolean().ShouldBeTrue();

        var assignments = await (await client.GetAsync($"/api/v1/supervision-tasks/{scene.TaskId}")).ReadJsonAsync();
        assignments.GetProperty("status").GetString().ShouldBe("drawn");
    }

    [Theory]
    [InlineData("UPDATE supervision.draws SET pool = substring(pool FROM 17) WHERE id = @id", "poolDigestMatches")]
    [InlineData("UPDATE supervision.draws SET seed = repeat('ab', 32) WHERE id = @id", "rankingMatches")]
    [InlineData("UPDATE supervision.draws SET ranking_order = array_reverse_placeholder WHERE id = @id", "rankingMatches")]
    public async Task A_tampered_record_no_longer_verifies(string sql, string failing)
    {
        var scene = await SceneAsync();
        using var client = await OperatorAsync();
        var draw = await (await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { })).ReadJsonAsync();
        var id = draw.GetProperty("id").GetGuid();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            var statement = sql.Replace("array_reverse_placeholder", "ARRAY(SELECT unnest(ranking_order) ORDER BY 1 DESC)", StringComparison.Ordinal);
            await using var tamper = new NpgsqlCommand(statement, connection);
            tamper.Parameters.AddWithValue("id", id);
            (await tamper.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var verify = await (await client.PostAsync($"/api/v1/draws/{id}/verify", null)).ReadJsonAsync();
        verify.GetProperty("match").GetBoolean().ShouldBeFalse();
        verify.GetProperty(failing).GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Two_draws_for_one_task_at_once_one_wins_and_the_other_is_409()
    {
        var scene = await SceneAsync();
        using var a = await OperatorAsync();
        using var b = await OperatorAsync();
        var results = await Task.WhenAll(
            a.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { }),
            b.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { }));
        results.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
    }

    [Fact]
    public async Task A_committed_seed_must_be_revealed_unchanged()
    {
        var scene = await SceneAsync();
        using var client = await OperatorAsync();
        var seed = VerifiableDraw.NewSeed();
        (await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draw-announcements", new { seedCommitment = VerifiableDraw.CommitmentOf(seed) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var wrong = await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { seed = VerifiableDraw.NewSeed() });
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("cn.dispatch.random");
        var right = await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { seed });
        right.StatusCode.ShouldBe(HttpStatusCode.Created);
        var draw = await right.ReadJsonAsync();
        draw.GetProperty("seedCommitment").GetString().ShouldBe(VerifiableDraw.CommitmentOf(seed));
        var verify = await (await client.PostAsync($"/api/v1/draws/{draw.GetProperty("id").GetGuid()}/verify", null)).ReadJsonAsync();
        verify.GetProperty("commitmentMatches").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_redraw_names_the_old_draw_and_replaces_its_invitations()
    {
        var scene = await SceneAsync();
        using var client = await OperatorAsync();
        var first = await (await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { })).ReadJsonAsync();
        (await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { replaces = first.GetProperty("id").GetGuid() }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // a redraw needs a reason
        var second = await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { replaces = first.GetProperty("id").GetGuid(), reason = "活动改期" });
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var redraw = await second.ReadJsonAsync();
        redraw.GetProperty("replacesDrawId").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        var old = await (await client.GetAsync($"/api/v1/draws/{first.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        old.GetProperty("status").GetString().ShouldBe("superseded");
    }

    [Fact]
    public async Task Too_small_a_pool_is_422_naming_the_staffing_rule()
    {
        var scene = await SceneAsync(dispatchable: 2);
        using var client = await OperatorAsync();
        var response = await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("cn.special.group-size");
    }

    [Fact]
    public async Task Publication_lists_card_numbers_anonymously_and_opens_the_transcript_to_the_institution()
    {
        var scene = await SceneAsync();
        using var client = await OperatorAsync();
        var draw = await (await client.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { })).ReadJsonAsync();
        var id = draw.GetProperty("id").GetGuid();
        using var anonymous = app.CreateClient();
        using var institution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, scene.Province, institutionId: scene.Institution.Id));
        (await institution.GetAsync($"/api/v1/draws/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var before = await (await anonymous.GetAsync("/api/v1/public/draws")).ReadJsonAsync();
        before.GetProperty("items").EnumerateArray().ShouldNotContain(d => d.GetProperty("drawId").GetGuid() == id);

        (await client.PostAsync($"/api/v1/draws/{id}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await (await anonymous.GetAsync($"/api/v1/public/draws?jurisdiction={scene.Province}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(d => d.GetProperty("drawId").GetGuid() == id);
        listed.GetProperty("cardNumbers").EnumerateArray().ShouldAllBe(n => n.GetString()!.StartsWith("R" + scene.Province, StringComparison.Ordinal));
        listed.GetProperty("cardNumbers").GetArrayLength().ShouldBe(3);
        var text = listed.ToString();
        foreach (var selected in draw.GetProperty("selected").EnumerateArray()) text.ShouldNotContain(selected.GetString()!);
        text.ShouldNotContain("王五");
        (await institution.GetAsync($"/api/v1/draws/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
