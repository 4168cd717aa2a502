using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.ActorJurisdiction).HasMaxLength(24);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.TargetType).HasMaxLength(100);
        b.Property(e => e.TargetId).HasMaxLength(200);
        b.HasIndex(e => new { e.Jurisdiction, e.Seq });
        b.HasIndex(e => new { e.TargetType, e.TargetId });
        b.Property(e => e.KeyId).HasMaxLength(32);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("audit_checkpoints");
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).ValueGeneratedNever();
        b.Property(e => e.Algorithm).HasMaxLength(40);
        b.Property(e => e.KeyId).HasMaxLength(32);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.ToTable("users");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserName).HasMaxLength(100);
        b.HasIndex(e => e.UserName).IsUnique();
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.InstitutionId).HasMaxLength(64);
        b.Property(e => e.SupervisorId).HasMaxLength(64);
    }
}

internal sealed class KeyMaterialConfiguration : IEntityTypeConfiguration<KeyMaterial>
{
    public void Configure(EntityTypeBuilder<KeyMaterial> b)
    {
        b.ToTable("key_material");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(50);
        b.Property(e => e.KeyId).HasMaxLength(100);
    }
}
