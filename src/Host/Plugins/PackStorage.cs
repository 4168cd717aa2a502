using Microsoft.EntityFrameworkCore;

namespace SupervisionCore.Host.Plugins;

/// <summary>
/// Packs with their own tables (STACK: "a pack with its own tables"): every non-abstract <see cref="DbContext"/> of an
/// enabled pack's assembly is registered (scoped) on the Host's database and migrated at start-up under the Host's
/// migration lock. The Host configures only the provider and the migrations history table, which lives in the pack's
/// schema <c>pack_&lt;id&gt;</c> (<c>-</c> → <c>_</c>); the context names its schema (the same one), tables and columns
/// itself, and its design-time factory must configure it the same way (<c>UseHostDatabase</c> of
/// SupervisionCore.Plugins.AspNetCore, which this calls) so its migrations match its model.
/// </summary>
public static class PackStorage
{
    /// <summary>The schema of a pack's tables and migrations history (<c>pack_bj_etdz</c>).</summary>
    public static string SchemaOf(string packId) => SupervisionCore.Plugins.AspNetCore.PackStorage.SchemaOf(packId);

    /// <summary>The DbContext types a pack declares.</summary>
    public static IReadOnlyList<(LoadedPack Pack, Type Context)> Contexts(IEnumerable<LoadedPack> packs) =>
        [.. packs.SelectMany(p => p.Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(DbContext).IsAssignableFrom(t) && t.GetConstructor([typeof(DbContextOptions<>).MakeGenericType(t)]) is not null)
            .Select(t => (p, t)))];

    /// <summary>Configures a pack context: Npgsql on the Host's database, history table in the pack's schema.</summary>
    public static void Configure(DbContextOptionsBuilder b, string connectionString, string packId) =>
        SupervisionCore.Plugins.AspNetCore.PackStorage.UseHostDatabase(b, connectionString, packId);

    /// <summary>Registers every pack context (scoped, like the Host's).</summary>
    public static void AddPackContexts(this IServiceCollection services, IEnumerable<LoadedPack> packs, string connectionString)
    {
        var add = typeof(EntityFrameworkServiceCollectionExtensions).GetMethods()
            .Single(m => m.Name == nameof(EntityFrameworkServiceCollectionExtensions.AddDbContext) && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1
                && m.GetParameters() is [_, { ParameterType: var p }, _, _] && p == typeof(Action<DbContextOptionsBuilder>));
        foreach (var (pack, type) in Contexts(packs))
        {
            var id = pack.Manifest.Id;
            add.MakeGenericMethod(type).Invoke(null, [services, (Action<DbContextOptionsBuilder>)(b => Configure(b, connectionString, id)), ServiceLifetime.Scoped, ServiceLifetime.Scoped]);
        }
    }

    /// <summary>Applies every pack context's migrations (the caller holds the migration lock).</summary>
    public static void Migrate(IEnumerable<LoadedPack> packs, string connectionString)
    {
        foreach (var (pack, type) in Contexts(packs))
        {
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
            Configure(builder, connectionString, pack.Manifest.Id);
            using var context = (DbContext)Activator.CreateInstance(type, builder.Options)!;
            try { context.Database.Migrate(); }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
            {
                throw new StartupException($"pack '{pack.Manifest.Id}': cannot apply the migrations of {type.Name}: {ex.Message}");
            }
        }
    }
}
