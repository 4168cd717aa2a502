using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Shared;

/// <summary>
/// Storage helpers the bundled packs with their own tables share as source (linked into each pack's assembly by its
/// project file, so each pack still ships only itself and references no other pack). A third-party pack copies them.
/// </summary>
internal static class PackStorage
{
    /// <summary>
    /// Names the model's columns, keys, indexes and foreign keys in snake_case (the Host's naming convention is not
    /// applied to pack contexts). Call last in <c>OnModelCreating</c>, after tables are named; it fixes the names the
    /// pack's migrations were generated with.
    /// </summary>
    public static void UseSnakeCaseNames(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(Snake(property.Name));
            foreach (var key in entity.GetKeys()) key.SetName($"pk_{entity.GetTableName()}" + (key.IsPrimaryKey() ? "" : "_" + string.Join("_", key.Properties.Select(p => Snake(p.Name)))));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => Snake(p.Name)))}");
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName($"fk_{entity.GetTableName()}_{fk.PrincipalEntityType.GetTableName()}_{string.Join("_", fk.Properties.Select(p => Snake(p.Name)))}");
        }
    }

    /// <summary>
    /// Saves the pending changes and appends <paramref name="entry"/> to the Host's hash-chained audit log
    /// (<see cref="IPackAudit"/>, contract 1.3) in one transaction: the caller's open one (the caller commits), or one
    /// opened and committed here. Either both are stored or neither.
    /// </summary>
    public static async Task SaveAuditedAsync(this DbContext db, IPackAudit audit, PackAuditEntry entry, ClaimsPrincipal? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var current = db.Database.CurrentTransaction;
        await using var own = current is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(entry, by, (own ?? current)!.GetDbTransaction(), ct);
        if (own is not null) await own.CommitAsync(ct);
    }

    private static string Snake(string name)
    {
        var b = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) b.Append('_');
            b.Append(char.ToLowerInvariant(name[i]));
        }
        return b.ToString();
    }
}
