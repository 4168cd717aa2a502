using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Kernel.Records;

/// <summary>What a filing not yet made calls for on a given day.</summary>
public enum FilingReminder
{
    /// <summary>Nothing (no period set, not yet close, or due today).</summary>
    None,

    /// <summary>Due on the next working day (明日到期): no working day is left before the due day.</summary>
    DueTomorrow,

    /// <summary>The due day has passed (逾期).</summary>
    Overdue,
}

/// <summary>
/// Reminders of records and feedback not yet filed (提醒), on the working-day calendar: "due tomorrow" from the last working
/// day before the due day (so a Friday reminds of a Monday deadline, and a holiday bridge is skipped), "overdue" from the
/// day after the due day. A filing without a period (CN alone) is never reminded of.
/// </summary>
public static class FilingReminders
{
    /// <summary>The reminder a filing due on <paramref name="due"/> (China date), still not made on <paramref name="today"/>, calls for.</summary>
    public static FilingReminder Of(DateOnly? due, DateOnly today, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (due is not { } d) return FilingReminder.None;
        if (today > d) return FilingReminder.Overdue;
        if (today == d) return FilingReminder.None;
        for (var day = today.AddDays(1); day < d; day = day.AddDays(1))
            if (calendar.IsWorkingDay(day)) return FilingReminder.None;
        return FilingReminder.DueTomorrow;
    }
}
