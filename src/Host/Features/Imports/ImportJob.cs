using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>
/// One uploaded spreadsheet waiting for, or processed by, an <see cref="ImportWorker"/>. The file is kept in the row
/// so that any Host of the deployment can claim the job; it is deleted from the row once processed (the errors stay).
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }
    /// <summary>supervisors | institutions.</summary>
    public string Type { get; set; } = string.Empty;
    /// <summary>all-or-nothing | valid-rows-only.</summary>
    public string Mode { get; set; } = string.Empty;
    /// <summary>csv | xlsx.</summary>
    public string Format { get; set; } = string.Empty;
    public string FileName { get; set; } = string.Empty;
    public byte[]? Content { get; set; }
    /// <summary>queued | running | succeeded | failed.</summary>
    public string Status { get; set; } = ImportStatus.Queued;
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int RowsImported { get; set; }
    /// <summary>Per-row errors as JSON: [{row, column, message}] (messages in the uploader's language).</summary>
    public string Errors { get; set; } = "[]";
    /// <summary>A file-level reason (unreadable file, missing column), or null.</summary>
    public string? Message { get; set; }
    /// <summary>The uploader's claims as JSON, so the worker acts with exactly the uploader's scope.</summary>
    public string Actor { get; set; } = "[]";
    public string ActorId { get; set; } = string.Empty;
    /// <summary>The uploader's jurisdiction (who else may read the job).</summary>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>zh-CN | en: the language of the row messages.</summary>
    public string Culture { get; set; } = "zh-CN";
    public string? ClaimedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public static class ImportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("import_jobs");
        b.HasKey(e => e.Id);
        b.Property(e => e.Type).HasMaxLength(20);
        b.Property(e => e.Mode).HasMaxLength(20);
        b.Property(e => e.Format).HasMaxLength(8);
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.Status).HasMaxLength(12);
        b.Property(e => e.Errors).HasColumnType("jsonb");
        b.Property(e => e.Actor).HasColumnType("jsonb");
        b.Property(e => e.ActorId).HasMaxLength(200);
        b.Property(e => e.Jurisdiction).HasMaxLength(40);
        b.Property(e => e.Culture).HasMaxLength(8);
        b.Property(e => e.ClaimedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.Status, e.CreatedAt });
    }
}
