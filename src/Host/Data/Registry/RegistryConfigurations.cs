using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Data.Registry;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> b)
    {
        b.ToTable("authorities");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(40);
        b.Property(e => e.Kind).HasMaxLength(30);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.CardIssuerCode).HasMaxLength(8);
        b.Property(e => e.NameZh).HasMaxLength(200);
        b.Property(e => e.NameEn).HasMaxLength(200);
        b.Property(e => e.Source).HasMaxLength(32);
        b.HasIndex(e => e.Jurisdiction);
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.ToTable("institutions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.FilingNumber).HasMaxLength(40);
        b.Property(e => e.FilingLevel).HasMaxLength(20);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.InternalIssuerCode).HasMaxLength(6).IsFixedLength();
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.FilingLevel, e.FilingNumber }).IsUnique();
        b.HasIndex(e => e.Jurisdiction);
    }
}

internal sealed class SupervisorConfiguration : IEntityTypeConfiguration<Supervisor>
{
    public void Configure(EntityTypeBuilder<Supervisor> b)
    {
        b.ToTable("supervisors");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.IdNumberMasked).HasMaxLength(18);
        b.Property(e => e.Sex).HasMaxLength(6);
        b.Property(e => e.Kind).HasMaxLength(10);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.PhoneMasked).HasMaxLength(20);
        b.Property(e => e.Version).IsRowVersion();
        // One person = one supervisor record per jurisdiction (the keyed hash, never the number itself).
        b.HasIndex(e => new { e.Jurisdiction, e.IdNumberHash }).IsUnique();
        b.HasIndex(e => e.IdNumberHash);
        b.HasIndex(e => new { e.Jurisdiction, e.Name });
        b.HasIndex(e => e.InstitutionId);
        b.HasMany(e => e.Conflicts).WithOne().HasForeignKey(c => c.SupervisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupervisorConflictConfiguration : IEntityTypeConfiguration<SupervisorConflict>
{
    public void Configure(EntityTypeBuilder<SupervisorConflict> b)
    {
        b.ToTable("supervisor_conflicts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => new { e.SupervisorId, e.InstitutionId });
        b.HasIndex(e => e.InstitutionId);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.ToTable("training_records");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => new { e.SupervisorId, e.On });
    }
}

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> b)
    {
        b.ToTable("cards");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(20);
        b.Property(e => e.Kind).HasMaxLength(10);
        b.Property(e => e.Scheme).HasMaxLength(40);
        b.Property(e => e.AllocationKey).HasMaxLength(80);
        b.Property(e => e.IssuerId).HasMaxLength(64);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.WithdrawnReason).HasMaxLength(200);
        // The backstop of cn.card.serial-sequence: a number or a serial can never be taken twice.
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => new { e.AllocationKey, e.Serial }).IsUnique();
        b.HasIndex(e => e.SupervisorId);
    }
}

internal sealed class CardCounterConfiguration : IEntityTypeConfiguration<CardCounter>
{
    public void Configure(EntityTypeBuilder<CardCounter> b)
    {
        b.ToTable("card_counters");
        b.HasKey(e => e.AllocationKey);
        b.Property(e => e.AllocationKey).HasMaxLength(80);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        b.HasKey(e => new { e.Principal, e.Key });
        b.Property(e => e.Key).HasMaxLength(100);
        b.Property(e => e.Principal).HasMaxLength(200);
        b.Property(e => e.Operation).HasMaxLength(100);
        b.Property(e => e.RequestHash).HasMaxLength(64);
        b.Property(e => e.Response).HasColumnType("jsonb");
        b.HasIndex(e => e.CreatedAt);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("appointments");
        b.HasKey(e => e.Id);
        b.Property(e => e.AppointedBy).HasMaxLength(64);
        b.Property(e => e.TerminationReason).HasMaxLength(200);
        b.Property(e => e.NonRenewalNote).HasMaxLength(1000);
        b.HasIndex(e => new { e.SupervisorId, e.AppointedBy, e.TermNumber }).IsUnique();
        b.HasIndex(e => new { e.End, e.ExpiryRecorded });
    }
}

internal sealed class SupervisorSanctionConfiguration : IEntityTypeConfiguration<SupervisorSanction>
{
    public void Configure(EntityTypeBuilder<SupervisorSanction> b)
    {
        b.ToTable("supervisor_sanctions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Measure).HasMaxLength(20);
        b.Property(e => e.Ground).HasMaxLength(60);
        b.Property(e => e.EvidenceNote).HasMaxLength(2000);
        b.Property(e => e.DecidedBy).HasMaxLength(200);
        b.HasIndex(e => e.SupervisorId);
    }
}

internal sealed class InstitutionSanctionRecordConfiguration : IEntityTypeConfiguration<InstitutionSanctionRecord>
{
    public void Configure(EntityTypeBuilder<InstitutionSanctionRecord> b)
    {
        b.ToTable("institution_sanctions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Step).HasMaxLength(40);
        b.Property(e => e.Ground).HasMaxLength(60);
        b.Property(e => e.SeriousJustification).HasMaxLength(2000);
        b.Property(e => e.DecidedBy).HasMaxLength(200);
        b.HasIndex(e => e.InstitutionId);
    }
}

internal sealed class RegistryBarRecordConfiguration : IEntityTypeConfiguration<RegistryBarRecord>
{
    public void Configure(EntityTypeBuilder<RegistryBarRecord> b)
    {
        b.ToTable("registry_bars");
        b.HasKey(e => e.Id);
        b.Property(e => e.Scope).HasMaxLength(20);
        b.Property(e => e.Rule).HasMaxLength(80);
        b.Property(e => e.Citation).HasMaxLength(200);
        b.Property(e => e.MessageZh).HasMaxLength(500);
        b.Property(e => e.MessageEn).HasMaxLength(500);
        b.HasIndex(e => e.IdNumberHash);
        b.HasIndex(e => new { e.SupervisorId, e.Rule, e.Scope }).IsUnique();
    }
}
