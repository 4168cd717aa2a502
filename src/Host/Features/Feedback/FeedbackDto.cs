using System.Text.Json;
using SupervisionCore.Host.Data.Supervision;

namespace SupervisionCore.Host.Features.Feedback;

/// <summary>The institution's view of the supervisor's conduct on site (GD annex 5, BJ annex 4).</summary>
/// <param name="WoreCard">Wore the supervisor card (佩戴督导证卡).</param>
/// <param name="PerformedDuties">Performed the supervision duties (履行督导职责).</param>
/// <param name="StayedInRemit">Stayed within the remit, did not interfere with the evaluation (未干扰评价工作).</param>
/// <param name="Integrity">Kept to integrity rules (廉洁自律).</param>
public sealed record ConductDto(bool WoreCard, bool PerformedDuties, bool StayedInRemit, bool Integrity);

/// <summary>
/// Institution feedback on the supervisor of an assignment; <c>dueOn</c> absent where no deadline policy governs. The
/// national shape carries <c>conduct</c> and <c>text</c>; feedback on a pack's form (GD annex 5, BJ annex 4) carries
/// <c>formId</c>, <c>formVersion</c> and <c>answers</c> instead, with entry and exit read from the form's items.
/// </summary>
public sealed record FeedbackDto(
    Guid Id, Guid AssignmentId, Guid TaskId, Guid InstitutionId, DateTimeOffset? EntryAt, DateTimeOffset? ExitAt, ConductDto? Conduct, string? Text,
    DateOnly? DueOn, bool DueAssumed, bool Late, string SubmittedBy, DateTimeOffset SubmittedAt,
    string? FormId = null, int? FormVersion = null, IReadOnlyDictionary<string, JsonElement>? Answers = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static FeedbackDto From(SupervisorFeedback f, Guid taskId) => new(
        f.Id, f.AssignmentId, taskId, f.InstitutionId, f.EntryAt, f.ExitAt, f.Conduct is null ? null : JsonSerializer.Deserialize<ConductDto>(f.Conduct, Json), f.Text,
        f.DueOn, f.DueAssumed, f.Late, f.SubmittedBy, f.SubmittedAt, f.FormId, f.FormVersion, f.Content is null ? null : Records.RecordAnswers.Read(f.Content));
}
