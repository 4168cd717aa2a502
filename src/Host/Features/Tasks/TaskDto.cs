using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Tasks;

public sealed record TaskDto(
    Guid Id, string Kind, string AuthorityId, string Jurisdiction, Guid InstitutionId, Guid? ActivityId, long? VenueId,
    IReadOnlyList<string> Matters, int RequiredCount, IReadOnlyList<string> StaffingRules, string Status,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, uint Version)
{
    public static TaskDto From(SupervisionTask t) => new(
        t.Id, t.Kind, t.AuthorityId, t.Jurisdiction, t.InstitutionId, t.ActivityId, t.VenueId, t.Matters, t.RequiredCount, t.StaffingRules,
        t.Status, t.WindowStart, t.WindowEnd, t.Version);
}

/// <summary>Task kinds as sent and stored (CN 13; BJ 18, 25; YN 10).</summary>
public static class TaskKinds
{
    private static readonly Dictionary<string, TaskKind> ByText = new(StringComparer.Ordinal)
    {
        ["daily"] = TaskKind.Daily,
        ["special"] = TaskKind.Special,
        ["after-the-fact"] = TaskKind.AfterTheFact,
        ["competition-in-progress"] = TaskKind.CompetitionInProgress,
        ["competition-after"] = TaskKind.CompetitionAfter,
        ["annual-inspection"] = TaskKind.AnnualInspection,
    };

    public static IReadOnlyCollection<string> All => ByText.Keys;

    public static bool TryParse(string? text, out TaskKind kind) => ByText.TryGetValue(text ?? "", out kind);

    public static TaskKind Parse(string text) => ByText[text];

    /// <summary>The task as kernel rules see it.</summary>
    public static TaskInfo Info(SupervisionTask task, int candidateCount) => new()
    {
        TaskId = task.Id.ToString(),
        Kind = Parse(task.Kind),
        Jurisdiction = JurisdictionCode.Parse(task.Jurisdiction),
        InstitutionId = task.InstitutionId.ToString(),
        ActivityId = task.ActivityId?.ToString(),
        ActivityDate = ChinaTime.DateOf(task.WindowStart),
        EndDate = ChinaTime.DateOf(task.WindowEnd),
        CandidateCount = candidateCount,
    };
}
