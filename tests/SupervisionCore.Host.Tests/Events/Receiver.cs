using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SupervisionCore.Host.Features.Webhooks;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>One request the receiver got and what it answered (null: it never answered).</summary>
public sealed record Received(string Path, string Id, long Timestamp, string Signature, string Body, int? Answered)
{
    public JsonElement Event => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A webhook receiver on loopback (the only network target here): records every request and answers what
/// <see cref="Answer"/> says for it (a status code, or null to hold the request open until <see cref="Release"/>).
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<Received> _log = new();
    private readonly ConcurrentDictionary<string, int> _perPath = new();

    public Receiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>Chooses the answer from the path and the 1-based number of the request on that path.</summary>
    public Func<string, int, int?> Answer { get; set; } = (_, _) => 200;

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public IReadOnlyList<Received> Log => [.. _log];

    /// <summary>Requests of a path acknowledged with 2xx, in the order they were answered.</summary>
    public List<Received> Acknowledged(string path) => [.. _log.Where(r => r.Path == "/" + path.TrimStart('/') && r.Answered is >= 200 and < 300)];

    /// <summary>Answers every held request with 503 (the Host that sent it is gone anyway).</summary>
    public void Release() => _release.TrySetResult();

    public async Task WaitAsync(Func<Receiver, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"receiver: {what} not reached in {timeout.TotalSeconds} s; got {_log.Count} request(s): " +
                    string.Join("; ", _log.Select(r => $"{r.Path} {r.Event.GetProperty("type").GetString()} {r.Answered}")));
            await Task.Delay(50);
        }
    }

    /// <summary>Standard Webhooks verification of a received request with the subscription's secret.</summary>
    public static bool Verifies(Received r, string secret) =>
        WebhookSignature.Sign(secret, r.Id, r.Timestamp, r.Body) == r.Signature;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var n = _perPath.AddOrUpdate(path, 1, (_, v) => v + 1);
            var answer = Answer(path, n);
            var id = context.Request.Headers["webhook-id"] ?? "";
            var timestamp = long.TryParse(context.Request.Headers["webhook-timestamp"], out var t) ? t : 0;
            var signature = context.Request.Headers["webhook-signature"] ?? "";
            if (answer is null)
            {
                _log.Enqueue(new Received(path, id, timestamp, signature, body, null));
                await _release.Task;
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }
            // Recorded before the answer leaves: a delivery is acknowledged once the receiver has processed it.
            _log.Enqueue(new Received(path, id, timestamp, signature, body, answer));
            context.Response.StatusCode = answer.Value;
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
    }
}
