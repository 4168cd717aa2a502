using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.AspNetCore;

/// <summary>
/// The storage conventions of a pack with its own tables: its tables and its migrations history live in the Host's
/// database, in the pack's own schema <c>pack_&lt;id&gt;</c>; names are snake_case; every change is saved together with
/// its entry in the Host's hash-chained audit log. The Host registers every DbContext of a pack with
/// <see cref="UseHostDatabase"/> and migrates it at start-up; the pack's design-time factory must call the same.
/// </summary>
public static class PackStorage
{
    /// <summary>The migrations history table (in the pack's schema).</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>The schema of a pack's tables and migrations history (<c>pack_bj_etdz</c>).</summary>
    public static string SchemaOf(string packId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packId);
        return "pack_" + packId.Replace('-', '_');
    }

    /// <summary>PostgreSQL on <paramref name="connectionString"/>, the migrations history in the pack's schema.</summary>
    public static DbContextOptionsBuilder UseHostDatabase(this DbContextOptionsBuilder builder, string connectionString, string packId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var schema = SchemaOf(packId);
        return builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable, schema));
    }

    /// <summary>
    /// PostgreSQL on <paramref name="connectionString"/>, the migrations history in the pack's schema: what the Host
    /// configures, for the pack's design-time factory (<c>IDesignTimeDbContextFactory</c>).
    /// </summary>
    public static DbContextOptionsBuilder<TContext> UseHostDatabase<TContext>(this DbContextOptionsBuilder<TContext> builder, string connectionString, string packId)
        where TContext : DbContext
    {
        UseHostDatabase((DbContextOptionsBuilder)builder, connectionString, packId);
        return builder;
    }

    /// <summary>
    /// Names the model's columns, keys, indexes and foreign keys in snake_case. Call last in <c>OnModelCreating</c>, after
    /// the schema and tables are named; it fixes the names the pack's migrations are generated with.
    /// </summary>
    public static void UseSnakeCaseNames(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(SnakeCase(property.Name));
            foreach (var key in entity.GetKeys()) key.SetName($"pk_{entity.GetTableName()}" + (key.IsPrimaryKey() ? "" : "_" + string.Join("_", key.Properties.Select(p => SnakeCase(p.Name)))));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => SnakeCase(p.Name)))}");
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName($"fk_{entity.GetTableName()}_{fk.PrincipalEntityType.GetTableName()}_{string.Join("_", fk.Properties.Select(p => SnakeCase(p.Name)))}");
        }
    }

    /// <summary>
    /// Saves the pending changes and appends <paramref name="entry"/> to the Host's audit log (<see cref="IPackAudit"/>) in
    /// one transaction: the caller's open one (the caller commits), or one opened and committed here. Either both are
    /// stored or neither.
    /// </summary>
    /// <param name="db">The pack's context.</param>
    /// <param name="audit">The Host's audit log.</param>
    /// <param name="entry">What changed.</param>
    /// <param name="by">Who acted; null for a scheduled job (recorded as <c>system</c>).</param>
    /// <param name="ct">Cancellation.</param>
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

    /// <summary><c>RegisteredBy</c> → <c>registered_by</c>.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var b = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) b.Append('_');
            b.Append(char.ToLowerInvariant(name[i]));
        }
        return b.ToString();
    }
}
