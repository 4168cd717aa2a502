// The benchmark suite (not a test, no asserts): bench/README.md. One throwaway PostgreSQL cluster, the Release Host as
// processes on loopback (all packs; a second one without packs), realistic data loaded by COPY, then every row of
// issue #9's table measured from this process, compared runs alternating, medians of >= 3; BenchmarkDotNet micro
// benchmarks (bench/Micro) in a child process. Writes bench/results/latest.md.
// Usage: dotnet bench/Suite/bin/Release/net10.0/SupervisionCore.Bench.Suite.dll [--quick] [--runs N] [--no-micro] [--out FILE]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using SupervisionCore.Host.Database;

var inv = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var runs = Arg("--runs") is { } r ? int.Parse(r, inv) : 3;
var micro = !args.Contains("--no-micro");
var repo = BenchHost.FindRepo();
var outFile = Arg("--out") ?? Path.Combine(repo, quick ? "bench/results/quick.md" : "bench/results/latest.md");
var p = quick
    ? new Plan(Dispatchable: 5_000, Others: 2_000, Institutions: 200, Conflicts: 250, HistoryTasks: 200, SinglePerRun: 100, Batches: 2, PgbenchSeconds: 3, ReadSeconds: 2, StartRuns: 3)
    : new Plan(Dispatchable: 100_000, Others: 20_000, Institutions: 5_000, Conflicts: 5_000, HistoryTasks: 3_000, SinglePerRun: 600, Batches: 8, PgbenchSeconds: 15, ReadSeconds: 10, StartRuns: 3);
const int Clients = 8;
const int BatchSize = 1000;
const int DrawWarmUps = 3; // draws before the measured ones (here and in --profile)

