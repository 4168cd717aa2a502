using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Data.Registry;

/// <summary>年度考核 (annual assessment) of a supervisor, CN 11 <c>cn.assessment.record</c>: one per supervisor and year.</summary>
public sealed class SupervisorAssessment
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    public int Year { get; set; }
    /// <summary>excellent | passed | failed.</summary>
    public required string Grade { get; set; }
    public bool Passed { get; set; }
    public DateOnly AssessedOn { get; set; }
    /// <summary>考核依据: what the result rests on (required for failed).</summary>
    public string? Grounds { get; set; }
    /// <summary>The principal who recorded it (actor id).</summary>
    public required string AssessedBy { get; set; }
    public string[] Rules { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>表彰 / 激励 (commendation) of a supervisor, where a regional text provides it (GD 21, YN 22).</summary>
public sealed class SupervisorCommendation
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    public DateOnly On { get; set; }
    /// <summary>The assessment year it is for (YN 22), if any.</summary>
    public int? Year { get; set; }
    /// <summary>The measure (表彰名称 / 激励措施), e.g. 年度优秀质量督导员.</summary>
    public required string Title { get; set; }
    /// <summary>What is commended (突出表现或贡献).</summary>
    public required string Reason { get; set; }
    public required string DecidedBy { get; set; }
    public string[] Rules { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SupervisorAssessmentConfiguration : IEntityTypeConfiguration<SupervisorAssessment>
{
    public void Configure(EntityTypeBuilder<SupervisorAssessment> b)
    {
        b.ToTable("supervisor_assessments");
        b.HasKey(e => e.Id);
        b.Property(e => e.Grade).HasMaxLength(20);
        b.Property(e => e.Grounds).HasMaxLength(2000);
        b.Property(e => e.AssessedBy).HasMaxLength(200);
        // One result per supervisor and year, also under concurrent requests to several Hosts.
        b.HasIndex(e => new { e.SupervisorId, e.Year }).IsUnique();
    }
}

internal sealed class SupervisorCommendationConfiguration : IEntityTypeConfiguration<SupervisorCommendation>
{
    public void Configure(EntityTypeBuilder<SupervisorCommendation> b)
    {
        b.ToTable("supervisor_commendations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.DecidedBy).HasMaxLength(200);
        b.HasIndex(e => e.SupervisorId);
    }
}
