using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

/// <summary>One compared measure: its runs and its yardstick's runs (alternating), medians and the ratio against the target.</summary>
internal sealed class Row(string measure, string unit, string yardstick, string yardUnit, string target, double bound, bool higherIsBetter)
{
    public string Measure { get; set; } = measure;
    public List<double> Values { get; } = [];
    public List<double> Yardsticks { get; } = [];
    public void Add(double v) => Values.Add(v);
    public void Yard(double v) => Yardsticks.Add(v);
    public double Ratio => Report.Median(Values) / Report.Median(Yardsticks);
    public bool Met => double.IsNaN(bound) || (higherIsBetter ? Ratio >= bound : Ratio <= bound);

    public string Markdown()
    {
        var inv = CultureInfo.InvariantCulture;
        string Runs(List<double> xs) => string.Join(", ", xs.Select(x => x.ToString(x >= 100 ? "F0" : "F1", inv)));
        return string.Create(inv, $"| {Measure} | {Runs(Values)} → **{Report.Median(Values):F0} {unit}** | {yardstick}: {Runs(Yardsticks)} → **{Report.Median(Yardsticks):F0} {yardUnit}** | **{Ratio:F2}×** | {target} | {(double.IsNaN(bound) ? "" : Met ? "met" : "**missed**")} |");
    }
}

internal sealed class Report(bool quick, int runs, Plan plan)
{
    private readonly List<Row> _rows = [];
    public string PostgresVersion { get; set; } = "?";
    public string Packs { get; set; } = "";
    public Seed.Data? Data { get; set; }
    public double SeedSeconds { get; set; }
    public List<double> StartSeconds { get; } = [];
    public List<(string Host, double MiB)> WorkingSet { get; set; } = [];
    /// <summary>Fresh Hosts with each pack set, the same warm-up: (set, packs loaded, VmRSS, RssAnon, RssFile) MiB.</summary>
    public List<(string Set, int Packs, double Rss, double Anon, double File)> PackMemory { get; } = [];
    public string Micro { get; set; } = "_not run (--no-micro)_";
    public List<(string Title, string Plan)> Explain { get; } = [];
    public string Notes { get; set; } = "";
    /// <summary>The draw endpoint's Server-Timing header of each measured draw (phases: facts, pool, screen, rank, save).</summary>
    public List<string> DrawPhases { get; } = [];
    public double TotalMinutes { get; set; }

    private readonly List<(string Path, string Unit, List<CpuUse> Runs)> _cpu = [];

    /// <summary>Records where the CPU of one run of <paramref name="path"/> went.</summary>
    public void Cpu(string path, string unit, CpuUse use)
    {
        var entry = _cpu.FirstOrDefault(c => c.Path == path);
        if (entry.Runs is null) _cpu.Add(entry = (path, unit, []));
        entry.Runs.Add(use);
    }

    public Row Row(string measure, string unit, string yardstick, string yardUnit, string target, double bound, bool higherIsBetter)
    {
        var row = new Row(measure, unit, yardstick, yardUnit, target, bound, higherIsBetter);
        _rows.Add(row);
        return row;
    }

