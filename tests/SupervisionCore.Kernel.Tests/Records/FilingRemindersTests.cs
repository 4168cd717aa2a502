using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Records;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Records;

public class FilingRemindersTests
{
    private static readonly ChinaWorkingDayCalendar Calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();

    [Theory]
    [InlineData("Working_day_before_a_weekday_deadline", "2025-06-10", "2025-06-09", FilingReminder.DueTomorrow)]
    [InlineData("Two_working_days_before", "2025-06-10", "2025-06-08", FilingReminder.None)] // Sunday; Monday is still a working day
    [InlineData("Due_today", "2025-06-10", "2025-06-10", FilingReminder.None)]
    [InlineData("Day_after_the_deadline", "2025-06-10", "2025-06-11", FilingReminder.Overdue)]
    [InlineData("Long_overdue", "2025-06-10", "2025-09-01", FilingReminder.Overdue)]
    [InlineData("Friday_for_a_Monday_deadline", "2025-06-16", "2025-06-13", FilingReminder.DueTomorrow)]
    [InlineData("Thursday_for_a_Monday_deadline", "2025-06-16", "2025-06-12", FilingReminder.None)]
    [InlineData("Saturday_for_a_Monday_deadline", "2025-06-16", "2025-06-14", FilingReminder.DueTomorrow)]
    [InlineData("Before_the_Dragon_Boat_bridge", "2025-06-03", "2025-05-30", FilingReminder.DueTomorrow)] // 5-31..6-2 holiday
    [InlineData("Adjusted_workday_Sunday_still_to_come", "2025-09-29", "2025-09-27", FilingReminder.None)] // 9-28 (Sun) is a working day (调休)
    [InlineData("On_the_adjusted_workday_Sunday", "2025-09-29", "2025-09-28", FilingReminder.DueTomorrow)]
    public void A_filing_not_yet_made_is_reminded_on_the_working_day_calendar(string name, string due, string today, FilingReminder expected)
    {
        _ = name;
        FilingReminders.Of(D(due), D(today), Calendar).ShouldBe(expected);
    }

    [Fact]
    public void Without_a_period_there_is_no_reminder() =>
        FilingReminders.Of(null, D("2030-01-01"), Calendar).ShouldBe(FilingReminder.None);
}
