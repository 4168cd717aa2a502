namespace SupervisionCore.Kernel.Calendar;

/// <summary>How the days of a <see cref="Deadline"/> are counted.</summary>
public enum DeadlineUnit
{
    /// <summary>工作日: working days on the official calendar (调休 included), e.g. GD 20 "5个工作日内".</summary>
    WorkingDays = 1,

    /// <summary>天: calendar days, e.g. BJ 22 "5天内".</summary>
    CalendarDays = 2,
}

/// <summary>
/// A period allowed after an end date: <paramref name="Count"/> days counted in <paramref name="Unit"/> (the end day
/// itself is not counted). One type for every deadline a pack declares (kernel contract 2.0; 1.x had a working-day count
/// and an optional calendar-day companion interface).
/// </summary>
/// <param name="Count">Days allowed, at least 1.</param>
/// <param name="Unit">Working or calendar days.</param>
public sealed record Deadline(int Count, DeadlineUnit Unit)
{
    /// <summary><paramref name="count"/> working days.</summary>
    public static Deadline InWorkingDays(int count) => new(count, DeadlineUnit.WorkingDays);

    /// <summary><paramref name="count"/> calendar days.</summary>
    public static Deadline InCalendarDays(int count) => new(count, DeadlineUnit.CalendarDays);

    /// <summary>
    /// The due date after <paramref name="end"/> (China date): the <see cref="Count"/>th working day after it on
    /// <paramref name="calendar"/>, or <paramref name="end"/> plus <see cref="Count"/> calendar days (never assumed).
    /// </summary>
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Unit == DeadlineUnit.CalendarDays
            ? new WorkingDayDeadline(end.AddDays(Count), Assumed: false)
            : WorkingDays.After(calendar, end, Count);
    }

    /// <summary>Text for logs and docs (<c>5 working days</c>).</summary>
    public override string ToString() => $"{Count} {(Unit == DeadlineUnit.CalendarDays ? "calendar" : "working")} days";
}
