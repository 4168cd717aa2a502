using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Registry;
using Xunit.Abstractions;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Faults across processes: two Hosts on one database issuing cards for one issuer-year (also with one Host SIGKILLed
/// mid-run and clients retrying with Idempotency-Key), kill -9 of the Host and of PostgreSQL under a write load, and a
/// PostgreSQL outage. Sizes scale with SUPERVISION_LONG_TESTS=1.
/// </summary>
[Collection(FaultSuite.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Clients = 32;

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Supervision"] = connectionString,
        ["Bootstrap:AdminClientId"] = SupervisionApp.AdminClientId,
        ["Bootstrap:AdminClientSecret"] = SupervisionApp.AdminSecret,
        ["RateLimits:IssuancePerMinute"] = "1000000",
    };

    [Fact]
    public async Task Two_hosts_and_32_clients_issue_one_issuer_years_cards_without_gap_or_duplicate()
    {
        var count = LongTests.Scale(320, 50_000);
        await using var hosts = await TwoHosts.StartAsync("faultcards", count);
        var (seeder, ca, cb, queue) = (hosts.Seeder, hosts.ClientA, hosts.ClientB, hosts.Queue);
        int fiveHundreds = 0, created = 0, exhausted = 0, other = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            while (queue.TryDequeue(out var id))
            {
                using var response = await (c % 2 == 0 ? ca : cb).PostAsJsonAsync($"/api/v1/supervisors/{id}/cards", new { issuedOn = "2025-06-01", authorityId = "43" });
                if ((int)response.StatusCode >= 500) Interlocked.Increment(ref fiveHundreds);
                else if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
                else if (await IsSerialExhaustedAsync(response)) Interlocked.Increment(ref exhausted);
                else Interlocked.Increment(ref other);
            }
        }));
        var serials = await seeder.DbAsync(db => db.Cards.Where(k => k.AllocationKey == "cn.external/43/2025").Select(k => k.Serial).ToListAsync());
        var expected = Math.Min(count, SerialsPerIssuerYear);
        Figures.Record(output, $"concurrency: 2 hosts × {Clients} clients, {count} issuances: created {created}, refused as serials ran out {exhausted}, other answers {other}, rows {serials.Count}, distinct {serials.Distinct().Count()}, max serial {serials.DefaultIfEmpty().Max()}, 5xx {fiveHundreds}");
        fiveHundreds.ShouldBe(0);
        other.ShouldBe(0);
        created.ShouldBe(expected);
        exhausted.ShouldBe(count - expected);
        serials.Count.ShouldBe(expected);
        serials.Distinct().Count().ShouldBe(expected);
        serials.Max().ShouldBe(expected);
    }

    /// <summary>
    /// One issuer-year has serials 0001–9999 (<c>cn.card.serial-sequence</c>): the long run's 50,000 issuances fill it and
    /// the rest must be refused with that rule, none numbered twice or past 9999.
    /// </summary>
    private const int SerialsPerIssuerYear = 9999;

    private static async Task<bool> IsSerialExhaustedAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.UnprocessableEntity && (await response.Content.ReadAsStringAsync()).Contains("cn.card.serial-sequence", StringComparison.Ordinal);

    [Fact]
    public async Task With_one_host_killed_mid_run_clients_retrying_with_idempotency_keys_lose_no_card_and_duplicate_none()
    {
        var count = LongTests.Scale(320, 50_000);
        await using var hosts = await TwoHosts.StartAsync("faultretry", count);
        var (seeder, b, ca, cb, queue) = (hosts.Seeder, hosts.B, hosts.ClientA, hosts.ClientB, hosts.Queue);
        var acknowledged = new ConcurrentBag<Guid>();
        int sent = 0, retries = 0, fiveHundreds = 0, exhausted = 0;
        var killAt = count / 3;
        var killed = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            while (queue.TryDequeue(out var id))
            {
                if (Interlocked.Increment(ref sent) == killAt && Interlocked.Exchange(ref killed, 1) == 0) _ = b.KillAsync();
                var key = "card-" + id;
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    var client = attempt == 0 && c % 2 == 1 && Volatile.Read(ref killed) == 0 ? cb : ca;
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/card-batches") { Content = JsonContent.Create(new { kind = "external", issuedOn = "2025-06-01", authorityId = "43", supervisorIds = new[] { id } }) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await client.SendAsync(request);
                        if ((int)response.StatusCode >= 500) { Interlocked.Increment(ref fiveHundreds); Interlocked.Increment(ref retries); continue; }
                        if (response.IsSuccessStatusCode) acknowledged.Add(id);
                        else if (await IsSerialExhaustedAsync(response)) Interlocked.Increment(ref exhausted);
                        break;
                    }
                    catch (HttpRequestException) { Interlocked.Increment(ref retries); }
                    catch (TaskCanceledException) { Interlocked.Increment(ref retries); }
                }
            }
        }));
        var cards = await seeder.DbAsync(db => db.Cards.Where(k => k.AllocationKey == "cn.external/43/2025").Select(k => new { k.SupervisorId, k.Serial }).ToListAsync());
        var lost = acknowledged.Count(id => cards.All(k => k.SupervisorId != id));
        var duplicates = cards.Count - cards.Select(k => k.SupervisorId).Distinct().Count();
        var expected = Math.Min(count, SerialsPerIssuerYear);
        Figures.Record(output, $"host SIGKILL mid-run: {count} issuances with Idempotency-Key, acknowledged {acknowledged.Count}, refused as serials ran out {exhausted}, retries {retries}, 5xx {fiveHundreds}, cards {cards.Count}, duplicates {duplicates}, lost acknowledged {lost}, serials distinct {cards.Select(k => k.Serial).Distinct().Count()} max {cards.Select(k => k.Serial).DefaultIfEmpty().Max()}");
        lost.ShouldBe(0);
        duplicates.ShouldBe(0);
        acknowledged.Count.ShouldBe(expected);
        exhausted.ShouldBe(count - expected);
        cards.Select(k => k.Serial).Distinct().Count().ShouldBe(cards.Count);
        cards.Select(k => k.Serial).Max().ShouldBe(cards.Count);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("postgres")]
    public async Task After_kill_9_under_a_write_load_every_acknowledged_write_is_present(string victim)
    {
        var iterations = LongTests.Scale(3, 20);
        using var pg = new OwnPostgres();
        var host = HostProcess.Start(Settings(pg.ConnectionString));
        var acknowledged = new ConcurrentBag<Guid>();
        try
        {
            await host.WaitReadyAsync();
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                using var client = host.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
                using var stop = new CancellationTokenSource();
                var load = Enumerable.Range(0, 8).Select(async _ =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            using var response = await client.PostAsJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution("43"));
                            if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await response.ReadJsonAsync()).GetProperty("id").GetGuid());
                        }
                        catch (HttpRequestException) { }
                        catch (TaskCanceledException) { }
                        catch (InvalidOperationException) { }
                    }
                }).ToList();
                // Kill mid-load: once writes are being acknowledged (a cold Host on a busy machine can take a while).
                var before = acknowledged.Count;
                for (var wait = 0; wait < 200 && acknowledged.Count == before; wait++) await Task.Delay(100);
                await Task.Delay(500);
                if (victim == "host") await host.KillAsync(); else pg.Kill();
                await Task.Delay(300);
                await stop.CancelAsync();
                await Task.WhenAll(load);
                if (victim == "host") { await host.DisposeAsync(); host = HostProcess.Start(Settings(pg.ConnectionString)); }
                else pg.Start();
                try { await host.WaitReadyAsync(); }
                catch (TimeoutException ex) { throw new TimeoutException($"{ex.Message}\nPostgreSQL: {pg.Log}", ex); }
            }
            await using var check = new Npgsql.NpgsqlConnection(pg.ConnectionString);
            await check.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM supervision.institutions", check);
            var present = new HashSet<Guid>();
            await using (var reader = await command.ExecuteReaderAsync()) while (await reader.ReadAsync()) present.Add(reader.GetGuid(0));
            var lost = acknowledged.Count(id => !present.Contains(id));
            Figures.Record(output, $"crash safety ({victim} kill -9): {iterations} iterations, acknowledged writes {acknowledged.Count}, lost {lost}");
            acknowledged.Count.ShouldBeGreaterThan(0);
            lost.ShouldBe(0);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_database_outage_is_503_within_5_s_health_unready_and_recovery_within_10_s()
    {
        var outage = TimeSpan.FromSeconds(LongTests.Scale(5, 30));
        using var pg = new OwnPostgres();
        await using var host = HostProcess.Start(Settings(pg.ConnectionString));
        await host.WaitReadyAsync();
        // A client that gives up after 5 s: a hanging Host fails the test.
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
        (await client.GetAsync("/api/v1/supervisors")).StatusCode.ShouldBe(HttpStatusCode.OK);

        pg.Stop();
        var during = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var answers = new List<(HttpStatusCode Status, string? Type)>();
        var ready = new List<HttpStatusCode>();
        while (during.Elapsed < outage)
        {
            var one = Stopwatch.StartNew();
            var batch = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetAsync(i % 2 == 0 ? "/api/v1/supervisors" : $"/api/v1/institutions/{Guid.NewGuid()}")));
            if (one.Elapsed > slowest) slowest = one.Elapsed;
            answers.AddRange(batch.Select(r => (r.StatusCode, r.Content.Headers.ContentType?.MediaType)));
            ready.Add((await client.GetAsync("/health/ready")).StatusCode);
            await Task.Delay(250);
        }
        pg.Start();
        var recovery = Stopwatch.StartNew();
        var recovered = false;
        while (recovery.Elapsed < TimeSpan.FromSeconds(10) && !recovered)
        {
            try { recovered = (await client.GetAsync("/api/v1/supervisors")).StatusCode == HttpStatusCode.OK && (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK; }
            catch (TaskCanceledException) { }
            if (!recovered) await Task.Delay(200);
        }
        Figures.Record(output, $"database outage {outage.TotalSeconds:0} s: {answers.Count} requests, all 503 problem+json: {answers.All(a => a.Status == HttpStatusCode.ServiceUnavailable && a.Type == "application/problem+json")}, slowest batch {slowest.TotalMilliseconds:0} ms, /health/ready {string.Join(",", ready.Distinct())}, recovered {recovered} after {recovery.Elapsed.TotalMilliseconds:0} ms");
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.ServiceUnavailable && a.Type == "application/problem+json");
        ready.ShouldAllBe(s => s == HttpStatusCode.ServiceUnavailable);
        recovered.ShouldBeTrue();
    }

    /// <summary>
    /// The arrangement of the two-Host card tests: a database seeded (through an in-process app) with <c>count</c> external
    /// supervisors of 43, two Host processes on it, an admin client for each, and the supervisors to issue to as a queue.
    /// </summary>
    private sealed class TwoHosts : IAsyncDisposable
    {
        private TwoHosts(SupervisionApp seeder, HostProcess a, HostProcess b, HttpClient clientA, HttpClient clientB, ConcurrentQueue<Guid> queue) =>
            (Seeder, A, B, ClientA, ClientB, Queue) = (seeder, a, b, clientA, clientB, queue);

        public SupervisionApp Seeder { get; }
        public HostProcess A { get; }
        public HostProcess B { get; }
        public HttpClient ClientA { get; }
        public HttpClient ClientB { get; }
        public ConcurrentQueue<Guid> Queue { get; }

        public static async Task<TwoHosts> StartAsync(string name, int count)
        {
            var database = TestCluster.NewDatabase(name);
            var seeder = SupervisionApp.With(new Dictionary<string, string?>(), database);
            var ids = await SupervisorsAsync(seeder, count);
            var a = HostProcess.Start(Settings(database));
            var b = HostProcess.Start(Settings(database));
            await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());
            var token = await seeder.AdminTokenAsync();
            return new TwoHosts(seeder, a, b, Client(a, token), Client(b, token), new ConcurrentQueue<Guid>(ids));
        }

        public async ValueTask DisposeAsync()
        {
            ClientA.Dispose();
            ClientB.Dispose();
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Seeder.DisposeAsync();
        }
    }

    private static HttpClient Client(HostProcess host, string token)
    {
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsync(new Uri(client.BaseAddress!, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SupervisionApp.AdminClientId, ["client_secret"] = SupervisionApp.AdminSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Qualified supervisors of province 43 inserted in bulk (unique ID numbers: 500 per birth date).</summary>
    private static async Task<List<Guid>> SupervisorsAsync(SupervisionApp app, int count)
    {
        var ids = new List<Guid>(count);
        await using var scope = app.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalData>();
        for (var start = 0; start < count; start += 1000)
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.ChangeTracker.Clear();
            for (var i = start; i < Math.Min(count, start + 1000); i++)
            {
                var born = new DateOnly(1970, 1, 1).AddDays(i / 400);
                var first17 = $"430102{born:yyyyMMdd}{i % 400 * 2 + 101:000}";
                var number = ResidentIdNumber.Parse(first17 + ResidentIdNumber.CheckCharacterOf(first17), new DateOnly(2025, 1, 1));
                var s = new Supervisor
                {
                    Id = Guid.CreateVersion7(), Name = "并发督导", IdNumberCipher = protector.Encrypt(number.Value), IdNumberHash = protector.LookupHash(number.Value), IdNumberMasked = number.Masked,
                    Sex = number.Sex == Kernel.Registry.Sex.Male ? "male" : "female", BirthDate = number.BirthDate, Kind = "external", Jurisdiction = "43",
                    YearsInEvaluation = 5, YearsAsExaminer = 5, ManagementOrTechnicalRole = true, PoliticalCommitment = true, PolicyKnowledge = true, Integrity = true,
                    OrganisingAndExpression = true, Health = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Supervisors.Add(s);
                db.TrainingRecords.Add(new TrainingRecord { Id = Guid.CreateVersion7(), SupervisorId = s.Id, Kind = "qualification", On = new DateOnly(2024, 3, 1), Passed = true, CreatedAt = DateTimeOffset.UtcNow });
                ids.Add(s.Id);
            }
            await db.SaveChangesAsync();
        }
        return ids;
    }
}
