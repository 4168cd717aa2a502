using Microsoft.EntityFrameworkCore;

namespace SupervisionCore.Host.Data;

/// <summary>The kernel's database: audit log, people who log in, key material, and OpenIddict's tables.</summary>
public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<KeyMaterial> KeyMaterials => Set<KeyMaterial>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema("supervision");
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SupervisionDbContext).Assembly);
    }
}
