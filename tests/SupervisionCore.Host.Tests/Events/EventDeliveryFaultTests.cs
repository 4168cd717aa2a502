using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Events;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Security;
using Xunit.Abstractions;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>
/// Webhook delivery across Host processes on one database: a Host SIGKILLed after the act committed and while its
/// delivery is in flight (the event is delivered after the restart, never lost), then two Hosts delivering together
/// (each event acknowledged once, in order per subject). Sizes scale with SUPERVISION_LONG_TESTS=1.
/// </summary>
[Collection(FaultSuite.Name)]
public sealed class EventDeliveryFaultTests(ITestOutputHelper output)
{
    private static Dictionary<string, string?> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string?>(EventsApp.Settings)
        {
            ["ConnectionStrings:Supervision"] = connectionString,
            ["Bootstrap:AdminClientId"] = SupervisionApp.AdminClientId,
            ["Bootstrap:AdminClientSecret"] = SupervisionApp.AdminSecret,
        };
        return settings;
    }

    private static HttpClient Client(HostProcess host, string token)
    {
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> InstitutionAsync(HttpClient client, string jurisdiction)
    {
        var response = await client.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution(jurisdiction));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_host_killed_between_commit_and_delivery_delivers_after_restart_and_two_hosts_deliver_each_event_once_in_order()
    {
        var stopwatch = Stopwatch.StartNew();
        var database = TestCluster.NewDatabase("eventfaults");
        // The in-process Host only gives tokens and reads the database: it delivers nothing itself.
        await using var seeder = SupervisionApp.With(new Dictionary<string, string?> { ["Webhooks:DeliveryEnabled"] = "false" }, database);
        var token = await seeder.AdminTokenAsync();
        await using var receiver = new Receiver();
        // The first request is held open: the Host is killed while it waits for the answer.
        receiver.Answer = (_, n) => n == 1 ? null : 200;

        string heldId;
        await using (var a = HostProcess.Start(Settings(database)))
        {
            await a.WaitReadyAsync();
            using var client = Client(a, token);
            var subscribed = await client.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url("hook"), jurisdiction = "CN" });
            subscribed.StatusCode.ShouldBe(HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
            await InstitutionAsync(client, "44");
            await receiver.WaitAsync(r => r.Log.Count == 1, TimeSpan.FromSeconds(30), "the first delivery in flight");
            heldId = receiver.Log[0].Id;
            await a.KillAsync();
        }
        receiver.Release();
        // Committed, not acknowledged: still pending after the kill.
        (await DeliveriesAsync(seeder)).ShouldBe([("pending", 1)]);

        var institutions = LongTests.Scale(10, 200);
        var b = HostProcess.Start(Settings(database));
        var c = HostProcess.Start(Settings(database));
        await using (b)
        await using (c)
        {
            await Task.WhenAll(b.WaitReadyAsync(), c.WaitReadyAsync());
            using var cb = Client(b, token);
            using var cc = Client(c, token);
            // Acts through both Hosts; every other institution is also sanctioned, a second event of the same subject.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            await Task.WhenAll(Enumerable.Range(0, institutions).Select(async i =>
            {
                var client = i % 2 == 0 ? cb : cc;
                var id = await InstitutionAsync(client, i % 3 == 0 ? "44" : "43");
                if (i % 2 == 0)
                {
                    var notice = await (i % 4 == 0 ? cc : cb).PostJsonAsync($"/api/v1/institutions/{id}/sanctions",
                        new { step = "notice-and-correction", ground = "refuse-materials", on = today.AddDays(-40), correctionDeadline = today.AddDays(-10) });
                    notice.StatusCode.ShouldBe(HttpStatusCode.Created, await notice.Content.ReadAsStringAsync());
                }
            }));
            var expected = 1 + institutions + (institutions + 1) / 2;
            await receiver.WaitAsync(r => r.Acknowledged("hook").Count >= expected, TimeSpan.FromSeconds(60), $"{expected} events acknowledged");
            await Task.Delay(1000);

            var events = await EventsAsync(seeder);
            events.Count.ShouldBe(expected);
            var acknowledged = receiver.Acknowledged("hook");
            acknowledged.Select(r => r.Id).ShouldBe(events.Select(e => e.Id.ToString()), ignoreOrder: true);
            acknowledged.Select(r => r.Id).Distinct().Count().ShouldBe(acknowledged.Count);
            // The event whose delivery died with Host A: sent again with the same webhook-id, acknowledged once.
            receiver.Log.Count(r => r.Id == heldId).ShouldBe(2);
            acknowledged.Count(r => r.Id == heldId).ShouldBe(1);
            // In order per subject: a subject's registration is acknowledged before its sanction is even sent.
            foreach (var subject in events.GroupBy(e => e.Subject).Where(g => g.Count() > 1))
            {
                var (first, second) = (subject.MinBy(e => e.Position)!.Id.ToString(), subject.MaxBy(e => e.Position)!.Id.ToString());
                var log = receiver.Log.ToList();
                log.FindIndex(r => r.Id == first && r.Answered == 200).ShouldBeLessThan(log.FindIndex(r => r.Id == second), subject.Key);
            }
            (await DeliveriesAsync(seeder)).ShouldBe([("delivered", expected)]);
            Figures.Record(output, $"webhooks: kill -9 mid-delivery then 2 Hosts: {expected} events, {receiver.Log.Count} requests, {acknowledged.Count} acknowledged once each, {stopwatch.Elapsed.TotalSeconds:0} s");
        }
    }

    private static async Task<List<(string, int)>> DeliveriesAsync(SupervisionApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var rows = await db.Set<WebhookDelivery>().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return [.. rows.OrderBy(r => r.Key).Select(r => (r.Key, r.Count))];
    }

    private static async Task<List<OutboxEvent>> EventsAsync(SupervisionApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().Set<OutboxEvent>().AsNoTracking().OrderBy(e => e.Position).ToListAsync();
    }
}
