using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Procedures.Rules;

namespace SupervisionCore.Host.Features.SpecialProcedure;

/// <summary>Metadata of an attached document (the file itself is kept elsewhere; its SHA-256 binds it to the record).</summary>
/// <param name="Name" example="现场核查记录.pdf">File name.</param>
/// <param name="MediaType" example="application/pdf">Media type.</param>
/// <param name="Size" example="245760">Size in bytes.</param>
/// <param name="Sha256" example="3b7e1f0c9a2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7">Hex SHA-256 of the file.</param>
public sealed record AttachmentDto(string Name, string MediaType, long Size, string Sha256);

/// <summary>A recorded step of the special procedure.</summary>
public sealed record StepDto(string Step, string? Text, IReadOnlyList<AttachmentDto> Attachments, DateOnly On, DateOnly? RebuttalDue, string RecordedBy, DateTimeOffset CreatedAt)
{
    public static StepDto From(SpecialProcedureStep s) => new(
        s.Step, s.Text, JsonSerializer.Deserialize<List<AttachmentDto>>(s.Attachments, SpecialProcedureSteps.Json) ?? [], s.On, s.RebuttalDue, s.RecordedBy, s.CreatedAt);
}

/// <summary>The procedure of a special task: the steps recorded, in order, and what may come next (as of today, China time).</summary>
public sealed record SpecialProcedureDto(Guid TaskId, IReadOnlyList<StepDto> Steps, IReadOnlyList<string> Next, DateOnly? RebuttalDue, bool Closed);

/// <summary>Loading a task's steps and judging the next one with the kernel's <see cref="SpecialProcedureRule"/>.</summary>
public sealed class SpecialProcedureSteps(SupervisionDbContext db, TimeProvider clock) : IScopedService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow());

    /// <summary>The task's steps in legal order.</summary>
    public async Task<List<SpecialProcedureStep>> OfAsync(Guid taskId, CancellationToken ct) =>
        [.. (await db.SpecialProcedureSteps.AsNoTracking().Where(s => s.TaskId == taskId).ToListAsync(ct)).OrderBy(s => Parse(s.Step))];

    /// <summary>The rows as the kernel rule sees them.</summary>
    public static List<RecordedSpecialStep> AsRecorded(IEnumerable<SpecialProcedureStep> rows) =>
        [.. rows.Select(s => new RecordedSpecialStep(Parse(s.Step), s.On, s.RebuttalDue))];

    public SpecialProcedureDto Dto(Guid taskId, IReadOnlyList<SpecialProcedureStep> rows) => new(
        taskId, [.. rows.Select(StepDto.From)],
        [.. SpecialProcedureRule.NextAllowed(AsRecorded(rows), Today).Select(SpecialSteps.ToText)],
        rows.FirstOrDefault(r => r.RebuttalDue is not null)?.RebuttalDue,
        rows.Any(r => r.Step == SpecialSteps.ToText(SpecialStep.Closed)));

    private static SpecialStep Parse(string text) => SpecialSteps.TryParse(text, out var step) ? step : throw new InvalidOperationException($"unknown special step '{text}'");
}
