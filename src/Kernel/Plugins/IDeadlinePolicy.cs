using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Records;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 时限 (deadline policy): a filing is due a number of days after the supervision ends (GD 20 five working days, BJ 22
/// five calendar days, BJ 26 five working days). Late filing is flagged, not refused.
/// <para>Contract 2.0: one <see cref="Deadline"/> (count and unit) replaces 1.x's <c>WorkingDaysAllowed</c> and the
/// <c>ICalendarDayDeadline</c> companion; the task kinds a policy governs (<see cref="AppliesTo"/>) replace the
/// <c>ITaskKindScoped</c> companion.</para>
/// </summary>
public interface IDeadlinePolicy : IRuleExtension
{
    /// <summary>What the deadline is for.</summary>
    DeadlineSubject Subject { get; }

    /// <summary>The period allowed after the end date (<c>Deadline.InWorkingDays(5)</c>).</summary>
    Deadline Allowed { get; }

    /// <summary>
    /// The due date after a supervision ending on <paramref name="end"/> (China date), on <paramref name="calendar"/>.
    /// By default <see cref="Allowed"/> counted from <paramref name="end"/>.
    /// </summary>
    WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => Allowed.DueAfter(end, calendar);

    /// <summary>
    /// True when the policy governs filings for tasks of <paramref name="kind"/> (BJ 22 recognition vs BJ 26 competition
    /// records); every kind by default.
    /// </summary>
    bool AppliesTo(TaskKind kind) => true;
}

/// <summary>Choosing among deadline policies by task kind (<see cref="IDeadlinePolicy.AppliesTo"/>).</summary>
public static class TaskKindScoping
{
    /// <summary>The policies that govern tasks of <paramref name="kind"/>.</summary>
    public static IEnumerable<T> ForTaskKind<T>(this IEnumerable<T> policies, TaskKind kind)
        where T : IDeadlinePolicy =>
        policies.Where(p => p.AppliesTo(kind));
}