var hostDll = Path.Combine(repo, "src/Host/bin/Release/net10.0/SupervisionCore.Host.dll");
if (!File.Exists(hostDll)) throw new InvalidOperationException($"build the Host in Release first (bench/run does): {hostDll}");
var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sc-bench-" + Guid.NewGuid().ToString("N")[..8])).FullName;
var dataDir = Path.Combine(work, "pgdata");
var noPlugins = Directory.CreateDirectory(Path.Combine(work, "no-plugins")).FullName;
var results = new Report(quick, runs, p);
var all = Stopwatch.StartNew();
var pg = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(dataDir, Throwaway: true));
CpuProbe.PostmasterPid = int.Parse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First(), inv);
var profile = Arg("--profile");
BenchHost.PerfMap = profile is not null;
Process? packs = null, bare = null;
try
{
    await using (var c = new NpgsqlConnection(pg.ConnectionString("postgres")))
    {
        await c.OpenAsync();
        await new NpgsqlCommand("CREATE DATABASE supervision", c).ExecuteNonQueryAsync();
        results.PostgresVersion = (string)(await new NpgsqlCommand("SHOW server_version", c).ExecuteScalarAsync())!;
    }
    var cs = pg.ConnectionString("supervision");
    var (portA, portB) = (BenchHost.FreePort(), BenchHost.FreePort());
    packs = BenchHost.Start(hostDll, portA, cs, pluginsPath: null);
    using var anon = Load.Client(portA, null);
    await BenchHost.WaitReadyAsync(anon, packs);
    // The second Host (no packs) on the same database, started after the first has migrated.
    bare = BenchHost.Start(hostDll, portB, cs, pluginsPath: noPlugins);
    using var anonB = Load.Client(portB, null);
    await BenchHost.WaitReadyAsync(anonB, bare);
    var token = await BenchHost.TokenAsync(anon);
    using var http = Load.Client(portA, token);
    using var httpB = Load.Client(portB, await BenchHost.TokenAsync(anonB));
    var packList = await (await http.GetAsync("/api/v1/packs")).Content.ReadAsStringAsync();
    results.Packs = string.Join(", ", JsonDocument.Parse(packList).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));

    Console.WriteLine($"loading data ({p.Dispatchable + p.Others:N0} carded supervisors, {p.Institutions:N0} institutions) …");
    var seedWatch = Stopwatch.StartNew();
    var data = await Seed.LoadAsync(cs, p.Dispatchable, p.Others, p.Institutions, p.Conflicts, p.HistoryTasks, runs * (4 * p.SinglePerRun + p.Batches * BatchSize) + p.SinglePerRun);
    results.Data = data;
    results.SeedSeconds = seedWatch.Elapsed.TotalSeconds;
    Console.WriteLine($"loaded in {results.SeedSeconds:F1} s");
    var next = 0;
    List<Guid> Take(int n) { var x = data.IssuanceIds.GetRange(next, n); next += n; return x; }

    // Warm-up: JIT, plans, pools on both Hosts and the yardsticks (not measured).
    await Load.SingleIssuanceAsync(http, Clients, Take(p.SinglePerRun), "12");
    foreach (var h in new[] { http, httpB })
        await Load.GetLoopAsync(h, Clients, 1, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}");
    await Load.GetLoopAsync(http, Clients, 1, i => $"/bench/yardsticks/supervisors/{data.ReadIds[i % data.ReadIds.Count]}");
    await Load.GetLoopAsync(http, Clients, 1, i => $"/api/v1/public/cards/{data.CardNumbers[i % data.CardNumbers.Count]}");
    await Load.GetLoopAsync(http, Clients, 1, i => $"/bench/yardsticks/public/cards/{data.CardNumbers[i % data.CardNumbers.Count]}");

    if (args.Contains("--hold"))
    {
        // --hold: keep the loaded cluster and both Hosts up for EXPLAIN and manual calls until stopped (Ctrl+C or SIGTERM).
        Console.WriteLine($"holding: database {cs}; Host with packs http://127.0.0.1:{portA}, without http://127.0.0.1:{portB}");
        var stop = new TaskCompletionSource();
        using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
        await BenchHost.StopAsync(bare);
        await BenchHost.StopAsync(packs);
        Cleanup();
        return;
    }
    if (args.Contains("--memory-only"))
    {
        await BenchHost.StopAsync(bare);
        await BenchHost.StopAsync(packs);
        await PackMemoryAsync(hostDll, cs, noPlugins, data, results);
        Console.WriteLine(results.Markdown());
        Cleanup();
        return;
    }
    if (profile is not null)
    {
        // Profiles instead of measures (bench/README.md): each hot path under load while dotnet-trace samples the Host.
        Directory.CreateDirectory(profile);
        var seconds = quick ? 8 : 20;
        // --paths issuance,get,draw profiles only those (all by default).
        var paths = Arg("--paths")?.Split(',') ?? ["issuance", "get", "draw"];
        if (paths.Contains("issuance"))
        await Profile.RunAsync(packs.Id, profile, "issuance", seconds, async () =>
        {
            var watch = Stopwatch.StartNew();
            var n = 0;
            while (watch.Elapsed.TotalSeconds < seconds + 2) { await Load.SingleIssuanceAsync(http, Clients, Take(100), "12"); n += 100; }
            return n;
        });
        if (paths.Contains("get"))
        {
        await Profile.RunAsync(packs.Id, profile, "get-supervisor", seconds, async () =>
            (int)(await Load.GetLoopAsync(http, Clients, seconds + 2, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}") * (seconds + 2)));
        await Profile.RunAsync(packs.Id, profile, "get-supervisor-bare", seconds, async () =>
            (int)(await Load.GetLoopAsync(http, Clients, seconds + 2, i => $"/bench/yardsticks/supervisors/{data.ReadIds[i % data.ReadIds.Count]}") * (seconds + 2)));
        await Profile.RunAsync(bare.Id, profile, "get-supervisor-no-packs", seconds, async () =>
            (int)(await Load.GetLoopAsync(httpB, Clients, seconds + 2, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}") * (seconds + 2)));
        }
        // --draws N: how many draws are profiled one after the other (the later ones show the steady state, after tier-up).
        var draws = Arg("--draws") is { } dn ? int.Parse(dn, inv) : 3;
        for (var d = -DrawWarmUps; d < (paths.Contains("draw") ? draws : -DrawWarmUps); d++)
        {
            if (d < 0)
            {
                using var warm = await http.PostAsJsonAsync($"/api/v1/supervision-tasks/{await TaskAsync(http, data.DrawInstitution)}/draws", new { });
                continue;
            }
            var drawTask = await TaskAsync(http, data.DrawInstitution);
            await Profile.RunAsync(packs.Id, profile, "draw-" + d, 0, async () =>
            {
                using var response = await http.PostAsJsonAsync($"/api/v1/supervision-tasks/{drawTask}/draws", new { });
                if (response.Headers.TryGetValues("Server-Timing", out var timing)) Console.WriteLine("draw: " + string.Join(", ", timing));
                return 1;
            });
        }
        Cleanup();
        return;
    }

    // 1–2. Issuance: single (8 clients) vs pgbench with the same SQL; batches of 1,000 vs single. Each run its own issuer.
    string[] issuers = ["11", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35"];
    var single = results.Row("single card issuance, 8 clients (`POST /api/v1/supervisors/{id}/cards`)", "cards/s",
        "pgbench, 8 clients, the issuance's own SQL (counter + card + audit, one transaction)", "tps", ">= 0.7x", 0.7, higherIsBetter: true);
    var batch = results.Row($"batch issuance of {BatchSize:N0} ({p.Batches} concurrent batches, `POST /api/v1/card-batches`)", "cards/s",
        "single card issuance (row above)", "cards/s", ">= 10x", 10, higherIsBetter: true);
    for (var run = 0; run < runs; run++)
    {
        var probe = CpuProbe.Start(packs.Id);
        single.Add(await Load.SingleIssuanceAsync(http, Clients, Take(p.SinglePerRun), issuers[2 * run % issuers.Length]));
        results.Cpu("single card issuance (HTTP + auth + checks + counter + card + audit)", "card", probe.Stop(p.SinglePerRun));
        probe = CpuProbe.Start(0);
        single.Yard(await Load.PgbenchAsync(cs, Clients, p.PgbenchSeconds, $"r{run}"));
        results.Cpu("pgbench, the issuance's own SQL (the rest is PostgreSQL + pgbench)", "transaction", probe.Stop(single.Yardsticks[^1] * p.PgbenchSeconds));
        probe = CpuProbe.Start(packs.Id);
        batch.Add(await Load.BatchIssuanceAsync(http, Take(p.Batches * BatchSize), BatchSize, issuers[(2 * run + 1) % issuers.Length], $"r{run}"));
        results.Cpu($"batch issuance of {BatchSize:N0}", "card", probe.Stop(p.Batches * BatchSize));
        batch.Yard(single.Values[^1]);
        Console.WriteLine($"run {run + 1}: single {single.Values[^1]:F0} cards/s, pgbench {single.Yardsticks[^1]:F0} tps, batch {batch.Values[^1]:F0} cards/s");
    }

    // 3–4. Reads against their bare yardsticks, alternating.
    var get = results.Row($"authenticated `GET /api/v1/supervisors/{{id}}`, {Clients} clients", "req/s",
        "bare endpoint: the same SQL through Npgsql, the same JWT validation", "req/s", ">= 0.8x", 0.8, higherIsBetter: true);
    var verify = results.Row($"public card verification `GET /api/v1/public/cards/{{number}}`, {Clients} clients", "req/s",
        "bare endpoint: the same SQL through Npgsql, no auth", "req/s", ">= 0.8x", 0.8, higherIsBetter: true);
    var kernel = results.Row($"kernel endpoint `GET /api/v1/supervisors/{{id}}` on the Host with 3 packs, {Clients} clients", "req/s",
        "the same Host with no packs (same database)", "req/s", ">= 0.95x", 0.95, higherIsBetter: true);
    for (var run = 0; run < runs; run++)
    {
        var probe = CpuProbe.Start(packs.Id);
        get.Add(await Load.GetLoopAsync(http, Clients, p.ReadSeconds, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}"));
        results.Cpu("`GET /api/v1/supervisors/{id}`", "request", probe.Stop(get.Values[^1] * p.ReadSeconds));
        probe = CpuProbe.Start(packs.Id);
        get.Yard(await Load.GetLoopAsync(http, Clients, p.ReadSeconds, i => $"/bench/yardsticks/supervisors/{data.ReadIds[i % data.ReadIds.Count]}"));
        results.Cpu("its bare yardstick (same SQL, same JWT validation)", "request", probe.Stop(get.Yardsticks[^1] * p.ReadSeconds));
        probe = CpuProbe.Start(packs.Id);
        verify.Add(await Load.GetLoopAsync(anon, Clients, p.ReadSeconds, i => $"/api/v1/public/cards/{data.CardNumbers[i % data.CardNumbers.Count]}"));
        results.Cpu("`GET /api/v1/public/cards/{number}`", "request", probe.Stop(verify.Values[^1] * p.ReadSeconds));
        probe = CpuProbe.Start(packs.Id);
        verify.Yard(await Load.GetLoopAsync(anon, Clients, p.ReadSeconds, i => $"/bench/yardsticks/public/cards/{data.CardNumbers[i % data.CardNumbers.Count]}"));
        results.Cpu("its bare yardstick (same SQL, no auth)", "request", probe.Stop(verify.Yardsticks[^1] * p.ReadSeconds));
        probe = CpuProbe.Start(bare.Id);
        kernel.Yard(await Load.GetLoopAsync(httpB, Clients, p.ReadSeconds, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}"));
        results.Cpu("`GET /api/v1/supervisors/{id}` on the Host with no packs", "request", probe.Stop(kernel.Yardsticks[^1] * p.ReadSeconds));
        probe = CpuProbe.Start(packs.Id);
        kernel.Add(await Load.GetLoopAsync(http, Clients, p.ReadSeconds, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}"));
        results.Cpu("`GET /api/v1/supervisors/{id}` on the Host with 3 packs (the packs-vs-none row)", "request", probe.Stop(kernel.Values[^1] * p.ReadSeconds));
        Console.WriteLine($"run {run + 1}: GET supervisor {get.Values[^1]:F0} vs bare {get.Yardsticks[^1]:F0}; verify {verify.Values[^1]:F0} vs bare {verify.Yardsticks[^1]:F0}; packs {kernel.Values[^1]:F0} vs none {kernel.Yardsticks[^1]:F0} req/s");
    }

    // 6. Audited writes across two Host processes on one database (the audit chain head is the one row every audited
    // write locks last): single issuance on both Hosts at once, each with its own allocation key, vs one Host (row 1);
    // and the chain head alone (pgbench: lock, link, write back, commit), the ceiling of audited writes on this box.
    var twoHosts = results.Row($"audited writes on 2 Host processes at once: single issuance, {Clients} clients on each, one database", "cards/s",
        "one Host (single issuance, same run)", "cards/s", "report", double.NaN, higherIsBetter: true);
    var head = results.Row($"the audit chain head alone: pgbench, {Clients} clients, one transaction per entry (`Suite/audit-head.sql`)", "entries/s",
        "pgbench of the whole issuance SQL (row 1's yardstick, same run)", "tps", "report", double.NaN, higherIsBetter: true);
    for (var run = 0; run < runs; run++)
    {
        var probe = CpuProbe.Start(packs.Id);
        var one = await Load.SingleIssuanceAsync(http, Clients, Take(p.SinglePerRun), issuers[6 + run % 2]);
        results.Cpu("single card issuance, one Host (the two-Host row's yardstick)", "card", probe.Stop(p.SinglePerRun));
        var (ida, idb) = (Take(p.SinglePerRun), Take(p.SinglePerRun));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(
            Load.SingleIssuanceAsync(http, Clients, ida, issuers[8 + run % 2]),
            Load.SingleIssuanceAsync(httpB, Clients, idb, issuers[10 + run % 2]));
        twoHosts.Add(2 * p.SinglePerRun / watch.Elapsed.TotalSeconds);
        twoHosts.Yard(one);
        head.Add(await Load.PgbenchAsync(cs, Clients, p.PgbenchSeconds, $"h{run}", "audit-head.sql"));
        head.Yard(await Load.PgbenchAsync(cs, Clients, p.PgbenchSeconds, $"w{run}"));
        Console.WriteLine($"run {run + 1}: two Hosts {twoHosts.Values[^1]:F0} cards/s vs one {one:F0}; audit head alone {head.Values[^1]:F0} entries/s vs issuance SQL {head.Yardsticks[^1]:F0} tps");
    }

    // 5. The draw over the province-44 pool vs fetching the pool's ids; warm-ups (the JIT's tier-up needs a few calls of the
    // draw's code: the first draws of a fresh Host spend a third of their CPU compiling), then alternating runs.
    var draw = results.Row("", "ms", "fetching the pool's ids alone (DispatchPool's SQL through Npgsql, in the bench process)", "ms", "<= 2x", 2, higherIsBetter: false);
    for (var run = -DrawWarmUps; run < runs; run++)
    {
        var task = await TaskAsync(http, data.DrawInstitution);
        var probe = CpuProbe.Start(packs.Id);
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync($"/api/v1/supervision-tasks/{task}/draws", new { });
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (run >= 0) results.Cpu("supervisor draw, province-44 pool (one at a time)", "draw", probe.Stop(1));
        if (run >= 0 && response.Headers.TryGetValues("Server-Timing", out var timing)) results.DrawPhases.Add(string.Join(", ", timing));
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"draw failed: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        probe = CpuProbe.Start(0);
        var (ids, ms) = await Load.FetchPoolIdsAsync(cs);
        if (run >= 0) results.Cpu("fetching the pool's ids alone (the draw's yardstick; PostgreSQL + this process)", "fetch", probe.Stop(1));
        if (run < 0)
        {
            if (run < -1) continue;
            using var doc = JsonDocument.Parse(body);
            draw.Measure = $"supervisor draw `POST /api/v1/supervision-tasks/{{id}}/draws` (GD pack rules in force; dispatchable {ids:N0}, pool {doc.RootElement.GetProperty("poolSize").GetInt32():N0} after {doc.RootElement.GetProperty("excludedCount").GetInt32():N0} exclusions; response {body.Length / 1024.0:F1} KiB)";
            continue;
        }
        draw.Add(watch.Elapsed.TotalMilliseconds);
        draw.Yard(ms);
        Console.WriteLine($"run {run + 1}: draw {draw.Values[^1]:F0} ms, id fetch {ms:F0} ms ({ids} ids)");
    }

    // Evidence for the notes: the plans of the SQL the measured endpoints run, on the loaded data.
    results.Explain.Add(("draw pool (DispatchPool.IdsSql, province 44)", await ExplainAsync(cs, SupervisionCore.Host.Features.Draws.DispatchPool.IdsSql, c =>
    {
        c.Parameters.AddWithValue("kind", "external"); c.Parameters.AddWithValue("all", false); c.Parameters.AddWithValue("j", Seed.DrawProvince);
        c.Parameters.AddWithValue("prefix", Seed.DrawProvince + ".%"); c.Parameters.AddWithValue("d", Seed.ActivityDay);
    })));
    results.Explain.Add(("draw pool with the facts rules read (DispatchPool.PoolSql, province 44; the Host's sessions run with jit=off)", await ExplainAsync(
        SupervisionCore.Host.SupervisionHost.WithSessionDefaults(cs), SupervisionCore.Host.Features.Draws.DispatchPool.PoolSql, c =>
    {
        c.Parameters.AddWithValue("kind", "external"); c.Parameters.AddWithValue("all", false); c.Parameters.AddWithValue("j", Seed.DrawProvince);
        c.Parameters.AddWithValue("prefix", Seed.DrawProvince + ".%"); c.Parameters.AddWithValue("d", Seed.ActivityDay);
    })));
    results.Explain.Add(("public card verification (CardVerification.Sql)", await ExplainAsync(cs, SupervisionCore.Host.Features.Cards.Verify.CardVerification.Sql,
        c => c.Parameters.AddWithValue("p", data.CardNumbers[0]))));

    // 8. Working set of both Hosts after the load (they served different loads: the one with packs every measure above,
    // the one without only the kernel GET), then what each pack costs: a fresh Host per pack set, the same warm-up.
    results.WorkingSet = [("Host with 3 packs, after every measure above", Load.WorkingSetMiB(packs.Id)), ("Host without packs, after the kernel GET runs only", Load.WorkingSetMiB(bare.Id))];
    GC.KeepAlive(anonB);
    await BenchHost.StopAsync(bare);
    await BenchHost.StopAsync(packs);
    await PackMemoryAsync(hostDll, cs, noPlugins, data, results);
    pg.Stop();

    // 7. Start to ready with the embedded PostgreSQL on the existing data (the Host starts and stops the cluster itself).
    for (var run = 0; run < p.StartRuns; run++)
    {
        var port = BenchHost.FreePort();
        var watch = Stopwatch.StartNew();
        var host = BenchHost.Start(hostDll, port, connectionString: null, pluginsPath: null, dataDirectory: dataDir, yardsticks: false);
        using var client = Load.Client(port, null);
        await BenchHost.WaitReadyAsync(client, host);
        results.StartSeconds.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"start to ready: {results.StartSeconds[^1]:F2} s");
        await BenchHost.StopAsync(host);
    }
}
finally
{
    foreach (var h in new[] { bare, packs }) if (h is { HasExited: false }) { h.Kill(entireProcessTree: true); await h.WaitForExitAsync(); }
    pg.Stop();
}

if (micro) results.Micro = await MicroAsync(repo, work, quick);
results.TotalMinutes = all.Elapsed.TotalMinutes;
var text = results.Markdown();
Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
await File.WriteAllTextAsync(outFile, text);
Console.WriteLine(text);
Console.WriteLine($"written {outFile}");
try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }

// The early-return modes (--profile, --memory-only): the cluster stopped and the throwaway folder removed.
void Cleanup()
{
    foreach (var h in new[] { bare, packs }) if (h is { HasExited: false }) { h.Kill(entireProcessTree: true); h.WaitForExit(); }
    pg.Stop();
    try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

static async Task<string> ExplainAsync(string cs, string sql, Action<NpgsqlCommand> bind)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, c);
    bind(cmd);
    var lines = new List<string>();
    await using (var r = await cmd.ExecuteReaderAsync())
        while (await r.ReadAsync()) lines.Add(r.GetString(0));
    return string.Join('\n', lines);
}

// What each pack costs in memory: a fresh Host with no pack, each pack alone, and all three, on the same database, each
// given the same warm-up (token, the pack list, 400 kernel GETs, the rule catalogue), then VmRSS (and its
// anonymous / file-backed parts) read twice 3 s apart, the lower kept.
static async Task PackMemoryAsync(string hostDll, string cs, string noPlugins, Seed.Data data, Report results)
{
    string?[] sets = [null, "gd", "bj-etdz", "yn", "*"];
    foreach (var set in sets)
    {
        var port = BenchHost.FreePort();
        var host = BenchHost.Start(hostDll, port, cs, pluginsPath: set is null ? noPlugins : null, enabledPack: set is null or "*" ? null : set);
        try
        {
            using var anon = Load.Client(port, null);
            await BenchHost.WaitReadyAsync(anon, host);
            using var http = Load.Client(port, await BenchHost.TokenAsync(anon));
            using var list = await http.GetAsync("/api/v1/packs");
            var ids = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
            await Load.GetLoopAsync(http, 4, 2, i => $"/api/v1/supervisors/{data.ReadIds[i % data.ReadIds.Count]}");
            (await http.GetAsync("/api/v1/rules")).Dispose();
            await Task.Delay(3000);
            var a = Load.ResidentMiB(host.Id);
            await Task.Delay(3000);
            var b = Load.ResidentMiB(host.Id);
            var m = a.Rss <= b.Rss ? a : b;
            results.PackMemory.Add((set switch { null => "no pack", "*" => "all three packs", _ => set }, ids.Count, m.Rss, m.Anon, m.File));
            Console.WriteLine($"memory {set ?? "none"}: {m.Rss:F0} MiB (anon {m.Anon:F0}, file {m.File:F0})");
        }
        finally { await BenchHost.StopAsync(host); }
    }
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static async Task<Guid> TaskAsync(HttpClient http, Guid institution)
{
    using var r = await http.PostAsJsonAsync("/api/v1/supervision-tasks", new
    {
        kind = "daily", authorityId = Seed.DrawProvince, institutionId = institution, matters = Matters,
        windowStart = "2025-06-10T08:30:00+08:00", windowEnd = "2025-06-10T17:00:00+08:00",
    });
    var body = await r.Content.ReadAsStringAsync();
    if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException("task: " + body);
    return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
}

// BenchmarkDotNet in its own process (it builds and runs its own children); its GitHub-flavoured tables go into the report.
static async Task<string> MicroAsync(string repo, string work, bool quick)
{
    var dll = Path.Combine(repo, "bench/Micro/bin/Release/net10.0/SupervisionCore.Bench.Micro.dll");
    if (!File.Exists(dll)) return "_bench/Micro was not built._";
    var artifacts = Path.Combine(work, "micro");
    var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --filter * --exporters github --artifacts \"{artifacts}\" {(quick ? "--job dry" : "--job short")}")
    { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
    using var proc = Process.Start(psi)!;
    var stdout = proc.StandardOutput.ReadToEndAsync();
    var stderr = proc.StandardError.ReadToEndAsync();
    await proc.WaitForExitAsync();
    var tables = Directory.Exists(Path.Combine(artifacts, "results"))
        ? Directory.GetFiles(Path.Combine(artifacts, "results"), "*-report-github.md").Order(StringComparer.Ordinal).ToList() : [];
    if (tables.Count == 0) return $"_bench/Micro failed ({proc.ExitCode}):_\n\n```\n{(await stdout)[^Math.Min(2000, (await stdout).Length)..]}\n{await stderr}\n```";
    var sb = new StringBuilder();
    foreach (var t in tables)
    {
        var lines = (await File.ReadAllLinesAsync(t)).ToList();
        // Keep the table, drop BenchmarkDotNet's environment preamble (the report has its own).
        var first = lines.FindIndex(l => l.StartsWith('|'));
        sb.AppendLine("**" + Path.GetFileName(t).Replace("-report-github.md", "", StringComparison.Ordinal).Split('.')[^1] + "**").AppendLine();
        if (first > 0) sb.AppendLine("```").AppendLine(string.Join('\n', lines.Take(first).Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)))).AppendLine("```");
        foreach (var l in lines.Skip(Math.Max(0, first))) sb.AppendLine(l);
        sb.AppendLine();
    }
    return sb.ToString();
}

internal static partial class Program
{
    private static readonly string[] Matters = ["考场秩序"];
}

internal sealed record Plan(int Dispatchable, int Others, int Institutions, int Conflicts, int HistoryTasks, int SinglePerRun, int Batches, int PgbenchSeconds, double ReadSeconds, int StartRuns);
