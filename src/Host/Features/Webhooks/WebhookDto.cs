using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks;

/// <summary>A webhook subscription (without its secret).</summary>
/// <param name="Id" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c30">Subscription id.</param>
/// <param name="Url" example="http://127.0.0.1:8080/hooks/supervision">Receiver.</param>
/// <param name="Jurisdiction" example="44">Events of this jurisdiction and its sub-jurisdictions are delivered.</param>
/// <param name="Types" example='["supervision.assignment.invited", "supervision.record.*"]'>Event types delivered (<c>prefix.*</c> matches a family); empty: all.</param>
/// <param name="Description" example="广东省督导门户">Free text.</param>
/// <param name="CreatedAt" example="2025-06-01T02:00:00Z">Creation time.</param>
/// <param name="Pending" example="0">Deliveries waiting (incl. retries).</param>
/// <param name="Delivered" example="12">Deliveries acknowledged with 2xx.</param>
/// <param name="Dead" example="0">Deliveries in the dead-letter list.</param>
public sealed record WebhookDto(Guid Id, string Url, string Jurisdiction, IReadOnlyList<string> Types, string? Description, DateTimeOffset CreatedAt,
    int Pending, int Delivered, int Dead)
{
    public static async Task<List<WebhookDto>> LoadAsync(SupervisionDbContext db, IQueryable<WebhookSubscription> subscriptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var counts = await db.Set<WebhookDelivery>().Where(d => ids.Contains(d.SubscriptionId))
            .GroupBy(d => new { d.SubscriptionId, d.Status }).Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, string status) => counts.FirstOrDefault(c => c.SubscriptionId == id && c.Status == status)?.Count ?? 0;
        return [.. rows.Select(s => new WebhookDto(s.Id, s.Url, s.Jurisdiction, s.Types, s.Description, s.CreatedAt,
            Count(s.Id, "pending"), Count(s.Id, "delivered"), Count(s.Id, "dead")))];
    }
}

/// <summary>The caller's live subscriptions (its jurisdiction subtree).</summary>
public static partial class WebhookScope
{
    public static IQueryable<WebhookSubscription> Visible(this IQueryable<WebhookSubscription> query, System.Security.Claims.ClaimsPrincipal user) =>
        query.Where(s => s.DeletedAt == null).WithinJurisdictionOf(user, s => s.Jurisdiction);

    /// <summary>An event type or family a subscription may name: <c>supervision.x.y</c> or <c>supervision.x.*</c>.</summary>
    public static bool IsTypePattern(string? type) => type is { Length: <= 120 } && TypePattern().IsMatch(type);

    [GeneratedRegex(@"^supervision(\.[a-z0-9][a-z0-9-]*)+(\.\*)?$|^supervision\.\*$")]
    private static partial Regex TypePattern();

    /// <summary>True when <paramref name="type"/> is delivered to a subscription naming <paramref name="patterns"/>.</summary>
    public static bool Matches(IReadOnlyList<string> patterns, string type)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Count == 0 || patterns.Any(p => p == type || (p.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(p[..^1], StringComparison.Ordinal)));
    }

    internal static readonly string[] KnownTypes = [.. EventCatalog.Types.Values.Select(v => EventCatalog.Prefix + v).Distinct().Order(StringComparer.Ordinal)];
}
