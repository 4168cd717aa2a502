using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Features.Events;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>
/// Events through the real API: acts of a dispatch raise their CloudEvents in the act's transaction; a loopback receiver
/// gets each once per subscription, in order per subject, signed, also when it answers 500 three times; dead letters
/// and their replay; the pull cursor, scoped to the caller's jurisdiction.
/// </summary>
public sealed partial class WebhookTests(EventsApp app) : IClassFixture<EventsApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] Provinces = ["45", "46", "50", "51", "52", "61"];
    private static int _nextProvince = -1;

    private static string NextProvince() => Provinces[Interlocked.Increment(ref _nextProvince) % Provinces.Length];

    private async Task<HttpClient> ClientAsync(string role, string jurisdiction) => app.CreateClient(await app.TokenForAsync(role, jurisdiction));

    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, string url, string jurisdiction, params string[] types)
    {
        var response = await client.PostJsonAsync("/api/v1/webhooks", new { url, jurisdiction, types });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var secret = body.GetProperty("secret").GetString()!;
        secret.ShouldStartWith("whsec_");
        return (body.GetProperty("webhook").GetProperty("id").GetGuid(), secret);
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, long after, int limit = 500)
    {
        var response = await client.GetAsync($"/api/v1/events?after={after}&limit={limit}");
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    private async Task<long> NewestPositionAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        return await db.Set<OutboxEvent>().MaxAsync(e => (long?)e.Position) ?? 0;
    }

    /// <summary>An activity and a special task (three supervisors drawn from six) in <paramref name="p"/>.</summary>
    private async Task<(Guid TaskId, HttpClient Operator)> DispatchSceneAsync(string p)
    {
        var institution = await Seed.InstitutionAsync(app, p);
        for (var i = 0; i < 6; i++) await Seed.DispatchableAsync(app, p, authorityId: p);
        var op = await ClientAsync(Roles.CenterOperator, p);
        var activity = await op.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "P-2025-021",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 120,
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid();
        var task = await op.PostJsonAsync("/api/v1/supervision-tasks", new { kind = "special", authorityId = p, activityId, matters = new[] { "考场秩序" } });
        task.StatusCode.ShouldBe(HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
        return ((await task.ReadJsonAsync()).GetProperty("id").GetGuid(), op);
    }

    [Fact]
    public async Task A_dispatch_reaches_each_subscription_once_in_order_per_subject_signed_and_through_three_500s()
    {
        var p = NextProvince();
        await using var receiver = new Receiver();
        // /all answers 500 to its first three requests, then 200; /assignments always 200.
        receiver.Answer = (path, n) => path == "/all" && n <= 3 ? 500 : 200;
        using var province = await ClientAsync(Roles.ProvinceAdmin, p);
        var all = await SubscribeAsync(province, receiver.Url("all"), p);
        var assignments = await SubscribeAsync(province, receiver.Url("assignments"), p, "supervision.assignment.*");
        var start = await NewestPositionAsync();

        var (taskId, op) = await DispatchSceneAsync(p);
        using (op)
        {
            var drawn = await op.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/draws", new { });
            drawn.StatusCode.ShouldBe(HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
            var draw = await drawn.ReadJsonAsync();
            var drawnAssignments = (await (await op.GetAsync($"/api/v1/supervision-tasks/{taskId}/assignments")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            drawnAssignments.Count.ShouldBe(3);
            var accepted = await op.PostAsync($"/api/v1/assignments/{drawnAssignments[0].GetProperty("id").GetGuid()}/acceptance", null);
            // A dispatcher cannot accept on a supervisor's behalf; the supervisor does.
            if (accepted.StatusCode != HttpStatusCode.OK)
            {
                using var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, p, supervisorId: Guid.Parse(drawnAssignments[0].GetProperty("supervisorId").GetString()!)));
                accepted = await supervisor.PostAsync($"/api/v1/assignments/{drawnAssignments[0].GetProperty("id").GetGuid()}/acceptance", null);
            }
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
            var refused = await op.PostJsonAsync($"/api/v1/assignments/{drawnAssignments[1].GetProperty("id").GetGuid()}/refusal", new { withoutReason = true });
            refused.StatusCode.ShouldBe(HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());
            // A refused act (a second draw of a drawn task without a reason) raises nothing.
            var before = await NewestPositionAsync();
            var again = await op.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/draws", new { });
            ((int)again.StatusCode).ShouldBeInRange(400, 499, await again.Content.ReadAsStringAsync());
            (await NewestPositionAsync()).ShouldBe(before);

            using var national = app.CreateClient(await app.AdminTokenAsync());
            var events = (await EventsAsync(national, start)).Where(e => e.GetProperty("jurisdiction").GetString() == p).ToList();
            var types = events.Select(e => e.GetProperty("type").GetString()).ToList();
            types.ShouldBe([
                "supervision.activity.created", "supervision.task.created", "supervision.draw.completed",
                "supervision.assignment.invited", "supervision.assignment.invited", "supervision.assignment.invited",
                "supervision.assignment.accepted", "supervision.task.started", "supervision.assignment.refused", "supervision.assignment.invited",
            ]);
            // One invitation per supervisor the draw selected, each naming its assignment, the draw and the rule.
            var selected = draw.GetProperty("selected").EnumerateArray().Select(s => s.GetString()).ToList();
            var invited = events.Where(e => e.GetProperty("type").GetString() == "supervision.assignment.invited").ToList();
            invited.Take(3).Select(e => e.GetProperty("data").GetProperty("supervisorId").GetString()).ShouldBe(selected);
            invited.Take(3).Select(e => e.GetProperty("subject").GetString()).ShouldBe(drawnAssignments.Select(a => $"assignment/{a.GetProperty("id").GetGuid()}"));
            invited.Take(3).ShouldAllBe(e => e.GetProperty("data").GetProperty("drawId").GetGuid() == draw.GetProperty("id").GetGuid());
            invited.ShouldAllBe(e => e.GetProperty("data").GetProperty("rules").EnumerateArray().Any(r => r.GetString() == "cn.dispatch.random"));
            events.ShouldAllBe(e => e.GetProperty("specversion").GetString() == "1.0" && e.GetProperty("source").GetString() == "/supervisioncore");

            // The second subscription names a family: the assignment events only.
            var ofAssignments = events.Where(e => e.GetProperty("type").GetString()!.StartsWith("supervision.assignment.", StringComparison.Ordinal)).ToList();
            ofAssignments.Count.ShouldBe(6);
            await receiver.WaitAsync(r => r.Acknowledged("all").Count >= events.Count && r.Acknowledged("assignments").Count >= ofAssignments.Count, Patience, "every event acknowledged");
            await Task.Delay(500); // nothing more may arrive
            AssertDeliveredOnceInOrder(receiver, "all", events, all.Secret);
            AssertDeliveredOnceInOrder(receiver, "assignments", ofAssignments, assignments.Secret);
            receiver.Log.Where(r => r.Path == "/all" && r.Answered == 500).Count().ShouldBe(3);

            // No personal data: no ID-number-shaped value, no name of the seeded supervisors.
            receiver.Log.ShouldAllBe(r => !IdNumberShape().IsMatch(r.Body) && !r.Body.Contains("王五", StringComparison.Ordinal));

            var stats = await (await province.GetAsync($"/api/v1/webhooks/{all.Id}")).ReadJsonAsync();
            stats.GetProperty("delivered").GetInt32().ShouldBe(events.Count);
            stats.GetProperty("dead").GetInt32().ShouldBe(0);
            stats.GetProperty("pending").GetInt32().ShouldBe(0);
        }
        await AssertEveryActHasItsEventsAsync();
    }

    /// <summary>Each event acknowledged exactly once, signed, and no event sent before the earlier events of its subject were acknowledged.</summary>
    private static void AssertDeliveredOnceInOrder(Receiver receiver, string path, List<JsonElement> expected, string secret)
    {
        var log = receiver.Log.Where(r => r.Path == "/" + path).ToList();
        var acknowledged = receiver.Acknowledged(path);
        acknowledged.Select(r => r.Id).ShouldBe(expected.Select(e => e.GetProperty("id").GetString()), ignoreOrder: true);
        acknowledged.Select(r => r.Id).Distinct().Count().ShouldBe(acknowledged.Count);
        log.ShouldAllBe(r => Receiver.Verifies(r, secret));
        log.ShouldAllBe(r => Math.Abs(r.Timestamp - DateTimeOffset.UtcNow.ToUnixTimeSeconds()) < 300);
        log.ShouldAllBe(r => r.Event.GetProperty("id").GetString() == r.Id);
        var position = expected.ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("position").GetInt64());
        var subject = expected.ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("subject").GetString()!);
        var done = new HashSet<string>();
        foreach (var request in log)
        {
            var earlier = expected.Where(e => subject[e.GetProperty("id").GetString()!] == subject[request.Id] && position[e.GetProperty("id").GetString()!] < position[request.Id]);
            earlier.ShouldAllBe(e => done.Contains(e.GetProperty("id").GetString()!), $"{path}: {request.Id} sent before an earlier event of {subject[request.Id]}");
            if (request.Answered is >= 200 and < 300) done.Add(request.Id);
        }
    }

    /// <summary>No act without its event: every audit entry of an act (not an internal one) has the events of its action and target.</summary>
    private async Task AssertEveryActHasItsEventsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Select(e => new { e.Action, e.TargetId }).ToListAsync();
        var events = await db.Set<OutboxEvent>().AsNoTracking().Select(e => new { e.Action, e.Data }).ToListAsync();
        var raised = events.Select(e => (e.Action, JsonDocument.Parse(e.Data).RootElement.GetProperty("targetId").GetString())).ToHashSet();
        var acts = entries.Where(e => !EventCatalog.Internal.Any(p => e.Action.StartsWith(p, StringComparison.Ordinal))).ToList();
        acts.Count.ShouldBeGreaterThan(5);
        acts.ShouldAllBe(e => raised.Contains(ValueTuple.Create(e.Action, (string?)e.TargetId)) || e.Action.StartsWith("draw.", StringComparison.Ordinal));
        // Draws: the draw's own event plus its invitations.
        acts.Where(e => e.Action == "draw.run").ShouldAllBe(e => raised.Contains(ValueTuple.Create(e.Action, (string?)e.TargetId)));
    }

    [Fact]
    public async Task A_delivery_failing_every_attempt_is_dead_lettered_holds_back_its_subject_until_then_and_is_replayed_by_an_admin()
    {
        var p = NextProvince();
        await using var receiver = new Receiver();
        var healthy = false;
        receiver.Answer = (_, _) => Volatile.Read(ref healthy) ? 200 : 500;
        using var province = await ClientAsync(Roles.ProvinceAdmin, p);
        var (id, secret) = await SubscribeAsync(province, receiver.Url("dead"), p, "supervision.institution.*");
        using var national = app.CreateClient(await app.AdminTokenAsync());
        var created = await national.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution(p));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var institution = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var notice = await province.PostJsonAsync($"/api/v1/institutions/{institution}/sanctions",
            new { step = "notice-and-correction", ground = "refuse-materials", on = today.AddDays(-40), correctionDeadline = today.AddDays(-10) });
        notice.StatusCode.ShouldBe(HttpStatusCode.Created, await notice.Content.ReadAsStringAsync());

        // Four attempts each (MaxAttempts=4), the second event only after the first is dead.
        await receiver.WaitAsync(r => r.Log.Count(x => x.Path == "/dead") >= 8, Patience, "8 failed attempts");
        var dead = await (await province.GetAsync($"/api/v1/webhooks/{id}/deliveries?status=dead")).ReadJsonAsync();
        var items = dead.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("type").GetString()).ShouldBe(["supervision.institution.registered", "supervision.institution.sanctioned"]);
        items.ShouldAllBe(i => i.GetProperty("attempts").GetInt32() == 4 && i.GetProperty("lastStatusCode").GetInt32() == 500);
        var log = receiver.Log.Where(r => r.Path == "/dead").ToList();
        log.Take(4).Select(r => r.Id).Distinct().Single().ShouldBe(items[0].GetProperty("eventId").GetString());
        log.Skip(4).Take(4).Select(r => r.Id).Distinct().Single().ShouldBe(items[1].GetProperty("eventId").GetString());

        // Only an administrator replays; an auditor may read the list but not replay.
        using var auditor = await ClientAsync(Roles.Auditor, p);
        (await auditor.PostJsonAsync($"/api/v1/webhooks/{id}/deliveries/replay", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Volatile.Write(ref healthy, true);
        var replay = await province.PostJsonAsync($"/api/v1/webhooks/{id}/deliveries/replay", new { });
        replay.StatusCode.ShouldBe(HttpStatusCode.OK, await replay.Content.ReadAsStringAsync());
        (await replay.ReadJsonAsync()).GetProperty("replayed").GetInt32().ShouldBe(2);
        await receiver.WaitAsync(r => r.Acknowledged("dead").Count >= 2, Patience, "replayed deliveries acknowledged");
        receiver.Acknowledged("dead").Select(r => r.Id).ShouldBe(items.Select(i => i.GetProperty("eventId").GetString()));
        receiver.Log.ShouldAllBe(r => Receiver.Verifies(r, secret));
        (await (await province.GetAsync($"/api/v1/webhooks/{id}/deliveries?status=dead")).ReadJsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);

        // Unsubscribed: nothing more is delivered.
        (await province.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await province.GetAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var more = await national.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution(p));
        more.StatusCode.ShouldBe(HttpStatusCode.Created);
        await Task.Delay(1000);
        receiver.Log.Count(r => r.Path == "/dead").ShouldBe(10);
    }

    [Fact]
    public async Task The_pull_cursor_pages_in_commit_order_and_sees_only_the_callers_jurisdiction()
    {
        var (p, q) = (NextProvince(), NextProvince());
        var start = await NewestPositionAsync();
        using var national = app.CreateClient(await app.AdminTokenAsync());
        foreach (var j in new[] { p, q, p, p, q })
            (await national.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution(j))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var province = await ClientAsync(Roles.ProvinceAdmin, p);
        var seen = new List<JsonElement>();
        var after = start;
        for (var page = 0; page < 10; page++)
        {
            var response = await (await province.GetAsync($"/api/v1/events?after={after}&limit=2")).ReadJsonAsync();
            var items = response.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0) { response.GetProperty("nextAfter").GetInt64().ShouldBe(after); break; }
            seen.AddRange(items);
            after = response.GetProperty("nextAfter").GetInt64();
            after.ShouldBe(items[^1].GetProperty("position").GetInt64());
        }
        seen.Select(e => e.GetProperty("jurisdiction").GetString()).ShouldBe([p, p, p]);
        seen.Select(e => e.GetProperty("position").GetInt64()).ShouldBeInOrder(SortDirection.Ascending);
        seen.ShouldAllBe(e => e.GetProperty("type").GetString() == "supervision.institution.registered");

        var typed = await (await province.GetAsync($"/api/v1/events?after={start}&type=supervision.draw.published")).ReadJsonAsync();
        typed.GetProperty("items").GetArrayLength().ShouldBe(0);
        var bad = await province.GetAsync("/api/v1/events?after=-1");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadJsonAsync()).NamesField("after").ShouldBeTrue();
        using var supervisor = await ClientAsync(Roles.Supervisor, p);
        (await supervisor.GetAsync("/api/v1/events")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// Positions become visible in commit order: a reader pulling while eight writers commit acts never passes over an
    /// event that commits later with a smaller position (it would then never see it).
    /// </summary>
    [Fact]
    public async Task A_reader_pulling_during_concurrent_acts_misses_no_event()
    {
        var p = NextProvince();
        var start = await NewestPositionAsync();
        using var province = await ClientAsync(Roles.ProvinceAdmin, p);
        using var national = app.CreateClient(await app.AdminTokenAsync());
        var writers = Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 6; i++)
                (await national.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution(p))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }));
        var seen = new List<long>();
        var after = start;
        while (true)
        {
            var done = writers.IsCompleted;
            var page = await (await province.GetAsync($"/api/v1/events?after={after}&limit=5")).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("position").GetInt64()));
            var next = page.GetProperty("nextAfter").GetInt64();
            if (next == after && done) break;
            after = next;
        }
        await writers;
        var all = (await EventsAsync(province, start)).Select(e => e.GetProperty("position").GetInt64()).ToList();
        all.Count.ShouldBe(48);
        seen.ShouldBe(all);
    }

    [Fact]
    public async Task Subscriptions_are_scoped_and_validated_and_the_secret_is_shown_once()
    {
        var p = NextProvince();
        using var province = await ClientAsync(Roles.ProvinceAdmin, p);
        var (id, secret) = await SubscribeAsync(province, "http://127.0.0.1:9/hook", p, "supervision.record.*", "supervision.draw.published");
        // Stored sealed with the personal-data key: a copy of the database cannot sign a delivery.
        var stored = await app.DbAsync(db => db.Set<WebhookSubscription>().Where(w => w.Id == id).Select(w => w.Secret).SingleAsync());
        stored.ShouldStartWith("enc:");
        stored.ShouldNotContain(secret[6..]);
        var listed = await (await province.GetAsync("/api/v1/webhooks")).ReadJsonAsync();
        var mine = listed.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == id);
        mine.TryGetProperty("secret", out _).ShouldBeFalse();
        mine.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ShouldBe(["supervision.record.*", "supervision.draw.published"]);

        using var other = await ClientAsync(Roles.ProvinceAdmin, NextProvince());
        (await other.GetAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await other.GetAsync("/api/v1/webhooks")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ShouldNotContain(w => w.GetProperty("id").GetGuid() == id);
        (await province.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/x", jurisdiction = "CN" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var supervisor = await ClientAsync(Roles.Supervisor, p);
        (await supervisor.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { url = "ftp://127.0.0.1/x" }, "url"),
            (new { url = "file:///etc/passwd" }, "url"),
            (new { url = "http://user:pw@127.0.0.1/x" }, "url"),
            (new { url = "/relative" }, "url"),
            (new { url = "http://127.0.0.1/x", types = new[] { "assignment.invited" } }, "types[0]"),
            (new { url = "http://127.0.0.1/x", jurisdiction = "Guangdong" }, "jurisdiction"),
        })
        {
            var response = await province.PostJsonAsync("/api/v1/webhooks", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, JsonSerializer.Serialize(body));
            (await response.ReadJsonAsync()).NamesField(field).ShouldBeTrue(await response.Content.ReadAsStringAsync());
        }
    }

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex IdNumberShape();
}
