using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SupervisionCore.Plugins.Yunnan.Data;

/// <summary>业务学习教育 (learning session) an institution holds for its internal supervisors (YN 17).</summary>
public sealed class LearningSession
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>Jurisdiction of the institution (inside 53).</summary>
    public string Jurisdiction { get; set; } = string.Empty;
    public int Year { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Content { get; set; } = string.Empty;
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Attendance and result of one internal supervisor at a session.</summary>
public sealed class LearningResult
{
    public Guid SessionId { get; set; }
    public Guid SupervisorId { get; set; }
    public bool Attended { get; set; }
    /// <summary>Result when attended (合格/不合格); null when absent.</summary>
    public bool? Passed { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A closed learning year (YN 17) for a scope; closing again changes nothing.</summary>
public sealed class LearningYearClose
{
    public int Year { get; set; }
    public string Scope { get; set; } = string.Empty;
    public DateOnly ClosedOn { get; set; }
    public string ClosedBy { get; set; } = string.Empty;
    public DateTimeOffset ClosedAt { get; set; }
    /// <summary>The decisions taken, as returned by the close (JSON).</summary>
    public string Decisions { get; set; } = "[]";
    /// <summary>Who was not judged because their institution held no session they could attend (JSON; null for closes before it was recorded).</summary>
    public string? NoSessionHeld { get; set; }
}

/// <summary>
/// 年度考核评估 (annual assessment) result of a supervisor (YN 22), as the pack's own endpoint recorded it before the national
/// record (<c>POST /api/v1/supervisors/{id}/assessments</c>, <c>cn.assessment.record</c>) became the one door to an
/// assessment. No longer written: the table is kept so that a deployment's earlier records are not dropped.
/// </summary>
public sealed class AnnualAssessment
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    public string Jurisdiction { get; set; } = string.Empty;
    public int Year { get; set; }
    public bool Passed { get; set; }
    public DateOnly AssessedOn { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>年检评估 (annual inspection) of an institution (YN 10(三), procedure YN 11).</summary>
public sealed class AnnualInspection
{
    public Guid Id { get; set; }
    /// <summary>The Host's supervision task of kind annual-inspection.</summary>
    public Guid TaskId { get; set; }
    public Guid InstitutionId { get; set; }
    public string Jurisdiction { get; set; } = string.Empty;
    public int Year { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public List<InspectionStep> Steps { get; set; } = [];
}

/// <summary>One recorded step of an annual inspection; (inspection, sequence) is unique, so concurrent steps cannot both land.</summary>
public sealed class InspectionStep
{
    public Guid InspectionId { get; set; }
    public int Sequence { get; set; }
    public string Step { get; set; } = string.Empty;
    public DateOnly On { get; set; }
    public string? Text { get; set; }
    /// <summary>Report form answers of the site visit (JSON), null for other steps.</summary>
    public string? Answers { get; set; }
    public decimal? Total { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// The pack's own tables in schema <c>pack_yn</c>, snake_case names set here (the Host configures only the provider and the
/// migrations history table, <see cref="DesignTimeFactory"/> does the same).
/// </summary>
public sealed class YunnanDbContext(DbContextOptions<YunnanDbContext> options) : DbContext(options)
{
    /// <summary>The pack's schema.</summary>
    public const string Schema = "pack_yn";

    public DbSet<LearningSession> LearningSessions => Set<LearningSession>();
    public DbSet<LearningResult> LearningResults => Set<LearningResult>();
    public DbSet<LearningYearClose> LearningYearCloses => Set<LearningYearClose>();
    public DbSet<AnnualAssessment> AnnualAssessments => Set<AnnualAssessment>();
    public DbSet<AnnualInspection> AnnualInspections => Set<AnnualInspection>();
    public DbSet<InspectionStep> InspectionSteps => Set<InspectionStep>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<LearningSession>(e =>
        {
            e.ToTable("learning_sessions");
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.Property(x => x.Content).HasMaxLength(2000);
            e.HasIndex(x => new { x.InstitutionId, x.Year });
        });
        modelBuilder.Entity<LearningResult>(e =>
        {
            e.ToTable("learning_results");
            e.HasKey(x => new { x.SessionId, x.SupervisorId });
            e.HasIndex(x => x.SupervisorId);
            e.HasOne<LearningSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LearningYearClose>(e =>
        {
            e.ToTable("learning_year_closes");
            e.HasKey(x => new { x.Year, x.Scope });
            e.Property(x => x.Scope).HasMaxLength(32);
            e.Property(x => x.Decisions).HasColumnType("jsonb");
            e.Property(x => x.NoSessionHeld).HasColumnType("jsonb");
        });
        modelBuilder.Entity<AnnualAssessment>(e =>
        {
            e.ToTable("annual_assessments");
            e.HasIndex(x => new { x.SupervisorId, x.Year }).IsUnique();
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(2000);
        });
        modelBuilder.Entity<AnnualInspection>(e =>
        {
            e.ToTable("annual_inspections");
            e.HasIndex(x => x.TaskId).IsUnique();
            e.Property(x => x.Jurisdiction).HasMaxLength(32);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.InspectionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<InspectionStep>(e =>
        {
            e.ToTable("inspection_steps");
            e.HasKey(x => new { x.InspectionId, x.Sequence });
            e.HasIndex(x => new { x.InspectionId, x.Step }).IsUnique();
            e.Property(x => x.Step).HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Answers).HasColumnType("jsonb");
            e.Property(x => x.Total).HasPrecision(6, 1);
        });

        modelBuilder.UseSnakeCaseNames(); // SupervisionCore.Plugins.AspNetCore: the pack storage conventions
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: the same configuration as the Host's (Npgsql, history table in pack_yn).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<YunnanDbContext>
{
    public YunnanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<YunnanDbContext>()
            .UseHostDatabase("Host=localhost;Database=design_time", Rules.YunnanRules.PackId)
            .Options);
}