    public static double Median(IReadOnlyList<double> xs)
    {
        if (xs.Count == 0) return double.NaN;
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    public string Markdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(quick ? "# Benchmark suite — QUICK smoke run (figures not meaningful)" : "# Benchmark suite — latest report").AppendLine();
        md.AppendLine(inv, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/run{(quick ? " --quick" : "")}` in {TotalMinutes:F1} min. Not a test: nothing asserts a time; the yardstick of each row is measured in the same run, alternating with it.").AppendLine();
        md.AppendLine("## Machine and versions").AppendLine();
        md.AppendLine(inv, $"- {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {Cpu()}; load average at the end: {LoadAverage()}");
        md.AppendLine(inv, $"- .NET {Environment.Version} ({RuntimeInformation.FrameworkDescription}), Host in Release, workstation GC defaults; PostgreSQL {PostgresVersion} (throwaway cluster, fsync off)");
        md.AppendLine(inv, $"- Host processes on loopback (Kestrel, HTTP/1.1 keep-alive); load from this process (.NET HttpClient, {8} closed-loop clients); packs loaded: {Packs}");
        if (Data is { } d)
            md.AppendLine(inv, $"- Data ({SeedSeconds:F0} s by binary COPY + SQL): {d.Supervisors:N0} supervisors ({plan.Dispatchable:N0} dispatchable in province 44, {plan.Others:N0} across 10 other provinces, the rest issuance targets), each with a training record, the carded ones with an appointment and a card; {d.Institutions:N0} institutions across provinces; {d.Conflicts:N0} declared conflicts; a year of dispatch history in province 44 ({plan.HistoryTasks:N0} closed tasks, {d.HistoryAssignments:N0} assignments)");
        md.AppendLine(inv, $"- Medians of {runs} alternating runs of each pair{(quick ? " (quick: tiny data, short runs)" : "")}").AppendLine();
        md.AppendLine("## Results").AppendLine();
        md.AppendLine("| measure | runs → median | yardstick (same run): runs → median | ratio | target | |").AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows) md.AppendLine(row.Markdown());
        md.AppendLine(inv, $"| Host start to ready, embedded PostgreSQL on the existing data (process start → `/health/ready` 200, cluster start + migrations check + bootstrap + packs) | {string.Join(", ", StartSeconds.Select(s => s.ToString("F2", inv)))} → **{Median(StartSeconds):F2} s** | — | — | report | |");
        foreach (var (host, mib) in WorkingSet)
            md.AppendLine(inv, $"| working set (VmRSS) after the load: {host} | **{mib:F0} MiB** | — | — | report | |");
        md.AppendLine();
        if (PackMemory.Count > 0 && PackMemory[0] is var none)
        {
            md.AppendLine("## What each pack costs in memory").AppendLine();
            md.AppendLine("A fresh Host per pack set on the same database, each with the same warm-up (token, pack list, 2 s of kernel GETs, the rule catalogue); VmRSS and its anonymous (GC heaps, JIT code, native) and file-backed (mapped assemblies) parts, the lower of two readings 3 s apart. Extra = this set minus the Host with no pack.").AppendLine();
            md.AppendLine("| packs | VmRSS | anonymous | file-backed | extra over no pack |").AppendLine("|---|---|---|---|---|");
            foreach (var m in PackMemory)
                md.AppendLine(inv, $"| {m.Set} ({m.Packs} loaded) | {m.Rss:F0} MiB | {m.Anon:F0} MiB | {m.File:F0} MiB | {(m.Set == none.Set ? "—" : $"**{m.Rss - none.Rss:F0} MiB**")} |");
            md.AppendLine();
        }
        if (_cpu.Count > 0)
        {
            md.AppendLine("## CPU per operation (where the time goes)").AppendLine();
            md.AppendLine("From /proc during each measured run (medians of the runs), per operation: the Host process's CPU, PostgreSQL's (the postmaster and every backend), the load generator's (this process, or pgbench in the pgbench row), and the rest of the machine's (other processes: on a shared machine, other people's work); and how busy the machine's cores were. CPU per operation of the Host and of PostgreSQL does not depend on how many other processes share the cores; throughput does.").AppendLine();
            md.AppendLine("| path | Host CPU per op | PostgreSQL CPU per op | load generator per op | other processes per op | machine busy |").AppendLine("|---|---|---|---|---|---|");
            foreach (var (path, unit, uses) in _cpu)
                md.AppendLine(inv, $"| {path} | {Median(uses.Select(u => u.HostMsPerOp).ToList()):F2} ms/{unit} | {Median(uses.Select(u => u.PostgresMsPerOp).ToList()):F2} ms | {Median(uses.Select(u => u.LoadMsPerOp).ToList()):F2} ms | {Median(uses.Select(u => u.OtherMsPerOp).ToList()):F2} ms | {Median(uses.Select(u => u.BusyPercent).ToList()):F0} % |");
            md.AppendLine();
        }
        if (DrawPhases.Count > 0)
        {
            md.AppendLine("## Where a draw's time goes (the endpoint's Server-Timing, each measured draw)").AppendLine();
            md.AppendLine("`task`: the dispatching authority and the task as rules see it; `pool`: the dispatchable-pool query streamed on its own connection, each candidate scored for the verifiable ranking as it arrives (HMAC on the thread pool, blocks of 8,192) and screened by every national and pack constraint once the task's screen facts (conflicts, examiners, pack history), loading meanwhile on the request's connection, are in; `screen`: the candidates that arrived before the facts, screened; `rank`: the ranking finished (the kept candidates' scores sorted, the pool digested); `prepare`: the draw row and assignments built; `write`: EF SaveChanges (the pool as 16 bytes a candidate); `audit+commit`: the audit entry appended and the transaction committed.").AppendLine();
            foreach (var phases in DrawPhases) md.AppendLine(CultureInfo.InvariantCulture, $"- {phases}");
            md.AppendLine();
        }
        if (Notes.Length > 0) md.AppendLine("## Notes").AppendLine().AppendLine(Notes).AppendLine();
        md.AppendLine("## Micro-benchmarks (BenchmarkDotNet, bench/Micro)").AppendLine();
        md.AppendLine(Micro).AppendLine();
        if (Explain.Count > 0)
        {
            md.AppendLine("## Plans on the loaded data (EXPLAIN ANALYZE, BUFFERS)").AppendLine();
            foreach (var (title, text) in Explain) md.AppendLine(CultureInfo.InvariantCulture, $"**{title}**").AppendLine().AppendLine("```").AppendLine(text).AppendLine("```").AppendLine();
        }
        return md.ToString();
    }

    private static string Cpu()
    {
        try { return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"; }
        catch (IOException) { return "?"; }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }
}
