using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SupervisionCore.Plugins.BeijingEtdz.Data;

/// <summary>认定场地 (recognition venue) an institution registers (备案) in the zone (BJ 第二十三条).</summary>
public sealed class Venue
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>Jurisdiction of the institution (inside <c>11.ETDZ</c>).</summary>
    public string Jurisdiction { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Address { get; set; } = string.Empty;
    public List<VenueOccupation> Occupations { get; set; } = [];
    public List<VenueEquipment> Equipment { get; set; } = [];
    public string RegisteredBy { get; set; } = string.Empty;
    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>An occupation and level the venue is registered for (所涉及的职业名称及等级).</summary>
public sealed class VenueOccupation
{
    public Guid VenueId { get; set; }
    /// <summary>1-based, in the order registered.</summary>
    public int Position { get; set; }
    public string Occupation { get; set; } = string.Empty;
    public string Level { get; set; } = string.Empty;
}

/// <summary>A line of the venue's equipment (设备名称、型号、规格、数量, BJ 23(一)).</summary>
public sealed class VenueEquipment
{
    public Guid VenueId { get; set; }
    /// <summary>1-based, in the order registered.</summary>
    public int Position { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Model { get; set; }
    public string? Spec { get; set; }
    public int Quantity { get; set; }
}

/// <summary>An external supervisor's check of a venue against its registration (附件5 场地核查单, BJ 23).</summary>
public sealed class VenueInspection
{
    public Guid Id { get; set; }
    public Guid VenueId { get; set; }
    public Guid SupervisorId { get; set; }
    public DateOnly CheckedOn { get; set; }
    /// <summary>相符: every item matches the registration.</summary>
    public bool Matches { get; set; }
    public string FormId { get; set; } = string.Empty;
    public int FormVersion { get; set; }
    /// <summary>The annex 5 answers (item key → text), JSON.</summary>
    public string Answers { get; set; } = "{}";
    public List<VenueInspectionItem> Items { get; set; } = [];
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One registered fact checked: matches or not, with a note.</summary>
public sealed class VenueInspectionItem
{
    public Guid InspectionId { get; set; }
    public int Position { get; set; }
    /// <summary><c>name</c>, <c>address</c>, <c>occupation-N</c> or <c>equipment-N</c>.</summary>
    public string Subject { get; set; } = string.Empty;
    public bool Matches { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The pack's own tables in schema <c>pack_bj_etdz</c>, snake_case names set here (the Host configures only the provider
/// and the migrations history table; <see cref="DesignTimeFactory"/> does the same).
/// </summary>
public sealed class BeijingEtdzDbContext(DbContextOptions<BeijingEtdzDbContext> options) : DbContext(options)
{
    /// <summary>The pack's schema.</summary>
    public const string Schema = "pack_bj_etdz";

    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<VenueInspection> VenueInspections => Set<VenueInspection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Venue>(e =>
        {
            e.ToTable("venues");
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(500);
            e.Property(x => x.RegisteredBy).HasMaxLength(200);
            e.HasIndex(x => x.InstitutionId);
            e.HasMany(x => x.Occupations).WithOne().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Equipment).WithOne().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<VenueOccupation>(e =>
        {
            e.ToTable("venue_occupations");
            e.HasKey(x => new { x.VenueId, x.Position });
            e.Property(x => x.Occupation).HasMaxLength(200);
            e.Property(x => x.Level).HasMaxLength(20);
        });
        modelBuilder.Entity<VenueEquipment>(e =>
        {
            e.ToTable("venue_equipment");
            e.HasKey(x => new { x.VenueId, x.Position });
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Model).HasMaxLength(200);
            e.Property(x => x.Spec).HasMaxLength(200);
        });
        modelBuilder.Entity<VenueInspection>(e =>
        {
            e.ToTable("venue_inspections");
            e.HasIndex(x => new { x.VenueId, x.CheckedOn });
            e.HasIndex(x => x.SupervisorId);
            e.Property(x => x.FormId).HasMaxLength(80);
            e.Property(x => x.Answers).HasColumnType("jsonb");
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<VenueInspectionItem>(e =>
        {
            e.ToTable("venue_inspection_items");
            e.HasKey(x => new { x.InspectionId, x.Position });
            e.Property(x => x.Subject).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(2000);
        });

        modelBuilder.UseSnakeCaseNames(); // SupervisionCore.Plugins.AspNetCore: the pack storage conventions
    }
}

/// <summary>For <c>dotnet ef migrations add</c> (with <c>-p:EfDesign=true</c>): the Host's configuration (Npgsql, history table in pack_bj_etdz).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BeijingEtdzDbContext>
{
    public BeijingEtdzDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BeijingEtdzDbContext>()
            .UseHostDatabase("Host=localhost;Database=design_time", Rules.BeijingEtdzRules.PackId)
            .Options);
}
