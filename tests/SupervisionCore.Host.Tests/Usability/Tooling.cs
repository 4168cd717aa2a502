using System.Diagnostics;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>Runs the external tools of the usability tests (npm, node, chromium) and finds the repository.</summary>
internal static class Tooling
{
    /// <summary>The repository root (the folder holding SupervisionCore.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SupervisionCore.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    public static string ClientDir => Path.Combine(RepoRoot(), "clients", "typescript");

    /// <summary>Headless Chromium, as the printing tests use it (Debian package chromium; .ci/run installs it).</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Runs headless Chromium in <paramref name="dir"/> with a throwaway profile there; fails the test on a non-zero exit. Returns its output.</summary>
    public static async Task<string> ChromiumAsync(string dir, string arguments)
    {
        var profile = Path.Combine(dir, "profile");
        var (code, output) = await RunAsync(Chromium,
            $"--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage --user-data-dir=\"{profile}\" {arguments}",
            dir, TimeSpan.FromMinutes(2));
        code.ShouldBe(0, output);
        return output;
    }

    /// <summary>Runs a program and returns its exit code and output (stdout + stderr); fails after <paramref name="timeout"/>.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeout}: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>clients/typescript/node_modules, installed with <c>npm ci</c> from the committed lockfile when missing.</summary>
    public static async Task EnsureNodeModulesAsync()
    {
        if (File.Exists(Path.Combine(ClientDir, "node_modules", ".bin", "openapi-typescript"))) return;
        var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund", ClientDir, TimeSpan.FromMinutes(8));
        code.ShouldBe(0, output);
    }

    public static string Bin(string tool) => Path.Combine(ClientDir, "node_modules", ".bin", tool);
}
