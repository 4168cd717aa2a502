using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Kernel.Acts;

namespace SupervisionCore.Host.Features.Assignments;

/// <summary>委派 (assignment) of a supervisor to a task as clients see it; <c>recordFiled</c>: a supervision record exists (<c>cn.report.required</c>).</summary>
/// <param name="Id" example="0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f">Assignment id.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The task.</param>
/// <param name="DrawId" example="0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718">The draw it came from.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="SupervisorName" example="陈志强">Name.</param>
/// <param name="Rank" example="1">Rank in the draw.</param>
/// <param name="Role" example="external">external | internal.</param>
/// <param name="Status" example="accepted">invited | accepted | refused | replaced | completed.</param>
/// <param name="RefusalReason" example="null">Why refused.</param>
/// <param name="RefusedWithoutReason" example="false">Refused without reason (无故拒绝).</param>
/// <param name="RespondedAt" example="2025-05-30T14:20:00+08:00">Answered at.</param>
/// <param name="EntryAt" example="2025-06-01T08:10:00+08:00">到场时间.</param>
/// <param name="ExitAt" example="2025-06-01T17:20:00+08:00">离场时间.</param>
/// <param name="ReplacedById" example="null">The substitute that replaced it.</param>
/// <param name="RecordFiled" example="true">A supervision record exists.</param>
/// <param name="CreatedAt" example="2025-05-30T10:00:01+08:00">Created.</param>
/// <param name="Version" example="3">Row version.</param>
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
    public static readonly string[] Live = [.. Enum.GetValues<AssignmentState>().Where(s => s.IsLive()).Select(s => s.Text())];
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
