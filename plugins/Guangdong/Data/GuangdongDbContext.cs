using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SupervisionCore.Plugins.AspNetCore;

namespace SupervisionCore.Plugins.Guangdong.Data;

/// <summary>A check of GD 第十七条(一)(二) recorded on a daily task (briefing, on-site, data comparison, sampling, remote monitoring).</summary>
public sealed class DailyCheck
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>The task's jurisdiction (inside 44).</summary>
    public string Jurisdiction { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public DateOnly On { get; set; }
    /// <summary>The supervisor who made the check (null when the dispatching body recorded it without naming one).</summary>
    public Guid? SupervisorId { get; set; }
    public int? FilesSampled { get; set; }
    public int? VideosSampled { get; set; }
    public string Findings { get; set; } = string.Empty;
    /// <summary>True when the check found a problem to report to the dispatching body.</summary>
    public bool ProblemsFound { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A measure of GD 第十七条(三) against an institution: 调查核实, 约谈提醒, 提醒函 or 质量通报, tracked to closure.</summary>
public sealed class DailyMeasure
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstitutionId { get; set; }
    public string Jurisdiction { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public DateOnly On { get; set; }
    /// <summary>文号 of a letter or notice.</summary>
    public string? Number { get; set; }
    /// <summary>通报范围 of a quality notice.</summary>
    public string? Scope { get; set; }
    /// <summary>The issuing (dispatching) body's name as printed.</summary>
    public string IssuedBy { get; set; } = string.Empty;
    public string Findings { get; set; } = string.Empty;
    public string? Requirements { get; set; }
    public DateOnly? RectificationDue { get; set; }
    /// <summary>open | rectification-submitted | closed.</summary>
    public string Status { get; set; } = string.Empty;
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The finding of an investigation, or the note accepting the rectification.</summary>
    public string? Conclusion { get; set; }
    public List<MeasureRectification> Rectifications { get; set; } = [];
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One round of the institution's rectification report and its review.</summary>
public sealed class MeasureRectification
{
    public Guid MeasureId { get; set; }
    /// <summary>1-based round.</summary>
    public int Round { get; set; }
    public DateOnly On { get; set; }
    public string Text { get; set; } = string.Empty;
    public bool Late { get; set; }
    public string SubmittedBy { get; set; } = string.Empty;
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>accepted | returned, or null while awaiting review.</summary>
    public string? Review { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string? ReviewNote { get; set; }
}

/// <summary>
/// The pack's own tables in schema <c>pack_gd</c>, snake_case names set here (the Host configures only the provider and the
/// migrations history table; <see cref="DesignTimeFactory"/> does the same).
/// </summary>
public sealed class GuangdongDbContext(DbContextOptions<GuangdongDbContext> options) : DbContext(options)
{
    /// <summary>The pack's schema.</summary>
    public const string Schema = "pack_gd";

    public DbSet<DailyCheck> DailyChecks => Set<DailyCheck>();
    public DbSet<DailyMeasure> DailyMeasures => Set<DailyMeasure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<DailyCheck>(e =>
        {
            e.ToTable("daily_checks");
            e.HasIndex(x => new { x.TaskId, x.On });
            e.HasIndex(x => x.InstitutionId);
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<DailyMeasure>(e =>
        {
            e.ToTable("daily_measures");
            e.HasIndex(x => new { x.InstitutionId, x.On });
            e.HasIndex(x => x.TaskId);
            e.HasIndex(x => new { x.Jurisdiction, x.Status });
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Number).HasMaxLength(100);
            e.Property(x => x.Scope).HasMaxLength(500);
            e.Property(x => x.IssuedBy).HasMaxLength(200);
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.Requirements).HasMaxLength(4000);
            e.Property(x => x.Status).HasMaxLength(40);
            e.Property(x => x.Conclusion).HasMaxLength(4000);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasMany(x => x.Rectifications).WithOne().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MeasureRectification>(e =>
        {
            e.ToTable("measure_rectifications");
            e.HasKey(x => new { x.MeasureId, x.Round });
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.SubmittedBy).HasMaxLength(200);
            e.Property(x => x.Review).HasMaxLength(20);
            e.Property(x => x.ReviewNote).HasMaxLength(2000);
        });

        modelBuilder.UseSnakeCaseNames(); // SupervisionCore.Plugins.AspNetCore (PackStorage)
    }
}

/// <summary>For <c>dotnet ef migrations add</c> (with <c>EfDesign=true</c>): the Host's configuration (Npgsql, history table in pack_gd).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GuangdongDbContext>
{
    public GuangdongDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GuangdongDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable("__ef_migrations_history", GuangdongDbContext.Schema))
            .Options);
}
