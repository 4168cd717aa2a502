using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

/// <summary>What every benchmark needs to drive a Host process: start it, readiness, an admin token, the repository root.</summary>
internal static class BenchHost
{
    public const string AdminClientId = "bench-admin";
    public const string AdminSecret = "bench-admin-secret-0123456789";

    /// <summary>Set by <c>--profile</c>: the Hosts write /tmp/perf-PID.map so perf names JIT-compiled methods.</summary>
    public static bool PerfMap { get; set; }

    /// <summary>
    /// Starts the Release Host as a process on loopback. <paramref name="connectionString"/> null: the Host starts its own
    /// embedded PostgreSQL from <paramref name="dataDirectory"/>. <paramref name="pluginsPath"/> null: the bundled packs.
    /// </summary>
    public static Process Start(string hostDll, int port, string? connectionString, string? pluginsPath, string? dataDirectory = null, bool yardsticks = true, string? enabledPack = null)
    {
        var psi = new ProcessStartInfo("dotnet", $"\"{hostDll}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        if (connectionString is not null) psi.Environment["ConnectionStrings__Supervision"] = connectionString;
        if (dataDirectory is not null) psi.Environment["Database__DataDirectory"] = dataDirectory;
        if (pluginsPath is not null) psi.Environment["Plugins__Path"] = pluginsPath;
        if (enabledPack is not null) psi.Environment["Plugins__Enabled__0"] = enabledPack;
        psi.Environment["Auth__Issuer"] = $"http://127.0.0.1:{port}/";
        psi.Environment["Auth__RequireHttps"] = "false";
        psi.Environment["Bootstrap__AdminClientId"] = AdminClientId;
        psi.Environment["Bootstrap__AdminClientSecret"] = AdminSecret;
        // The load would hit the per-minute limits at once: lift them (the limiter itself still runs).
        psi.Environment["RateLimits__IssuancePerMinute"] = "100000000";
        psi.Environment["RateLimits__PublicPerMinute"] = "100000000";
        if (yardsticks) psi.Environment["Bench__Yardsticks"] = "true";
        if (PerfMap) { psi.Environment["DOTNET_PerfMapEnabled"] = "1"; psi.Environment["DOTNET_EnableWriteXorExecute"] = "0"; }
        var host = Process.Start(psi)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"host:{port}: " + e.Data); };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        return host;
    }

    /// <summary>SIGTERM (graceful: the Host stops its embedded PostgreSQL), then waits.</summary>
    public static async Task StopAsync(Process host)
    {
        if (host.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await host.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { host.Kill(entireProcessTree: true); await host.WaitForExitAsync(); }
    }

    public static async Task WaitReadyAsync(HttpClient http, Process host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited) throw new InvalidOperationException($"Host exited with {host.ExitCode}");
            try { if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return; }
            catch (HttpRequestException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException("Host not ready");
    }

    public static async Task<string> TokenAsync(HttpClient http)
    {
        var r = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = AdminClientId, ["client_secret"] = AdminSecret,
        }));
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException("token: " + body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SupervisionCore.sln"))) return d.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }
}
