using SupervisionCore.Host.Data.Supervision;

namespace SupervisionCore.Host.Features.Assignments;

/// <summary>委派 (assignment) of a supervisor to a task as clients see it; <c>recordFiled</c>: a supervision record exists (<c>cn.report.required</c>).</summary>
public sealed record AssignmentDto(
    Guid Id, Guid TaskId, Guid? DrawId, Guid SupervisorId, string SupervisorName, int? Rank, string Role, string Status,
    string? RefusalReason, bool RefusedWithoutReason, DateTimeOffset? RespondedAt, DateTimeOffset? EntryAt, DateTimeOffset? ExitAt,
    Guid? ReplacedById, bool RecordFiled, DateTimeOffset CreatedAt, uint Version)
{
    public static AssignmentDto From(Assignment a, string supervisorName, bool recordFiled) => new(
        a.Id, a.TaskId, a.DrawId, a.SupervisorId, supervisorName, a.Rank, a.Role, a.Status, a.RefusalReason, a.RefusedWithoutReason,
        a.RespondedAt, a.EntryAt, a.ExitAt, a.ReplacedById, recordFiled, a.CreatedAt, a.Version);
}

/// <summary>Assignment states as stored.</summary>
public static class AssignmentStatuses
{
    public const string Invited = "invited";
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const string Replaced = "replaced";
    public const string Completed = "completed";

    public static readonly string[] All = [Invited, Accepted, Refused, Replaced, Completed];

    /// <summary>States in which the person counts as assigned to the task (a second assignment of them is a duplicate).</summary>
    public static readonly string[] Live = [Invited, Accepted, Completed];
}

/// <summary>
/// 到场/离场时间 (attendance) plausibility: entry and exit must fall inside the task window widened by
/// <see cref="Tolerance"/> on each side (bounds included). Not a legal rule: a guard against typing errors that still
/// admits early arrival for venue checks and late departure after papers are sealed. 12 hours covers a session's
/// preparation the evening before and its wrap-up the same night without admitting a wrong day.
/// </summary>
public static class AttendanceWindow
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromHours(12);

    public static DateTimeOffset EarliestFor(SupervisionTask task) => task.WindowStart - Tolerance;

    public static DateTimeOffset LatestFor(SupervisionTask task) => task.WindowEnd + Tolerance;

    public static bool Contains(SupervisionTask task, DateTimeOffset at) => at >= EarliestFor(task) && at <= LatestFor(task);
}
