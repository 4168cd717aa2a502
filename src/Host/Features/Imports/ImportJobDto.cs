using System.Text.Json;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>An import job's progress: rows done/total, rows imported, per-row errors with the column, a file-level message.</summary>
public sealed record ImportJobDto(
    Guid Id, string Type, string Mode, string Format, string FileName, string Status, int RowsTotal, int RowsDone, int RowsImported,
    IReadOnlyList<ImportRowError> Errors, string? Message, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    internal static ImportJobDto From(ImportJob j) => new(j.Id, j.Type, j.Mode, j.Format, j.FileName, j.Status, j.RowsTotal, j.RowsDone, j.RowsImported,
        JsonSerializer.Deserialize<List<ImportRowError>>(j.Errors, ImportProcessor.Json) ?? [], j.Message, j.CreatedAt, j.StartedAt, j.FinishedAt);
}
