using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupervisionCore.Host.Tests.Infrastructure;

/// <summary>
/// The Host as a separate OS process (<c>dotnet SupervisionCore.Host.dll</c> from the Host's build output, with the
/// bundled packs from this test's <c>plugins/</c> folder): for start-up failures, two Hosts on one database,
/// the embedded PostgreSQL and shutdown behaviour.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the Host with the given settings (as environment variables, <c>__</c> for <c>:</c>).</summary>
    public static HostProcess Start(IDictionary<string, string?> settings, bool issuerIsOwnAddress = false)
    {
        var port = FreePort();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "SupervisionCore.Host.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{hostDll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        psi.Environment["Plugins__Path"] = Path.Combine(AppContext.BaseDirectory, "plugins");
        psi.Environment["Audit__KeyDirectory"] = TestKeys.Directory;
        psi.Environment["Auth__Issuer"] = issuerIsOwnAddress ? $"http://127.0.0.1:{port}/" : SupervisionApp.Issuer;
        foreach (var (key, value) in settings) psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the Host");
        return new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until /health/ready answers 200; fails with the Host's output when it exits or times out.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Host not ready in time:\n{Output}");
    }

    /// <summary>Waits for the process to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flush redirected output
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM (what systemd and Ctrl+C-like stops do) and waits for a clean exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }
        return await WaitExitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: the Host gets no chance to clean up (its embedded PostgreSQL keeps running).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { await TerminateAsync(TimeSpan.FromSeconds(30)); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
