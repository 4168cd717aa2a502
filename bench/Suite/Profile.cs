using System.Diagnostics;
using System.Globalization;
using System.Text;

/// <summary>
/// <c>--profile DIR</c>: samples the Host's CPU with Linux perf (999 Hz, call graphs; the Host runs with
/// DOTNET_PerfMapEnabled=1 so JIT-compiled methods have names) while one hot path runs under load, and writes
/// DIR/NAME.top.txt: the Host's CPU per operation over the sampled run, and the top methods by CPU samples, self
/// (exclusive) and with callees (inclusive). These are CPU samples of the Host process only: waiting threads and the
/// other processes sharing the machine are not in them. Needs perf (Debian: linux-perf) and root or
/// perf_event_paranoid &lt;= 1.
/// </summary>
internal static class Profile
{
    public static async Task RunAsync(int pid, string dir, string name, int seconds, Func<Task<int>> load)
    {
        if (seconds > 0) await load(); // warm-up: tiered JIT at tier 1 before sampling
        var data = Path.Combine(Path.GetTempPath(), $"sc-{name}-{pid}.perf.data");
        var psi = new ProcessStartInfo("perf", $"record -F 999 -g -p {pid} -o \"{data}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var perf = Process.Start(psi)!;
        var perfErr = perf.StandardError.ReadToEndAsync();
        await Task.Delay(1000);
        var cpu0 = Load.ProcessCpuSeconds(pid);
        var watch = Stopwatch.StartNew();
        var ops = await load();
        var cpu = (Load.ProcessCpuSeconds(pid) - cpu0) * 1000;
        watch.Stop();
        using (var stop = Process.Start("kill", ["-INT", perf.Id.ToString(CultureInfo.InvariantCulture)])) await stop.WaitForExitAsync();
        await perf.WaitForExitAsync();
        await perfErr;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{name}: {ops} operations in {watch.Elapsed.TotalSeconds:F1} s, Host CPU {cpu / ops:F3} ms per operation (from /proc over the load)");
        Console.WriteLine("profile " + summary);
        var script = new ProcessStartInfo("perf", $"script -i \"{data}\" -F ip,sym") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var stacks = new List<List<string>>();
        using (var r = Process.Start(script)!)
        {
            var err = r.StandardError.ReadToEndAsync();
            var current = new List<string>();
            while (await r.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Trim().Length == 0) { if (current.Count > 0) stacks.Add(current); current = []; continue; }
                var t = line.Trim();
                var space = t.IndexOf(' ', StringComparison.Ordinal);
                current.Add(Clean(space > 0 ? t[(space + 1)..] : t));
            }
            if (current.Count > 0) stacks.Add(current);
            await r.WaitForExitAsync();
            await err;
        }
        var top = new StringBuilder();
        top.AppendLine("# " + summary);
        top.AppendLine(CultureInfo.InvariantCulture, $"# perf record -F 999 -g on the Host process: {stacks.Count} CPU samples (the Host's threads only, waits excluded); JIT methods named through the perf map; [native] = the runtime or a native library");
        var self = new Dictionary<string, int>(StringComparer.Ordinal);
        var incl = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var st in stacks)
        {
            self[st[0]] = self.GetValueOrDefault(st[0]) + 1;
            foreach (var f in st.Distinct(StringComparer.Ordinal)) incl[f] = incl.GetValueOrDefault(f) + 1;
        }
        void Table(string title, Dictionary<string, int> counts, int n)
        {
            top.AppendLine().AppendLine("## " + title).AppendLine();
            foreach (var (f, c) in counts.OrderByDescending(kv => kv.Value).Take(n))
                top.AppendLine(CultureInfo.InvariantCulture, $"{100.0 * c / Math.Max(1, stacks.Count),6:F1} %  {f}");
        }
        var dso = new ProcessStartInfo("perf", $"report -i \"{data}\" --stdio --no-children --sort dso -g none --percent-limit 0.5") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using (var r = Process.Start(dso)!)
        {
            var text = await r.StandardOutput.ReadToEndAsync();
            await r.StandardError.ReadToEndAsync();
            await r.WaitForExitAsync();
            top.AppendLine().AppendLine("## by library (self)").AppendLine();
            foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))) top.AppendLine(line.Trim());
        }
        Table("self (exclusive): where the CPU is spent", self, 40);
        Table("with callees (inclusive): which calls cost it", incl, 90);
        await File.WriteAllTextAsync(Path.Combine(dir, name + ".top.txt"), top.ToString());
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_PERF") is null) try { File.Delete(data); } catch (IOException) { }
    }

    /// <summary>A perf frame as Type::Method (the JIT's return type, assembly and tier dropped), or the library for native frames.</summary>
    private static string Clean(string frame)
    {
        if (frame.StartsWith("[unknown]", StringComparison.Ordinal)) return "[native] ?";
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        var head = paren > 0 ? frame[..paren] : frame;
        var bracket = head.LastIndexOf("] ", StringComparison.Ordinal);
        if (bracket >= 0) head = head[(bracket + 2)..];
        if (!head.Contains("::", StringComparison.Ordinal) && !head.Contains('.', StringComparison.Ordinal)) return "[native] " + head;
        var colon = head.IndexOf("::", StringComparison.Ordinal);
        var type = colon > 0 ? head[..colon] : head;
        var method = colon > 0 ? head[colon..] : "";
        var generic = type.IndexOf('`', StringComparison.Ordinal);
        var dots = type[..(generic > 0 ? generic : type.Length)].Split('.');
        var shortType = dots.Length > 2 ? string.Join('.', dots[^2..]) + (generic > 0 ? type[generic..] : "") : type;
        return shortType + method;
    }
}
