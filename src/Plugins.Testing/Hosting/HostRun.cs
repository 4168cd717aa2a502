using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SupervisionCore.Plugins.Testing.Hosting;

/// <summary>
/// The real Host as an OS process (<c>dotnet SupervisionCore.Host.dll</c>) on a throwaway database: its embedded
/// PostgreSQL in a temporary folder, or the server named by <c>SUPERVISIONCORE_TEST_CONNECTION</c> (a fresh database
/// is not created there: give it an empty one). Tokens come from its embedded OpenIddict server through a bootstrap
/// national-admin client. Disposing stops the Host (SIGTERM, which also stops its PostgreSQL) and deletes the folder.
/// </summary>
public sealed class HostRun : IAsyncDisposable
{
    /// <summary>The bootstrap national-admin client id.</summary>
    public const string AdminClientId = "conformance-admin";

    /// <summary>Environment variable naming a PostgreSQL connection string to use instead of an embedded cluster.</summary>
    public const string ConnectionVariable = "SUPERVISIONCORE_TEST_CONNECTION";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _workFolder;
    private readonly string _adminSecret;

    private HostRun(Process process, Uri baseAddress, string workFolder, string adminSecret)
    {
        _process = process;
        _workFolder = workFolder;
        _adminSecret = adminSecret;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the Host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the Host printed so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>
    /// Starts the Host from <paramref name="hostFolder"/> with the packs of <paramref name="pluginsFolder"/>, enabling
    /// <paramref name="enabled"/>, plus any <paramref name="settings"/> (configuration keys, <c>:</c> separated).
    /// <paramref name="workFolder"/> is owned by the run (embedded data) and deleted on dispose.
    /// </summary>
    public static HostRun Start(string hostFolder, string pluginsFolder, IReadOnlyList<string> enabled, string workFolder,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}/";
        var adminSecret = "conformance-" + Guid.NewGuid().ToString("N");
        var psi = new ProcessStartInfo("dotnet", $"\"{Path.Combine(hostFolder, "SupervisionCore.Host.dll")}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = hostFolder,
        };
        var env = psi.Environment;
        env["ASPNETCORE_URLS"] = address.TrimEnd('/');
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["Plugins__Path"] = pluginsFolder;
        for (var i = 0; i < enabled.Count; i++) env[$"Plugins__Enabled__{i}"] = enabled[i];
        env["Auth__Issuer"] = address;
        env["Bootstrap__AdminClientId"] = AdminClientId;
        env["Bootstrap__AdminClientSecret"] = adminSecret;
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(connection)) env["ConnectionStrings__Supervision"] = connection;
        else env["Database__DataDirectory"] = Path.Combine(workFolder, "pgdata");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the Host");
        return new HostRun(process, new Uri(address), workFolder, adminSecret);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; throws with the Host's output when it exits or times out.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"the Host exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the Host was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>A real access token of the bootstrap national admin (client credentials at <c>/connect/token</c>).</summary>
    public async Task<string> AdminTokenAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = AdminClientId, ["client_secret"] = _adminSecret,
        });
        using var response = await client.PostAsync(new Uri("connect/token", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"token request failed ({(int)response.StatusCode}): {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A client for the Host, with <paramref name="token"/> as bearer when given.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        try { Directory.Delete(_workFolder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
