using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Yunnan.Data;

/// <summary>The pack's writes with their entry in the Host's hash-chained audit log (<see cref="IPackAudit"/>, contract 1.3).</summary>
public static class AuditedSave
{
    /// <summary>
    /// Saves the pending changes and appends <paramref name="entry"/> in one transaction: the caller's open one (the caller
    /// commits), or one opened and committed here. Either both are stored or neither.
    /// </summary>
    public static async Task SaveAuditedAsync(this YunnanDbContext db, IPackAudit audit, PackAuditEntry entry, ClaimsPrincipal? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var current = db.Database.CurrentTransaction;
        await using var own = current is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(entry, by, (own ?? current)!.GetDbTransaction(), ct);
        if (own is not null) await own.CommitAsync(ct);
    }
}
