using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

/// <summary>What every benchmark needs to drive a Host process: a free port, readiness, an admin token, the repository root.</summary>
internal static class BenchHost
{
    public const string AdminClientId = "bench-admin";
    public const string AdminSecret = "bench-admin-secret-0123456789";

    public static async Task WaitReadyAsync(HttpClient http, Process host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited) throw new InvalidOperationException($"Host exited with {host.ExitCode}");
            try { if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return; }
            catch (HttpRequestException) { }
            await Task.Delay(250);
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
