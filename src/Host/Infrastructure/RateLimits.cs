using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SupervisionCore.Host.Access;

namespace SupervisionCore.Host.Infrastructure;

/// <summary>
/// Rate limits (ASP.NET Core's built-in limiter, fixed windows of one minute, per Host instance):
/// <c>public</c> per client IP for anonymous endpoints (<c>RateLimits:PublicPerMinute</c>, default 60) and <c>issuance</c>
/// per principal for card issuance (<c>RateLimits:IssuancePerMinute</c>, default 600), and a global limit per principal
/// on running draws (<c>POST …/draws</c>, <c>POST /api/v1/inspection-draws</c>; <c>RateLimits:DrawsPerMinute</c>,
/// default 120), applied by path so a new draw endpoint is covered without opting in. A refusal is a 429
/// problem+json with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string Public = "public";
    public const string Issuance = "issuance";

    public static IServiceCollection AddSupervisionRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var publicPerMinute = Math.Max(1, config.GetValue<int?>("RateLimits:PublicPerMinute") ?? 60);
        var issuancePerMinute = Math.Max(1, config.GetValue<int?>("RateLimits:IssuancePerMinute") ?? 600);
        var drawsPerMinute = Math.Max(1, config.GetValue<int?>("RateLimits:DrawsPerMinute") ?? 120);
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsDraw(http.Request)
                ? RateLimitPartition.GetFixedWindowLimiter("draws:" + PrincipalOrAddress(http), _ => Window(drawsPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy(Public, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => Window(publicPerMinute)));
            o.AddPolicy(Issuance, http => RateLimitPartition.GetFixedWindowLimiter(
                PrincipalOrAddress(http),
                _ => Window(issuancePerMinute)));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) || CultureInfo.CurrentUICulture.Name.Length == 0;
                await http.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4",
                    title = zh ? "请求过于频繁" : "Too many requests",
                    status = 429,
                    detail = zh ? $"请在{seconds}秒后重试" : $"Retry after {seconds} seconds",
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            };
        });
    }

    private static string PrincipalOrAddress(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? "principal:" + http.User.ActorId() : "ip:" + http.Connection.RemoteIpAddress;

    /// <summary>A request that runs a draw: a POST to a path ending in <c>/draws</c> or <c>/inspection-draws</c>.</summary>
    private static bool IsDraw(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path
        && (path.EndsWith("/draws", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/inspection-draws", StringComparison.OrdinalIgnoreCase));

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
