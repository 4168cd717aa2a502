namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// Optional companion of an extension point whose rule governs only some kinds of task (BJ 22 records of recognition
/// supervision vs BJ 26 records of competitions). An extension that does not implement it applies to every kind.
/// <para>How a selection honours it: first keep the extensions whose scope contains the task's jurisdiction and whose
/// rule is in force (<see cref="PackExtensions.Applicable{T}"/>), then drop every one that implements this interface
/// and answers false for the task's kind; among the rest the most specific scope governs.</para>
/// </summary>
public interface ITaskKindScoped
{
    /// <summary>True when the extension governs tasks of <paramref name="kind"/>.</summary>
    bool AppliesTo(TaskKind kind);
}

/// <summary>
/// Optional companion of <see cref="IDeadlinePolicy"/> for a deadline counted in calendar days rather than working days
/// (BJ 22 "5天内"). <see cref="IDeadlinePolicy.DueAfter"/> remains the authority for the due date;
/// this tells a reader (a response, a reminder text) how the days are counted.
/// </summary>
public interface ICalendarDayDeadline
{
    /// <summary>Calendar days allowed after the end date (the end day itself is not counted).</summary>
    int CalendarDaysAllowed { get; }
}

/// <summary>Choosing among extensions that may be scoped to task kinds (<see cref="ITaskKindScoped"/>).</summary>
public static class TaskKindScoping
{
    /// <summary>The extensions that govern tasks of <paramref name="kind"/>: those not scoped, and those scoped to it.</summary>
    public static IEnumerable<T> ForTaskKind<T>(this IEnumerable<T> extensions, TaskKind kind)
        where T : IPackExtension =>
        extensions.Where(e => e is not ITaskKindScoped scoped || scoped.AppliesTo(kind));
}
