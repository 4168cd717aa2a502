using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>POST /api/v1/card-batches: all-or-nothing, one contiguous serial range, Idempotency-Key.</summary>
public sealed class CardBatchTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static Task<HttpResponseMessage> PostBatchAsync(HttpClient client, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/card-batches") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<List<Guid>> SupervisorsAsync(int count, string jurisdiction, bool qualified = true)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add((await Seed.SupervisorAsync(app, jurisdiction, qualified: qualified)).Id);
        return ids;
    }

    [Fact]
    public async Task A_batch_takes_one_contiguous_range_after_the_serials_already_used()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        await admin.IssuedNumberAsync((await Seed.SupervisorAsync(app, "31")).Id, "2025-05-10", "31");
        var ids = await SupervisorsAsync(5, "31");
        var response = await PostBatchAsync(admin, "batch-contiguous", new { kind = "external", issuedOn = "2025-05-10", authorityId = "31", supervisorIds = ids });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("firstSerial").GetInt32().ShouldBe(2);
        body.GetProperty("lastSerial").GetInt32().ShouldBe(6);
        var cards = body.GetProperty("cards").EnumerateArray().ToList();
        cards.Select(c => c.GetProperty("supervisorId").GetGuid()).ShouldBe(ids);
        cards.Select(c => c.GetProperty("number").GetString()).ShouldBe(["R31250002", "R31250003", "R31250004", "R31250005", "R31250006"]);
        var batchId = body.GetProperty("batchId").GetGuid();
        (await app.DbAsync(db => db.Cards.CountAsync(c => c.BatchId == batchId))).ShouldBe(5);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "card.issue-batch" && e.TargetId == batchId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task One_refused_supervisor_refuses_the_whole_batch_listing_each_refusal()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var ids = await SupervisorsAsync(3, "32");
        var untrained = (await Seed.SupervisorAsync(app, "32", qualified: false)).Id;
        var holder = (await Seed.SupervisorAsync(app, "32")).Id;
        var held = await admin.IssuedNumberAsync(holder, "2025-01-05", "32");
        var response = await PostBatchAsync(admin, "batch-refused", new { kind = "external", issuedOn = "2025-05-10", authorityId = "32", supervisorIds = ids.Append(untrained).Append(holder) });
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        var refused = problem.GetProperty("supervisors").EnumerateArray().ToDictionary(s => s.GetProperty("supervisorId").GetGuid());
        refused.Keys.ShouldBe([untrained, holder], ignoreOrder: true);
        refused[untrained].GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()).ShouldBe(["cn.card.requires-training"]);
        refused[holder].GetProperty("heldCard").GetString().ShouldBe(held);
        problem.Rules().ShouldContain("cn.card.requires-training");
        (await app.DbAsync(db => db.Cards.CountAsync(c => ids.Contains(c.SupervisorId)))).ShouldBe(0);
        (await app.DbAsync(db => db.CardCounters.SingleAsync(c => c.AllocationKey == "cn.external/32/2025"))).LastSerial.ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_same_status_and_body_and_issues_nothing_more()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var body = new { kind = "external", issuedOn = "2025-05-10", authorityId = "33", supervisorIds = await SupervisorsAsync(3, "33") };
        var first = await PostBatchAsync(admin, "retry-key", body);
        var firstText = await first.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.Created, firstText);
        var second = await PostBatchAsync(admin, "retry-key", body);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(firstText);
        (await app.DbAsync(db => db.Cards.CountAsync(c => c.AllocationKey == "cn.external/33/2025"))).ShouldBe(3);

        // A refusal is replayed too, even once the cause is gone.
        var untrained = await Seed.SupervisorAsync(app, "33", qualified: false);
        var refusedBody = new { kind = "external", issuedOn = "2025-05-11", authorityId = "33", supervisorIds = new[] { untrained.Id } };
        var refused = await PostBatchAsync(admin, "retry-refused", refusedBody);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var refusedText = await refused.Content.ReadAsStringAsync();
        var replay = await PostBatchAsync(admin, "retry-refused", refusedBody);
        replay.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        replay.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await replay.Content.ReadAsStringAsync()).ShouldBe(refusedText);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict_and_a_missing_or_long_key_is_a_400()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var ids = await SupervisorsAsync(2, "34");
        (await PostBatchAsync(admin, "reused-key", new { kind = "external", issuedOn = "2025-05-10", authorityId = "34", supervisorIds = ids.Take(1) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var conflict = await PostBatchAsync(admin, "reused-key", new { kind = "external", issuedOn = "2025-05-10", authorityId = "34", supervisorIds = ids.Skip(1) });
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        conflict.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await app.DbAsync(db => db.Cards.CountAsync(c => c.SupervisorId == ids[1]))).ShouldBe(0);

        // Another principal has its own key space.
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "34"));
        (await PostBatchAsync(province, "reused-key", new { kind = "external", issuedOn = "2025-05-10", authorityId = "34", supervisorIds = ids.Skip(1) })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var valid = new { kind = "external", issuedOn = "2025-05-10", authorityId = "34", supervisorIds = ids };
        (await PostBatchAsync(admin, null, valid)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostBatchAsync(admin, new string('k', 101), valid)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_batches_are_400s_naming_the_field()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var id = (await Seed.SupervisorAsync(app, "35")).Id;
        async Task<string> BadAsync(object body)
        {
            var response = await PostBatchAsync(admin, "bad-" + Guid.NewGuid().ToString("N"), body);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
            return text;
        }
        (await BadAsync(new { kind = "external", issuedOn = "2025-05-10", authorityId = "35", supervisorIds = Array.Empty<Guid>() })).ShouldContain("supervisorIds");
        (await BadAsync(new { kind = "external", issuedOn = "2025-05-10", authorityId = "35", supervisorIds = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()) })).ShouldContain("supervisorIds");
        (await BadAsync(new { kind = "external", issuedOn = "2025-05-10", authorityId = "35", supervisorIds = new[] { id, id } })).ShouldContain("supervisorIds");
        (await BadAsync(new { kind = "other", issuedOn = "2025-05-10", authorityId = "35", supervisorIds = new[] { id } })).ShouldContain("kind");
        (await BadAsync(new { kind = "external", issuedOn = "2025-05-10", supervisorIds = new[] { id } })).ShouldContain("authorityId");
    }

    [Fact]
    public async Task A_batch_of_internal_cards_for_an_institution_and_its_operator()
    {
        var employer = await Seed.InstitutionAsync(app, "36", "employer");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await Seed.SupervisorAsync(app, "36", "internal", employer.Id)).Id);
        var outsider = (await Seed.SupervisorAsync(app, "36", "internal", (await Seed.InstitutionAsync(app, "36", "employer")).Id)).Id;
        using var operatorClient = app.CreateClient(await app.UserTokenAsync(Roles.InstitutionOperator, "36", employer.Id));
        (await PostBatchAsync(operatorClient, "op-outsider", new { kind = "internal", issuedOn = "2025-05-10", institutionId = employer.Id, supervisorIds = ids.Append(outsider) }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostBatchAsync(operatorClient, "op-external", new { kind = "external", issuedOn = "2025-05-10", authorityId = "36", supervisorIds = ids }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var response = await PostBatchAsync(operatorClient, "op-ok", new { kind = "internal", issuedOn = "2025-05-10", institutionId = employer.Id, supervisorIds = ids });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("number").GetString())
            .ShouldBe([$"Y{employer.InternalIssuerCode}250001", $"Y{employer.InternalIssuerCode}250002", $"Y{employer.InternalIssuerCode}250003"]);
        body.GetProperty("allocationKey").GetString().ShouldBe($"cn.internal/Y{employer.InternalIssuerCode}/2025");
    }
}
