// Draw benchmark (not a test, no asserts): a throwaway PostgreSQL cluster, the Host (Release) as a process on it,
// 100,000 dispatchable external supervisors in one province (binary COPY), 5,000 of them in conflict with the target
// institution, then alternating runs of (a) POST /api/v1/supervision-tasks/{id}/draws end to end (a new task per run)
// and (b) the dispatchable-pool query of DispatchPool, ids only, through Npgsql in this process. Medians and their ratio
// go to bench/results/draw.md. Usage: dotnet bench/draw/bin/Release/net10.0/SupervisionCore.Bench.Draw.dll [runs=5] [supervisors=100000] [conflicts=5000]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SupervisionCore.Host.Database;

var inv = CultureInfo.InvariantCulture;
var runs = args.Length > 0 ? int.Parse(args[0], inv) : 5;
var supervisors = args.Length > 1 ? int.Parse(args[1], inv) : 100_000;
var conflicts = args.Length > 2 ? int.Parse(args[2], inv) : 5_000;
var repo = BenchHost.FindRepo();
var hostDll = Path.Combine(repo, "src/Host/bin/Release/net10.0/SupervisionCore.Host.dll");
if (!File.Exists(hostDll)) throw new InvalidOperationException($"build the Host in Release first: {hostDll}");

