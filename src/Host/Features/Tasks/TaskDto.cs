using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Tasks;

/// <param name="Id" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">Task id.</param>
/// <param name="Kind" example="daily">daily | special | after-the-fact | competition-in-progress | competition-after | annual-inspection.</param>
/// <param name="AuthorityId" example="44">Dispatching authority (委派机构).</param>
/// <param name="Jurisdiction" example="44">Jurisdiction.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution supervised.</param>
/// <param name="ActivityId" example="0193a5c4-6b10-7c8e-a3f5-1d2e3f4a5b60">The activity supervised.</param>
/// <param name="VenueId" example="null">For competitions: the venue.</param>
/// <param name="Matters" example='["考场秩序", "考评人员、管理人员工作情况"]'>督导事项.</param>
/// <param name="RequiredCount" example="2">Supervisors required.</param>
/// <param name="StaffingRules" example='["cn.special.group-size"]'>Rules that set the required count.</param>
/// <param name="Status" example="drawn">planned | drawn | in-progress | closed | cancelled.</param>
/// <param name="WindowStart" example="2025-06-01T08:30:00+08:00">Window start.</param>
/// <param name="WindowEnd" example="2025-06-01T17:00:00+08:00">Window end.</param>
/// <param name="Version" example="2">Row version.</param>
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

    /// <summary>Sets the staffing and state a kernel <see cref="TaskCreationDecision"/> allowed.</summary>
    public static void Apply(SupervisionTask task, TaskPlanned planned)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(planned);
        task.RequiredCount = planned.Staffing.Requirement.Required;
        task.StaffingRules = [planned.Staffing.Rule.Id];
        task.Status = planned.State.Text();
    }

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
