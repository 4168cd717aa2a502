// Issuance benchmark (not a test, no asserts): a throwaway PostgreSQL cluster, the Host (Release) as a process on it,
// N seeded supervisors, then alternating runs of (1) single issuance with 8 concurrent clients, (2) batches of 1,000
// cards with 8 concurrent clients, (3) pgbench -c 8 -j 2 with the endpoint's SQL. Medians and ratios go to
// bench/results/issuance.md. Usage: dotnet run -c Release --project bench/issuance [-- runs singlePerRun pgbenchSeconds]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;
using SupervisionCore.Host.Database;

var inv = CultureInfo.InvariantCulture;
var runs = args.Length > 0 ? int.Parse(args[0], inv) : 3;
var singlePerRun = args.Length > 1 ? int.Parse(args[1], inv) : 2000;
var pgbenchSeconds = args.Length > 2 ? int.Parse(args[2], inv) : 20;
const int Clients = 8;
const int BatchSize = 1000;
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
    psi.Environment["RateLimits__IssuancePerMinute"] = "100000000";
    host = Process.Start(psi)!;
    host.OutputDataReceived += (_, _) => { };
    host.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
    host.BeginOutputReadLine();
    host.BeginErrorReadLine();
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
    await BenchHost.WaitReadyAsync(http, host);
    var token = await BenchHost.TokenAsync(http);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    var total = runs * (singlePerRun + Clients * BatchSize);
    Console.WriteLine($"seeding {total} supervisors …");
    var ids = await SeedAsync(cs, total);
    var next = 0;
    List<Guid> Take(int n) { var r = ids.GetRange(next, n); next += n; return r; }

    var single = new List<double>();
    var batch = new List<double>();
    var pgbench = new List<double>();
    // Each run uses its own issuer (table 3 province) so no sequence nears 9999.
    string[] issuers = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32"];
    for (var run = 0; run < runs; run++)
    {
        var issuer = issuers[run % issuers.Length];
        single.Add(await SingleAsync(http, Take(singlePerRun), issuer));
        Console.WriteLine($"run {run + 1}: single {single[^1]:F0} cards/s");
        batch.Add(await BatchAsync(http, Take(Clients * BatchSize), issuers[(run + 5) % issuers.Length], run));
        Console.WriteLine($"run {run + 1}: batch {batch[^1]:F0} cards/s");
        pgbench.Add(await PgbenchAsync(pg, cs, run, pgbenchSeconds));
        Console.WriteLine($"run {run + 1}: pgbench {pgbench[^1]:F0} tps");
    }

    double Median(List<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
    var (ms, mb, mp) = (Median(single), Median(batch), Median(pgbench));
    var md = new StringBuilder();
    md.AppendLine("# Card issuance benchmark").AppendLine();
    md.AppendLine(inv, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/issuance` on {Environment.ProcessorCount} cores ({Environment.OSVersion}).");
    md.AppendLine(inv, $"One Host (Release) and a throwaway PostgreSQL cluster (fsync off) on the same machine; {Clients} concurrent clients; {runs} alternating runs of each.").AppendLine();
    md.AppendLine("| measure | runs | median |").AppendLine("|---|---|---|");
    md.AppendLine(inv, $"| single issuance `POST /api/v1/supervisors/{{id}}/cards`, {singlePerRun} cards per run | {string.Join(", ", single.Select(x => x.ToString("F0", inv)))} | **{ms:F0} cards/s** |");
    md.AppendLine(inv, $"| batch issuance `POST /api/v1/card-batches`, {Clients}×{BatchSize} cards per run | {string.Join(", ", batch.Select(x => x.ToString("F0", inv)))} | **{mb:F0} cards/s** |");
    md.AppendLine(inv, $"| pgbench `-n -c {Clients} -j 2 -T {pgbenchSeconds} -f issuance.sql` (counter upsert + card insert + audit append) | {string.Join(", ", pgbench.Select(x => x.ToString("F0", inv)))} | **{mp:F0} tps** |").AppendLine();
    md.AppendLine("Ratios of the medians:").AppendLine();
    md.AppendLine(inv, $"- single issuance / pgbench: **{ms / mp:P0}** (the HTTP, token, validation, rule checks and locking the supervisor row on top of the same SQL)");
    md.AppendLine(inv, $"- batch / single: **{mb / ms:F1}×**");
    md.AppendLine(inv, $"- batch / pgbench: **{mb / mp:F1}×**").AppendLine();
    md.AppendLine("All single issuances of one run share one allocation key, so they serialise on its counter row and on the audit chain head; a batch takes its whole serial range with one counter statement.");
    var outFile = Path.Combine(repo, "bench/results/issuance.md");
    await File.WriteAllTextAsync(outFile, md.ToString());
    Console.WriteLine(md.ToString());
    Console.WriteLine($"written {outFile}");
}
finally
{
    if (host is { HasExited: false }) { host.Kill(entireProcessTree: true); await host.WaitForExitAsync(); }
    pg.Stop();
    try { Directory.Delete(dataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

static async Task<double> SingleAsync(HttpClient http, List<Guid> supervisors, string issuer)
{
    var queue = new System.Collections.Concurrent.ConcurrentQueue<Guid>(supervisors);
    var failures = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
    {
        while (queue.TryDequeue(out var id))
        {
            using var r = await http.PostAsJsonAsync($"/api/v1/supervisors/{id}/cards", new { issuedOn = "2025-06-01", authorityId = issuer });
            if (r.StatusCode != HttpStatusCode.Created) { Interlocked.Increment(ref failures); Console.Error.WriteLine(await r.Content.ReadAsStringAsync()); }
        }
    }));
    watch.Stop();
    if (failures > 0) throw new InvalidOperationException($"{failures} single issuances failed");
    return supervisors.Count / watch.Elapsed.TotalSeconds;
}

static async Task<double> BatchAsync(HttpClient http, List<Guid> supervisors, string issuer, int run)
{
    var chunks = supervisors.Chunk(BatchSize).ToList();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(chunks.Select(async (chunk, i) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/card-batches")
        {
            Content = JsonContent.Create(new { kind = "external", issuedOn = "2025-06-01", authorityId = issuer, supervisorIds = chunk }),
        };
        request.Headers.Add("Idempotency-Key", $"bench-{run}-{i}");
        using var r = await http.SendAsync(request);
        if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"batch failed: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }));
    watch.Stop();
    return supervisors.Count / watch.Elapsed.TotalSeconds;
}

static async Task<double> PgbenchAsync(EmbeddedPostgres pg, string cs, int run, int seconds)
{
    var b = new NpgsqlConnectionStringBuilder(cs);
    var bin = EmbeddedPostgres.FindBinDirectory() ?? throw new InvalidOperationException("pgbench not found");
    var script = Path.Combine(AppContext.BaseDirectory, "issuance.sql");
    var psi = new ProcessStartInfo(Path.Combine(bin, "pgbench"),
        $"-n -c {Clients} -j 2 -T {seconds} -f \"{script}\" -D key=bench.pgbench.{run} -D run={run} -h {b.Host} -p {b.Port} -U {b.Username} {b.Database}")
    { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    if (!string.IsNullOrEmpty(b.Password)) psi.Environment["PGPASSWORD"] = b.Password;
    using var p = Process.Start(psi)!;
    var output = await p.StandardOutput.ReadToEndAsync();
    var errors = await p.StandardError.ReadToEndAsync();
    await p.WaitForExitAsync();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"pgbench failed ({p.ExitCode}):\n{output}\n{errors}");
    _ = pg;
    return double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
}

static async Task<List<Guid>> SeedAsync(string cs, int count)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
    await using (var cmd = new NpgsqlCommand("""
        INSERT INTO supervision.supervisors (id, name, id_number_cipher, id_number_hash, id_number_masked, sex, birth_date, kind, jurisdiction,
            years_in_evaluation, years_as_examiner, management_or_technical_role, political_commitment, policy_knowledge, integrity,
            organising_and_expression, health, created_at, updated_at)
        SELECT u.id, '测试', '\x00'::bytea, uuid_send(u.id), '440106********0011', 'male', DATE '1975-06-15', 'external', '44',
               5, 5, true, true, true, true, true, true, now(), now()
          FROM unnest(@ids) AS u(id);
        INSERT INTO supervision.training_records (id, supervisor_id, kind, "on", passed, created_at)
        SELECT gen_random_uuid(), u.id, 'qualification', DATE '2024-03-01', true, now() FROM unnest(@ids) AS u(id);
        """, c))
    {
        cmd.Parameters.AddWithValue("ids", ids.ToArray());
        await cmd.ExecuteNonQueryAsync();
    }
    return ids;
}
