using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SupervisionCore.Plugins.AspNetCore;

namespace SupervisionCore.Plugins.Yunnan.Data.Applications;

/// <summary>《职业技能等级认定质量督导人员资格申报表》 (qualification application, YN 13) and its steps.</summary>
public sealed class QualificationApplication
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    /// <summary>Jurisdiction of the supervisor (inside 53).</summary>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>external | internal (外督 / 内督申报).</summary>
    public string Kind { get; set; } = string.Empty;
    /// <summary>The employer's institution, for an internal supervisor.</summary>
    public Guid? InstitutionId { get; set; }
    /// <summary>applied | recommended | approved | rejected.</summary>
    public string State { get; set; } = string.Empty;
    public DateOnly AppliedOn { get; set; }
    /// <summary>申请理由: how the conditions of YN 6 are met.</summary>
    public string Statement { get; set; } = string.Empty;
    /// <summary>所在单位 (the recommending employer's name).</summary>
    public string? Employer { get; set; }
    public DateOnly? RecommendedOn { get; set; }
    public string? Recommendation { get; set; }
    public string? RecommendedBy { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    /// <summary>approve | reject.</summary>
    public string? Decision { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Optimistic concurrency: two steps at once cannot both land.</summary>
    public uint Version { get; set; }
}

/// <summary>
/// The qualification applications of YN 13, in the pack's schema <c>pack_yn</c> (its own context, so the workflow adds tables
/// without touching the pack's other storage; it shares the schema and the migrations history table).
/// </summary>
public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : DbContext(options)
{
    public DbSet<QualificationApplication> Applications => Set<QualificationApplication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(YunnanDbContext.Schema);
        modelBuilder.Entity<QualificationApplication>(e =>
        {
            e.ToTable("qualification_applications");
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.State).HasMaxLength(20);
            e.Property(x => x.Statement).HasMaxLength(2000);
            e.Property(x => x.Employer).HasMaxLength(200);
            e.Property(x => x.Recommendation).HasMaxLength(2000);
            e.Property(x => x.RecommendedBy).HasMaxLength(200);
            e.Property(x => x.Decision).HasMaxLength(20);
            e.Property(x => x.ReviewNote).HasMaxLength(2000);
            e.Property(x => x.ReviewedBy).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => x.SupervisorId);
        });
        modelBuilder.UseSnakeCaseNames(); // plugins/Shared/PackStorage.cs
        // The row version is PostgreSQL's system column xmin (not a column of the table), as the Host's versions are.
        modelBuilder.Entity<QualificationApplication>().Property(x => x.Version).HasColumnName("xmin");
    }
}

/// <summary>For <c>dotnet ef migrations add --context ApplicationsDbContext</c>: the Host's configuration (Npgsql, history table in pack_yn).</summary>
internal sealed class ApplicationsDesignTimeFactory : IDesignTimeDbContextFactory<ApplicationsDbContext>
{
    public ApplicationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationsDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable("__ef_migrations_history", YunnanDbContext.Schema))
            .Options);
}
