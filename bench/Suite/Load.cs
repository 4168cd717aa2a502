using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

/// <summary>The load generator: closed loops of concurrent clients over HTTP/1.1 keep-alive on loopback.</summary>
internal static class Load
{
    public static HttpClient Client(int port, string? token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5),
        };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary><paramref name="clients"/> loops GETting <paramref name="path"/>(i) for <paramref name="seconds"/>: requests/s (every answer must be 200).</summary>
    public static async Task<double> GetLoopAsync(HttpClient http, int clients, double seconds, Func<int, string> path)
    {
        long done = 0;
        var failures = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var i = c * 7919;
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                using var r = await http.GetAsync(path(i++), HttpCompletionOption.ResponseContentRead);
                if (r.StatusCode != HttpStatusCode.OK)
                {
                    if (Interlocked.Increment(ref failures) < 3) Console.Error.WriteLine($"{path(i - 1)}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                    continue;
                }
                Interlocked.Increment(ref done);
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        if (failures > 0) throw new InvalidOperationException($"{failures} requests failed");
        return done / elapsed;
    }

    /// <summary>Single issuance: 8 clients POST one card each until every supervisor has one (one allocation key): cards/s.</summary>
    public static async Task<double> SingleIssuanceAsync(HttpClient http, int clients, IReadOnlyList<Guid> supervisors, string issuer)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<Guid>(supervisors);
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (queue.TryDequeue(out var id))
            {
                using var r = await http.PostAsJsonAsync($"/api/v1/supervisors/{id}/cards", new { issuedOn = "2025-06-01", authorityId = issuer });
                if (r.StatusCode != HttpStatusCode.Created && Interlocked.Increment(ref failures) < 3) Console.Error.WriteLine(await r.Content.ReadAsStringAsync());
            }
        }));
        watch.Stop();
        if (failures > 0) throw new InvalidOperationException($"{failures} single issuances failed");
        return supervisors.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Batch issuance: concurrent batches of <paramref name="batchSize"/> (one per client): cards/s.</summary>
    public static async Task<double> BatchIssuanceAsync(HttpClient http, IReadOnlyList<Guid> supervisors, int batchSize, string issuer, string tag)
    {
        var chunks = supervisors.Chunk(batchSize).ToList();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(chunks.Select(async (chunk, i) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/card-batches")
            {
                Content = JsonContent.Create(new { kind = "external", issuedOn = "2025-06-01", authorityId = issuer, supervisorIds = chunk }),
            };
            request.Headers.Add("Idempotency-Key", $"bench-{tag}-{i}");
            using var r = await http.SendAsync(request);
            if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"batch failed: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }));
        watch.Stop();
        return supervisors.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>pgbench with the issuance's own SQL (counter + card + audit, one transaction), 8 clients: tps.</summary>
    public static async Task<double> PgbenchAsync(string cs, int clients, int seconds, string tag, string scriptName = "issuance.sql")
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        var bin = SupervisionCore.Host.Database.EmbeddedPostgres.FindBinDirectory() ?? throw new InvalidOperationException("PostgreSQL binaries not found");
        var pgbench = File.Exists(Path.Combine(bin, "pgbench")) ? Path.Combine(bin, "pgbench") : "pgbench";
        var script = Path.Combine(AppContext.BaseDirectory, scriptName);
        var psi = new ProcessStartInfo(pgbench,
            $"-n -c {clients} -j 2 -T {seconds} -f \"{script}\" -D key=bench.pgbench.{tag} -D run={tag} -h {b.Host} -p {b.Port} -U {b.Username} {b.Database}")
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The embedded cluster asks for the password (SCRAM): hand it over in the environment, never on the command line.
        psi.Environment["PGPASSWORD"] = b.Password;
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var errors = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"pgbench failed ({p.ExitCode}):\n{output}\n{errors}");
        return double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The draw's yardstick: the dispatchable-pool SQL (DispatchPool.IdsSql), ids only, through Npgsql: (count, ms).</summary>
    public static async Task<(int Count, double Ms)> FetchPoolIdsAsync(string cs)
    {
        var watch = Stopwatch.StartNew();
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(SupervisionCore.Host.Features.Draws.DispatchPool.IdsSql, c);
        cmd.Parameters.AddWithValue("kind", "external");
        cmd.Parameters.AddWithValue("all", false);
        cmd.Parameters.AddWithValue("j", Seed.DrawProvince);
        cmd.Parameters.AddWithValue("prefix", Seed.DrawProvince + ".%");
        cmd.Parameters.AddWithValue("d", Seed.ActivityDay);
        var ids = new List<Guid>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        watch.Stop();
        return (ids.Count, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Resident set (VmRSS) of a process, MiB.</summary>
    public static double WorkingSetMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return double.NaN;
    }

    /// <summary>Resident set of a process split as /proc/PID/status does: (VmRSS, RssAnon: heaps and JIT code, RssFile: mapped files such as assemblies), MiB.</summary>
    public static (double Rss, double Anon, double File) ResidentMiB(int pid)
    {
        double Field(string name) => File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => double.Parse(l[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
        return (Field("VmRSS:"), Field("RssAnon:"), Field("RssFile:"));
    }

    /// <summary>CPU time (user + system) of a process so far, from /proc/PID/stat, in seconds.</summary>
    public static double ProcessCpuSeconds(int pid)
    {
        var fields = StatFields(pid);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / (double)ClockTicks;
    }

    /// <summary>/proc/PID/stat fields from the state on (index 0 = field 3): ppid is [1], utime [11], stime [12], cutime [13], cstime [14].</summary>
    public static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may contain spaces) start at ") ".
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>The machine's busy and total CPU time so far (all cores, /proc/stat), in seconds.</summary>
    public static (double Busy, double Total) MachineCpuSeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        return ((total - idle) / (double)ClockTicks, total / (double)ClockTicks);
    }

    private const int ClockTicks = 100;
}

/// <summary>
/// Where the CPU of a measured run went, split by process from /proc: the Host process, PostgreSQL (the postmaster and
/// every backend, the exited ones through the postmaster's reaped-children time), this load generator, and the rest of
/// the machine (other work on a shared machine: not ours, reported so a reader sees how shared it was). CPU per
/// operation of each part is robust to contention in a way throughput is not.
/// </summary>
internal sealed class CpuProbe
{
    /// <summary>The postmaster's pid (first line of postmaster.pid in the data directory); set once the cluster runs.</summary>
    public static int PostmasterPid { get; set; }

    private readonly int _host;
    private readonly double _hostStart, _pgStart, _selfStart;
    private readonly (double Busy, double Total) _machineStart;

    private CpuProbe(int host)
    {
        _host = host;
        _hostStart = host > 0 ? Load.ProcessCpuSeconds(host) : 0;
        _pgStart = PostgresCpuSeconds();
        _selfStart = LoadGeneratorCpuSeconds();
        _machineStart = Load.MachineCpuSeconds();
    }

    /// <summary>Starts a probe on the Host process <paramref name="hostPid"/> (0: no Host in the measured path, e.g. pgbench).</summary>
    public static CpuProbe Start(int hostPid) => new(hostPid);

    /// <summary>CPU ms per operation in each part, and the machine's busy share (%).</summary>
    public CpuUse Stop(double operations)
    {
        var host = _host > 0 ? Load.ProcessCpuSeconds(_host) - _hostStart : 0;
        var pg = PostgresCpuSeconds() - _pgStart;
        var self = LoadGeneratorCpuSeconds() - _selfStart;
        var (busy, total) = Load.MachineCpuSeconds();
        var machineBusy = busy - _machineStart.Busy;
        return new CpuUse(host * 1000 / operations, (machineBusy - host) * 1000 / operations, 100 * machineBusy / (total - _machineStart.Total),
            pg * 1000 / operations, self * 1000 / operations, Math.Max(0, machineBusy - host - pg - self) * 1000 / operations);
    }

    /// <summary>CPU seconds of the load generator: this process and its reaped children (pgbench runs as one).</summary>
    private static double LoadGeneratorCpuSeconds()
    {
        var f = Load.StatFields(Environment.ProcessId);
        return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)
            + long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>CPU seconds of the PostgreSQL cluster so far: the postmaster, its reaped children, and its live children.</summary>
    public static double PostgresCpuSeconds()
    {
        if (PostmasterPid <= 0) return 0;
        var total = 0.0;
        try
        {
            var stat = Load.StatFields(PostmasterPid);
            total += (long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture)
                + long.Parse(stat[13], CultureInfo.InvariantCulture) + long.Parse(stat[14], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return 0; }
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == PostmasterPid) continue;
            try
            {
                var f = Load.StatFields(pid);
                if (int.Parse(f[1], CultureInfo.InvariantCulture) != PostmasterPid) continue;
                total += (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return total;
    }
}

/// <summary>CPU per operation of one measured run (see <see cref="CpuProbe"/>): Host, everything else, busy %, and the split of
/// "everything else" into PostgreSQL, this load generator and other processes.</summary>
internal sealed record CpuUse(double HostMsPerOp, double RestMsPerOp, double BusyPercent, double PostgresMsPerOp = 0, double LoadMsPerOp = 0, double OtherMsPerOp = 0);
