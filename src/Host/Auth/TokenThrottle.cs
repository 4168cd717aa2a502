using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.Net.Http.Headers;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using OidcErrors = OpenIddict.Abstractions.OpenIddictConstants.Errors;
using OidcParameters = OpenIddict.Abstractions.OpenIddictConstants.Parameters;

namespace SupervisionCore.Host.Auth;

/// <summary>
/// Throttles guessing of client secrets at <c>/connect/token</c> (ASVS 5.0 V6.3.1): failed client authentications
/// (<c>invalid_client</c>) are counted per client id and per client address in a fixed window; past
/// <c>RateLimits:TokenFailuresPerClient</c> (default 10) or <c>RateLimits:TokenFailuresPerAddress</c> (default 30) failures in
/// <c>RateLimits:TokenFailureWindowSeconds</c> (default 300), every token request of that client or from that address is answered
/// 429 problem+json with <c>Retry-After</c> until the window ends — the right secret included, or guessing would simply go on.
/// The first refusal of each blocked client or address per window is audited (<c>auth.token.throttled</c>). Counters are per
/// Host (in memory): behind N Hosts the effective limit is at most N times the setting.
/// </summary>
public sealed class TokenThrottle
{
    public const string Action = "auth.token.throttled";
    private const string FailedItem = "sc.token.client-auth-failed";
    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private readonly int _perClient;
    private readonly int _perAddress;
    private readonly long _windowMs;

    public TokenThrottle(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _perClient = Math.Max(1, config.GetValue<int?>("RateLimits:TokenFailuresPerClient") ?? 10);
        _perAddress = Math.Max(1, config.GetValue<int?>("RateLimits:TokenFailuresPerAddress") ?? 30);
        _windowMs = Math.Max(1, config.GetValue<int?>("RateLimits:TokenFailureWindowSeconds") ?? 300) * 1000L;
    }

    /// <summary>OpenIddict's token response: marks a failed client authentication for the middleware to count.</summary>
    public static ValueTask OnTokenResponse(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Error == OidcErrors.InvalidClient && context.Transaction.GetHttpRequest() is { } request)
            request.HttpContext.Items[FailedItem] = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>The middleware: before the OpenIddict server (which handles <c>/connect/token</c> in authentication).</summary>
    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }
        var clientId = await ClientIdOfAsync(http);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = Environment.TickCount64;
        var blocked = Blocked("c:" + clientId, _perClient, now) ?? Blocked("a:" + address, _perAddress, now);
        if (blocked is { } refusal)
        {
            if (refusal.FirstRefusal) await AuditAsync(http, clientId, address, refusal.Count);
            await RefuseAsync(http, refusal.RetryAfterMs);
            return;
        }
        await next();
        if (http.Items.ContainsKey(FailedItem))
        {
            if (clientId.Length > 0) Fail("c:" + clientId, now);
            Fail("a:" + address, now);
        }
    }

    private (long RetryAfterMs, bool FirstRefusal, int Count)? Blocked(string key, int limit, long now)
    {
        if (key == "c:" || !_windows.TryGetValue(key, out var window)) return null;
        lock (window)
        {
            if (now - window.Start >= _windowMs || window.Failures < limit) return null;
            var first = !window.Audited;
            window.Audited = true;
            return (window.Start + _windowMs - now, first, window.Failures);
        }
    }

    private void Fail(string key, long now)
    {
        if (_windows.Count > 100_000) _windows.Clear();
        var window = _windows.GetOrAdd(key, _ => new Window { Start = now });
        lock (window)
        {
            if (now - window.Start >= _windowMs) { window.Start = now; window.Failures = 0; window.Audited = false; }
            window.Failures++;
        }
    }

    /// <summary>The client id of a token request: the form field, else HTTP Basic (client_secret_basic); at most 100 characters.</summary>
    private static async Task<string> ClientIdOfAsync(HttpContext http)
    {
        string? id = null;
        if (http.Request.HasFormContentType)
        {
            try { id = (await http.Request.ReadFormAsync(http.RequestAborted))[OidcParameters.ClientId].ToString(); }
            catch (InvalidDataException) { }
            catch (IOException) { }
        }
        if (string.IsNullOrEmpty(id) && AuthenticationHeaderBasic(http) is { } basic) id = basic;
        id ??= string.Empty;
        return id.Length > 100 ? id[..100] : id;
    }

    private static string? AuthenticationHeaderBasic(HttpContext http)
    {
        var header = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : Uri.UnescapeDataString(pair[..colon].Replace('+', ' '));
        }
        catch (FormatException) { return null; }
    }

    private static async Task AuditAsync(HttpContext http, string clientId, string address, int failures)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await using var scope = http.RequestServices.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(timeout.Token);
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(db, new AuditActor(clientId.Length > 0 ? clientId : "anonymous", "?"),
                new AuditEvent(Action, "oidc-client", clientId.Length > 0 ? clientId : "(none)", "CN",
                    Detail: $"429 POST /connect/token from {address}: {failures} failed client authentications in the window"), timeout.Token);
            await tx.CommitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            http.RequestServices.GetRequiredService<ILogger<TokenThrottle>>().LogWarning("token throttling not audited: {Error}", ex.GetType().Name);
        }
    }

    private static async Task RefuseAsync(HttpContext http, long retryAfterMs)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfterMs / 1000.0));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var zh = !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        await http.Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc6585#section-4",
            title = zh ? "客户端认证失败次数过多" : "Too many failed client authentications",
            status = 429,
            detail = zh ? $"请在{seconds}秒后重试" : $"Retry after {seconds} seconds",
        }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
    }

    private sealed class Window
    {
        public long Start;
        public int Failures;
        public bool Audited;
    }
}

/// <summary>Registration of the token throttle (one line each in the composition root).</summary>
public static class TokenThrottleSetup
{
    public static WebApplication UseTokenThrottle(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var throttle = new TokenThrottle(app.Configuration);
        app.Use((http, next) => throttle.InvokeAsync(http, () => next(http)));
        return app;
    }
}
