using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Data.Supervision;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(e => e.Year);
        b.Property(e => e.Year).ValueGeneratedNever();
        b.Property(e => e.Arrangement).HasColumnType("jsonb");
        b.Property(e => e.Source).HasMaxLength(200);
        b.Property(e => e.LoadedBy).HasMaxLength(200);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities");
        b.HasKey(e => e.Id);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Occupation).HasMaxLength(200);
        b.Property(e => e.Level).HasMaxLength(40);
        b.Property(e => e.PlanNumber).HasMaxLength(80);
        b.Property(e => e.RecognitionForm).HasMaxLength(80);
        b.HasIndex(e => new { e.InstitutionId, e.StartsAt });
        b.HasIndex(e => new { e.Jurisdiction, e.StartsAt });
        b.HasMany(e => e.Venues).WithOne().HasForeignKey(v => v.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Examiners).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityVenueConfiguration : IEntityTypeConfiguration<ActivityVenue>
{
    public void Configure(EntityTypeBuilder<ActivityVenue> b)
    {
        b.ToTable("activity_venues");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Address).HasMaxLength(300);
    }
}

internal sealed class ActivityExaminerConfiguration : IEntityTypeConfiguration<ActivityExaminer>
{
    public void Configure(EntityTypeBuilder<ActivityExaminer> b)
    {
        b.ToTable("activity_examiners");
        b.HasKey(e => e.Id);
        b.Property(e => e.IdNumberMasked).HasMaxLength(18);
        b.Property(e => e.Name).HasMaxLength(100);
        b.HasIndex(e => e.SupervisorId);
        b.HasIndex(e => e.IdNumberHash);
    }
}

internal sealed class SupervisionTaskConfiguration : IEntityTypeConfiguration<SupervisionTask>
{
    public void Configure(EntityTypeBuilder<SupervisionTask> b)
    {
        b.ToTable("supervision_tasks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.AuthorityId).HasMaxLength(40);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.Jurisdiction, e.WindowStart });
        b.HasIndex(e => e.InstitutionId);
        b.HasIndex(e => e.ActivityId);
    }
}

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> b)
    {
        b.ToTable("draws");
        b.HasKey(e => e.Id);
        b.Property(e => e.Purpose).HasMaxLength(20);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.SeedCommitment).HasMaxLength(64);
        b.Property(e => e.Seed).HasMaxLength(128);
        b.Property(e => e.Algorithm).HasMaxLength(60);
        b.Property(e => e.PoolDigest).HasMaxLength(64);
        b.Property(e => e.Exclusions).HasColumnType("jsonb");
        b.Property(e => e.Filter).HasColumnType("jsonb");
        b.Ignore(e => e.Ranking);
        b.Ignore(e => e.Pool);
        b.Ignore(e => e.PoolSize);
        b.Property(e => e.PoolIds).HasColumnName("pool");
        b.Property(e => e.RedrawReason).HasMaxLength(500);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        // At most one live (announced or run) supervisor draw per task: a second concurrent draw fails here → 409.
        b.HasIndex(e => e.TaskId).IsUnique().HasFilter("purpose = 'supervisor' AND status <> 'superseded'");
        b.HasIndex(e => new { e.Published, e.RunAt });
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasKey(e => e.Id);
        b.Property(e => e.Role).HasMaxLength(10);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.RefusalReason).HasMaxLength(500);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.SupervisorId, e.CreatedAt });
        b.HasIndex(e => e.TaskId);
    }
}

internal sealed class SupervisionRecordConfiguration : IEntityTypeConfiguration<SupervisionRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionRecord> b)
    {
        b.ToTable("supervision_records");
        b.HasKey(e => e.Id);
        b.Property(e => e.FormId).HasMaxLength(80);
        b.Property(e => e.Content).HasColumnType("jsonb");
        b.Property(e => e.SubmittedBy).HasMaxLength(200);
        // One record per assignment (cn.report.required): a second filing at once loses on this index (409).
        b.HasIndex(e => e.AssignmentId).IsUnique();
    }
}

internal sealed class SupervisorFeedbackConfiguration : IEntityTypeConfiguration<SupervisorFeedback>
{
    public void Configure(EntityTypeBuilder<SupervisorFeedback> b)
    {
        b.ToTable("supervisor_feedback");
        b.HasKey(e => e.Id);
        b.Property(e => e.Conduct).HasColumnType("jsonb");
        b.Property(e => e.FormId).HasMaxLength(80);
        b.Property(e => e.Content).HasColumnType("jsonb");
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.SubmittedBy).HasMaxLength(200);
        // One feedback per assignment.
        b.HasIndex(e => e.AssignmentId).IsUnique();
    }
}

internal sealed class SpecialProcedureStepConfiguration : IEntityTypeConfiguration<SpecialProcedureStep>
{
    public void Configure(EntityTypeBuilder<SpecialProcedureStep> b)
    {
        b.ToTable("special_procedure_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Step).HasMaxLength(40);
        b.Property(e => e.Text).HasMaxLength(20000);
        b.Property(e => e.Attachments).HasColumnType("jsonb");
        b.Property(e => e.RecordedBy).HasMaxLength(200);
        b.HasIndex(e => new { e.TaskId, e.Step }).IsUnique();
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.HasKey(e => e.Id);
        b.Property(e => e.TrackingCode).HasMaxLength(20);
        b.HasIndex(e => e.TrackingCode).IsUnique();
        b.Property(e => e.Jurisdiction).HasMaxLength(20);
        b.Property(e => e.InstitutionName).HasMaxLength(200);
        b.Property(e => e.Source).HasMaxLength(20);
        b.Property(e => e.Text).HasMaxLength(5000);
        b.Property(e => e.ContactMasked).HasMaxLength(100);
        b.Property(e => e.State).HasMaxLength(20);
        b.Property(e => e.TriagedBy).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.ReferredTo).HasMaxLength(40);
        b.Property(e => e.Finding).HasMaxLength(30);
        b.Property(e => e.Conclusion).HasMaxLength(5000);
        b.HasIndex(e => new { e.Jurisdiction, e.State });
    }
}
