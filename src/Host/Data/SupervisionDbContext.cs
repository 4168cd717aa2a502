using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SupervisionCore.Host.Data;

/// <summary>The kernel's database: audit log, people who log in, key material, data-protection keys and OpenIddict's tables.</summary>
public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys (login cookie, antiforgery), shared by every Host on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
