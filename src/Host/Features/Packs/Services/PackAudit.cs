using System.Data.Common;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Npgsql;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Host.Features.Packs.Services;

/// <summary>
/// Packs' writes in the Host's hash-chained audit log (<see cref="IPackAudit"/>, contract 1.3): the entry is appended
/// on the pack's own connection and transaction, so the change and its entry commit or roll back together.
/// </summary>
public sealed partial class PackAudit(AuditLog log, PackCatalog catalog) : IPackAudit
{
    public async Task<long> AppendAsync(PackAuditEntry entry, ClaimsPrincipal? by, DbTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(transaction);
        if (Problem(entry, catalog) is { } problem) throw new ArgumentException(problem, nameof(entry));
        if (transaction is not NpgsqlTransaction { Connection: { } connection } npgsql)
            throw new ArgumentException("the audit entry must be appended in an open transaction on the Host's database (the pack context's)", nameof(transaction));
        return await log.AppendAsync(connection, npgsql, by?.AsActor() ?? AuditActor.System,
            new AuditEvent(entry.Action, entry.TargetType, entry.TargetId, entry.Jurisdiction.Value, entry.Rules, entry.Before, entry.After, entry.Detail), ct);
    }

    /// <summary>
    /// Why a pack's entry cannot be recorded, or null: the action must start with an enabled pack's id and a dot, target
    /// type and id are required (at most 200 characters), the jurisdiction and every rule id must be known to this
    /// deployment, and the detail (at most 2,000 characters) must not carry a resident ID number or a mobile number.
    /// </summary>
    public static string? Problem(PackAuditEntry entry, PackCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(entry.Action) || !catalog.Packs.Any(p => entry.Action.StartsWith(p.Manifest.Id + ".", StringComparison.Ordinal) && entry.Action.Length > p.Manifest.Id.Length + 1))
            return $"audit action '{entry.Action}' must start with an enabled pack's id and a dot (bj-etdz.venue.register)";
        if (entry.Action.Length > 200) return "audit action: at most 200 characters";
        if (string.IsNullOrWhiteSpace(entry.TargetType) || entry.TargetType.Length > 200) return "audit target type: required, at most 200 characters";
        if (string.IsNullOrWhiteSpace(entry.TargetId) || entry.TargetId.Length > 200) return "audit target id: required, at most 200 characters";
        if (!catalog.IsKnown(entry.Jurisdiction)) return $"audit jurisdiction '{entry.Jurisdiction.Value}' is not part of this deployment";
        if (entry.Rules?.FirstOrDefault(r => !catalog.Rules.Any(d => d.Id == r)) is { } unknown) return $"audit rule '{unknown}' is not in the rule catalogue";
        if (entry.Detail is { } detail)
        {
            if (detail.Length > 2000) return "audit detail: at most 2,000 characters";
            if (PersonalNumber().IsMatch(detail)) return "audit detail must not carry a resident ID number or a phone number";
        }
        return null;
    }

    // A resident ID number (18 or 15 digits, last may be X) or a mainland mobile number, not part of a longer token.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![0-9A-Za-z])")]
    private static partial Regex PersonalNumber();
}
