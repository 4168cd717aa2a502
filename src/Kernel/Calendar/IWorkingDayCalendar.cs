namespace SupervisionCore.Kernel.Calendar;

/// <summary>
/// 工作日 (working days): China's official arrangement of public holidays and adjusted workdays (调休), published
/// each year by the State Council. The Host implements it from data an administrator can update for a new year
/// without a release; rules only read it.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>True when an arrangement has been published (and loaded) for <paramref name="year"/>.</summary>
    bool HasPublishedArrangement(int year);

    /// <summary>
    /// True when <paramref name="day"/> is a working day: a weekday that is not a holiday, or a weekend day that is an
    /// adjusted workday. For a year with no published arrangement, Monday to Friday.
    /// </summary>
    bool IsWorkingDay(DateOnly day);
}

/// <summary>A due date computed from working days.</summary>
/// <param name="Due">The last day on which the act is in time.</param>
/// <param name="Assumed">True when a year crossed has no published arrangement, so Mon–Fri was assumed.</param>
public sealed record WorkingDayDeadline(DateOnly Due, bool Assumed);

/// <summary>Working-day arithmetic over any <see cref="IWorkingDayCalendar"/>.</summary>
public static class WorkingDays
{
    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="end"/> (the end day itself is not counted:
    /// "结束后5个工作日" gives the fifth working day after the day the supervision ends).
    /// </summary>
    public static WorkingDayDeadline After(IWorkingDayCalendar calendar, DateOnly end, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = end;
        var assumed = false;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            assumed |= !calendar.HasPublishedArrangement(day.Year);
            if (calendar.IsWorkingDay(day)) found++;
        }
        return new WorkingDayDeadline(day, assumed);
    }
}
