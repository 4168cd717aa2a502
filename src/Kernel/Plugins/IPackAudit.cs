using System.Data.Common;
using System.Security.Claims;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>One state change a pack records in the Host's hash-chained audit log.</summary>
/// <param name="Action">
/// Dotted verb starting with the pack's id (<c>bj-etdz.venue.register</c>, <c>yn.assessment.record</c>); the Host refuses
/// an action that does not start with an enabled pack's id and a dot.
/// </param>
/// <param name="TargetType">Kind of the changed object (<c>bj-etdz.venue</c>).</param>
/// <param name="TargetId">Its id.</param>
/// <param name="Jurisdiction">Jurisdiction of the changed object (auditors filter on it).</param>
/// <param name="Rules">Rule ids the change applies (<c>bj.venue.inspection</c>), or none.</param>
/// <param name="Before">State before, or null: only its SHA-256 digest is stored, never the state itself.</param>
/// <param name="After">State after, or null (digested like <paramref name="Before"/>).</param>
/// <param name="Detail">
/// Plain non-personal facts shown to auditors (<c>year=2025 passed=false</c>), or null. Never a name, a resident ID number or
/// a phone number: the Host refuses a detail that contains an ID number or a mobile number.
/// </param>
public sealed record PackAuditEntry(
    string Action,
    string TargetType,
    string TargetId,
    JurisdictionCode Jurisdiction,
    IReadOnlyList<string>? Rules = null,
    object? Before = null,
    object? After = null,
    string? Detail = null);

/// <summary>
/// The Host's append-only, hash-chained audit log as packs write to it (contract 1.3). A pack's write and its audit entry
/// commit together: open a transaction on the pack's own context (the pack's tables live in the Host's database), save
/// the change, append the entry in that transaction, commit. If the transaction rolls back, neither the change nor the
/// entry exists.
/// <code>
/// await using var tx = await db.Database.BeginTransactionAsync(ct);
/// db.Venues.Add(venue);
/// await db.SaveChangesAsync(ct);
/// await audit.AppendAsync(new PackAuditEntry("bj-etdz.venue.register", "bj-etdz.venue", venue.Id.ToString(), zone), User, tx.GetDbTransaction(), ct);
/// await tx.CommitAsync(ct);
/// </code>
/// Append last, just before the commit: the chain head is a single row locked until the transaction ends.
/// </summary>
public interface IPackAudit
{
    /// <summary>Appends <paramref name="entry"/> inside <paramref name="transaction"/> (the caller commits).</summary>
    /// <param name="entry">What changed.</param>
    /// <param name="by">Who acted; null for a scheduled job (recorded as <c>system</c>).</param>
    /// <param name="transaction">An open transaction on the Host's database (the pack context's).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The entry's sequence number in the chain.</returns>
    /// <exception cref="ArgumentException">The action is not the pack's, the detail carries personal data, or the transaction is not on the Host's database.</exception>
    Task<long> AppendAsync(PackAuditEntry entry, ClaimsPrincipal? by, DbTransaction transaction, CancellationToken ct);
}