var dataDir = Path.Combine(Path.GetTempPath(), "sc-bench-" + Guid.NewGuid().ToString("N")[..8]);
var pg = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(dataDir, Throwaway: true));
Process? host = null;
try
{
    await using (var c = new NpgsqlConnection(pg.ConnectionString("postgres")))
    {
        await c.OpenAsync();
        await new NpgsqlCommand("CREATE DATABASE bench", c).ExecuteNonQueryAsync();
    }
    var cs = pg.ConnectionString("bench");
    var port = BenchHost.FreePort();
    var emptyPlugins = Directory.CreateDirectory(Path.Combine(dataDir, "..", Path.GetFileName(dataDir) + "-plugins")).FullName;
    var psi = new ProcessStartInfo("dotnet", $"\"{hostDll}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
    psi.Environment["Logging__LogLevel__Default"] = "Warning";
    psi.Environment["ConnectionStrings__Supervision"] = cs;
    psi.Environment["Plugins__Path"] = emptyPlugins;
    psi.Environment["Auth__Issuer"] = $"http://127.0.0.1:{port}/";
    psi.Environment["Auth__RequireHttps"] = "false";
    psi.Environment["Bootstrap__AdminClientId"] = BenchHost.AdminClientId;
    psi.Environment["Bootstrap__AdminClientSecret"] = BenchHost.AdminSecret;
    host = Process.Start(psi)!;
    host.OutputDataReceived += (_, _) => { };
    host.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
    host.BeginOutputReadLine();
    host.BeginErrorReadLine();
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
    await BenchHost.WaitReadyAsync(http, host);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BenchHost.TokenAsync(http));

    Console.WriteLine($"seeding {supervisors} supervisors, {conflicts} conflicts (binary COPY) …");
    var seedWatch = Stopwatch.StartNew();
    var institution = await SeedAsync(cs, supervisors, conflicts);
    Console.WriteLine($"seeded in {seedWatch.Elapsed.TotalSeconds:F1} s");

    var draw = new List<double>();
    var fetch = new List<double>();
    long responseBytes = 0;
    int poolSize = 0, excluded = 0;
    // One warm-up of each (JIT, plans, caches), then `runs` alternating measured pairs.
    for (var run = -1; run < runs; run++)
    {
        var task = await TaskAsync(http, institution);
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync($"/api/v1/supervision-tasks/{task}/draws", new { });
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"draw failed: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        var (ids, ms) = await FetchIdsAsync(cs);
        if (run < 0)
        {
            using var doc = JsonDocument.Parse(body);
            poolSize = doc.RootElement.GetProperty("pool").GetArrayLength();
            excluded = doc.RootElement.GetProperty("exclusions").GetArrayLength();
            responseBytes = body.Length;
            Console.WriteLine($"warm-up: draw {watch.Elapsed.TotalMilliseconds:F0} ms (pool {poolSize}, excluded {excluded}, {body.Length / 1024} KiB), id fetch {ms:F0} ms ({ids} ids)");
            continue;
        }
        draw.Add(watch.Elapsed.TotalMilliseconds);
        fetch.Add(ms);
        Console.WriteLine($"run {run + 1}: draw {draw[^1]:F0} ms, id fetch {fetch[^1]:F0} ms ({ids} ids)");
    }

    double Median(List<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
    var (md, mf) = (Median(draw), Median(fetch));
    var text = new StringBuilder();
    text.AppendLine("# Draw benchmark").AppendLine();
    text.AppendLine(inv, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/draw` on {Environment.ProcessorCount} cores ({Environment.OSVersion}).");
    text.AppendLine(inv, $"One Host (Release) and a throwaway PostgreSQL cluster (fsync off) on the same machine; {supervisors:N0} dispatchable external supervisors in province {Province} (active appointment, valid card), {conflicts:N0} of them in conflict with the supervised institution; one warm-up, then {runs} alternating runs of each, one client.").AppendLine();
    text.AppendLine("| measure | runs (ms) | median |").AppendLine("|---|---|---|");
    text.AppendLine(inv, $"| draw `POST /api/v1/supervision-tasks/{{id}}/draws` end to end (new daily task each run; pool {poolSize:N0}, {excluded:N0} exclusions, response {responseBytes / 1024:N0} KiB) | {string.Join(", ", draw.Select(x => x.ToString("F0", inv)))} | **{md:F0} ms** |");
    text.AppendLine(inv, $"| the dispatchable-pool query alone (DispatchPool's SQL, ids only, Npgsql in the bench process) | {string.Join(", ", fetch.Select(x => x.ToString("F0", inv)))} | **{mf:F0} ms** |").AppendLine();
    text.AppendLine(inv, $"Ratio of the medians, draw / id fetch: **{md / mf:F2}×** (target ≤ 2×).").AppendLine();
    text.AppendLine("The draw on top of the query: token and task checks, the exclusion pass over every candidate (national constraints), 100,000 HMAC-SHA256 ranks and the sort, storing the pool and the ranking (two text[] of 100,000 ids), the audit append, and the JSON transcript (pool, ranking, selected, substitutes, exclusions) sent back.");
    var outFile = Path.Combine(repo, "bench/results/draw.md");
    await File.WriteAllTextAsync(outFile, text.ToString());
    Console.WriteLine(text.ToString());
    Console.WriteLine($"written {outFile}");
}
finally
{
    if (host is { HasExited: false }) { host.Kill(entireProcessTree: true); await host.WaitForExitAsync(); }
    pg.Stop();
    try { Directory.Delete(dataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

// The same condition as the draw's pool (DispatchPool.IdsSql), selecting the ids only.
static async Task<(int Count, double Ms)> FetchIdsAsync(string cs)
{
    const string sql = SupervisionCore.Host.Features.Draws.DispatchPool.IdsSql;
    var watch = Stopwatch.StartNew();
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, c);
    cmd.Parameters.AddWithValue("kind", "external");
    cmd.Parameters.AddWithValue("all", false);
    cmd.Parameters.AddWithValue("j", Province);
    cmd.Parameters.AddWithValue("prefix", Province + ".%");
    cmd.Parameters.AddWithValue("d", ActivityDay);
    var ids = new List<Guid>();
    await using (var reader = await cmd.ExecuteReaderAsync())
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
    watch.Stop();
    return (ids.Count, watch.Elapsed.TotalMilliseconds);
}

static async Task<Guid> TaskAsync(HttpClient http, Guid institution)
{
    using var r = await http.PostAsJsonAsync("/api/v1/supervision-tasks", new
    {
        kind = "daily", authorityId = Province, institutionId = institution, matters = Matters,
        windowStart = "2025-06-10T08:30:00+08:00", windowEnd = "2025-06-10T17:00:00+08:00",
    });
    var body = await r.Content.ReadAsStringAsync();
    if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException("task: " + body);
    return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
}

static async Task<Guid> SeedAsync(string cs, int count, int conflicts)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    var now = DateTimeOffset.UtcNow;
    var start = new DateOnly(2024, 1, 1);
    var end = new DateOnly(2026, 12, 31);
    var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
    var institution = Guid.CreateVersion7();
    await using (var cmd = new NpgsqlCommand("""
        INSERT INTO supervision.institutions (id, name, kind, filing_number, filing_level, jurisdiction, status, internal_issuer_code, created_at, updated_at)
        VALUES (@id, '基准测试评价机构', 'employer', '440001', 'province', @p, 'active', '440001', now(), now())
        """, c))
    {
        cmd.Parameters.AddWithValue("id", institution);
        cmd.Parameters.AddWithValue("p", Province);
        await cmd.ExecuteNonQueryAsync();
    }
    await using (var w = await c.BeginBinaryImportAsync("""
        COPY supervision.supervisors (id, name, id_number_cipher, id_number_hash, id_number_masked, sex, birth_date, kind, jurisdiction,
            years_in_evaluation, years_as_examiner, management_or_technical_role, political_commitment, policy_knowledge, integrity,
            organising_and_expression, health, created_at, updated_at) FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var id in ids)
        {
            await w.StartRowAsync();
            await w.WriteAsync(id, NpgsqlDbType.Uuid);
            await w.WriteAsync("测试", NpgsqlDbType.Varchar);
            await w.WriteAsync(new byte[] { 0 }, NpgsqlDbType.Bytea);
            await w.WriteAsync(id.ToByteArray(), NpgsqlDbType.Bytea);
            await w.WriteAsync("440106********0011", NpgsqlDbType.Varchar);
            await w.WriteAsync("male", NpgsqlDbType.Varchar);
            await w.WriteAsync(new DateOnly(1975, 6, 15), NpgsqlDbType.Date);
            await w.WriteAsync("external", NpgsqlDbType.Varchar);
            await w.WriteAsync(Province, NpgsqlDbType.Varchar);
            await w.WriteAsync(5, NpgsqlDbType.Integer);
            await w.WriteAsync(5, NpgsqlDbType.Integer);
            for (var b = 0; b < 6; b++) await w.WriteAsync(true, NpgsqlDbType.Boolean);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }
        await w.CompleteAsync();
    }
    await using (var w = await c.BeginBinaryImportAsync("""
        COPY supervision.appointments (id, supervisor_id, appointed_by, term_number, start, "end", expiry_recorded, created_at) FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var id in ids)
        {
            await w.StartRowAsync();
            await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await w.WriteAsync(id, NpgsqlDbType.Uuid);
            await w.WriteAsync(Province, NpgsqlDbType.Varchar);
            await w.WriteAsync(1, NpgsqlDbType.Integer);
            await w.WriteAsync(start, NpgsqlDbType.Date);
            await w.WriteAsync(end, NpgsqlDbType.Date);
            await w.WriteAsync(false, NpgsqlDbType.Boolean);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }
        await w.CompleteAsync();
    }
    await using (var w = await c.BeginBinaryImportAsync("""
        COPY supervision.cards (id, supervisor_id, number, kind, scheme, allocation_key, year, serial, issuer_id, jurisdiction, issued_on, valid_until, created_at)
        FROM STDIN (FORMAT BINARY)
        """))
    {
        for (var i = 0; i < ids.Length; i++)
        {
            await w.StartRowAsync();
            await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await w.WriteAsync(ids[i], NpgsqlDbType.Uuid);
            await w.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"R4424B{i:000000}"), NpgsqlDbType.Varchar);
            await w.WriteAsync("external", NpgsqlDbType.Varchar);
            await w.WriteAsync("cn.external", NpgsqlDbType.Varchar);
            await w.WriteAsync("bench/44/2024", NpgsqlDbType.Varchar);
            await w.WriteAsync(2024, NpgsqlDbType.Integer);
            await w.WriteAsync(i + 1, NpgsqlDbType.Integer);
            await w.WriteAsync(Province, NpgsqlDbType.Varchar);
            await w.WriteAsync(Province, NpgsqlDbType.Varchar);
            await w.WriteAsync(start, NpgsqlDbType.Date);
            await w.WriteAsync(end, NpgsqlDbType.Date);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }
        await w.CompleteAsync();
    }
    await using (var w = await c.BeginBinaryImportAsync("COPY supervision.supervisor_conflicts (supervisor_id, institution_id, kind) FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var id in ids.Take(conflicts))
        {
            await w.StartRowAsync();
            await w.WriteAsync(id, NpgsqlDbType.Uuid);
            await w.WriteAsync(institution, NpgsqlDbType.Uuid);
            await w.WriteAsync("employment", NpgsqlDbType.Varchar);
        }
        await w.CompleteAsync();
    }
    await new NpgsqlCommand("ANALYZE", c).ExecuteNonQueryAsync();
    return institution;
}

internal static partial class Program
{
    private const string Province = "44";
    private static readonly DateOnly ActivityDay = new(2025, 6, 10);
    private static readonly string[] Matters = ["考场秩序"];
}
