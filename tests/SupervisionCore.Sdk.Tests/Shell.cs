using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SupervisionCore.Sdk.Tests;

/// <summary>
/// Runs a README block with bash as a person would paste it (plus <c>set -euo pipefail</c>, so the first failing command
/// fails the run), in its own session: whatever it leaves running (a Host started with <c>&amp;</c>) is stopped with it.
/// The nested dotnet commands are isolated from the outer test run's MSBuild nodes.
/// </summary>
public static class Shell
{
    public static async Task<string> RunAsync(string workingDirectory, string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sc-readme-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(file, "set -euo pipefail\n" + script + "\n");
        var psi = new ProcessStartInfo("setsid", ["bash", file])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // A nested build must not attach to (or leave behind) long-lived MSBuild/compiler nodes of the outer run.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["UseSharedCompilation"] = "false";
        // The outer `dotnet test` sets these for its own test host; a nested dotnet must not inherit them.
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
            psi.Environment.Remove(key);
        foreach (var (k, v) in environment) psi.Environment[k] = v;

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = false;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try { await process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { timedOut = true; }
        }
        // setsid made bash the leader of a new process group: stop everything the block started (SIGTERM lets a Host stop its PostgreSQL).
        await SignalGroupAsync(process.Id, "TERM");
        if (timedOut || !process.HasExited)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.WaitForExit();
        File.Delete(file);
        string text;
        lock (output) text = output.ToString();
        if (timedOut) throw new TimeoutException($"the README block did not finish within {timeout.TotalMinutes:0} min:\n{Tail(text)}");
        if (process.ExitCode != 0) throw new InvalidOperationException($"the README block failed (exit {process.ExitCode}):\n{Tail(text)}");
        return text;
    }

    private static async Task SignalGroupAsync(int leader, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", "--", "-" + leader.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        if (kill is not null) await kill.WaitForExitAsync(); // fails harmlessly when the group is already gone
    }

    private static string Tail(string text) => text.Length <= 16000 ? text : "…" + text[^16000..];
}
