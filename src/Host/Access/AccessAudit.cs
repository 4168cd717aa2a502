using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Access;

/// <summary>
/// Every refused request (401, 403) leaves an audit entry <c>access.denied</c> (ASVS V16: authorisation failures are
/// logged): the actor (client or user id, or <c>anonymous</c>), its jurisdiction, the method, the route template (never
/// the concrete path or query, which can carry personal data) and the status. Rate-safe: per actor (or client address
/// for anonymous callers, kept in memory only) at most <c>Audit:AccessDeniedPerMinute</c> entries a minute (default 30);
/// the rest are counted and the count rides on the next entry, so a flood cannot turn the audit chain into a bottleneck.
/// Recording is best effort within 2 s: a failure to record never changes the answer.
/// </summary>
public static class AccessAudit
{
    public const string Action = "access.denied";

    public static WebApplication UseAccessDeniedAudit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var perMinute = Math.Max(1, app.Configuration.GetValue<int?>("Audit:AccessDeniedPerMinute") ?? 30);
        var windows = new ConcurrentDictionary<string, Window>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessAudit));
        app.Use(async (http, next) =>
        {
            await next(http);
            var status = http.Response.StatusCode;
            if (status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)) return;
            var authenticated = http.User.Identity?.IsAuthenticated == true;
            var actor = authenticated ? http.User.ActorId() : SupervisionCore.Plugins.AspNetCore.Caller.Anonymous;
            var key = authenticated ? "a:" + actor : "ip:" + http.Connection.RemoteIpAddress;
            var window = windows.GetOrAdd(key, _ => new Window());
            if (windows.Count > 10_000) windows.Clear();
            if (!window.TryTake(perMinute, out var suppressed)) return;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var jurisdiction = authenticated ? http.User.Jurisdiction()?.Value ?? "CN" : "CN";
            var detail = $"{status} {http.Request.Method} /{route.TrimStart('/')}" + (suppressed > 0 ? $" (+{suppressed} not recorded)" : "");
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await using var scope = http.RequestServices.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync(timeout.Token);
                await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(db, new AuditActor(actor, authenticated ? http.User.Jurisdiction()?.Value ?? "?" : "?"),
                    new AuditEvent(Action, "route", route, jurisdiction, Detail: detail), timeout.Token);
                await tx.CommitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.LogWarning("access.denied not recorded ({Status} {Route}): {Error}", status, route, ex.GetType().Name);
            }
        });
        return app;
    }

    /// <summary>A fixed one-minute window of permits with a count of what it refused.</summary>
    private sealed class Window
    {
        private readonly Lock _gate = new();
        private long _minute;
        private int _taken;
        private int _suppressed;

        public bool TryTake(int permits, out int suppressedBefore)
        {
            lock (_gate)
            {
                var minute = Environment.TickCount64 / 60_000;
                if (minute != _minute) { _minute = minute; _taken = 0; }
                if (_taken >= permits) { _suppressed++; suppressedBefore = 0; return false; }
                _taken++;
                suppressedBefore = _suppressed;
                _suppressed = 0;
                return true;
            }
        }
    }
}
