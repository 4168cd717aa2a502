using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Data.Parameters;

/// <summary>
/// A value an administrator added to a policy parameter (docs/parameters.md): appended, never updated or deleted, so the
/// table is the history. The defaults shipped with a pack are not stored; they come from its catalogue.
/// </summary>
public sealed class ParameterValueRecord
{
    public Guid Id { get; set; }
    /// <summary>The pack key (<c>bj-etdz</c>, <c>cn</c> for the kernel's).</summary>
    public required string Pack { get; set; }
    public required string ParameterId { get; set; }
    /// <summary>First China day the value applies to.</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Canonical text of the value.</summary>
    public required string Value { get; set; }
    /// <summary>Why (the notice or revision).</summary>
    public required string Reason { get; set; }
    /// <summary>Who added it (actor id).</summary>
    public required string Actor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ParameterValueRecordConfiguration : IEntityTypeConfiguration<ParameterValueRecord>
{
    public void Configure(EntityTypeBuilder<ParameterValueRecord> b)
    {
        b.ToTable("parameter_values");
        b.HasKey(e => e.Id);
        b.Property(e => e.Pack).HasMaxLength(40);
        b.Property(e => e.ParameterId).HasMaxLength(120);
        b.Property(e => e.Value).HasMaxLength(100);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.Actor).HasMaxLength(200);
        b.HasIndex(e => new { e.Pack, e.ParameterId, e.EffectiveFrom });
    }
}
