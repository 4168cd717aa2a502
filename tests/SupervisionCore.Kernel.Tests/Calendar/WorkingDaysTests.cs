using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Kernel.Tests.Calendar;

public class WorkingDaysTests
{
    /// <summary>2024 arrangement fragment: 劳动节 1–5 May off, Sun 28 Apr and Sat 11 May worked (调休).</summary>
    private sealed class Calendar2024 : IWorkingDayCalendar
    {
        private static readonly HashSet<DateOnly> Holidays = [.. Enumerable.Range(1, 5).Select(d => new DateOnly(2024, 5, d))];
        private static readonly HashSet<DateOnly> Worked = [new(2024, 4, 28), new(2024, 5, 11)];

        public bool HasPublishedArrangement(int year) => year == 2024;

        public bool IsWorkingDay(DateOnly day) =>
            Worked.Contains(day) || (!Holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-04-26", 5, "2024-05-07")] // Fri → Sun 28 Apr (调休), 29, 30, skip 1–5 May, Mon 6, Tue 7
    [InlineData("2024-05-06", 5, "2024-05-11")] // Tue 7 … Fri 10, Sat 11 worked
    [InlineData("2024-05-13", 5, "2024-05-20")] // plain week
    [InlineData("2024-05-13", 0, "2024-05-13")]
    public void Counts_working_days_after_the_end_day(string end, int count, string due)
    {
        var deadline = WorkingDays.After(new Calendar2024(), D(end), count);
        deadline.Due.ShouldBe(D(due));
        deadline.Assumed.ShouldBeFalse();
    }

    [Fact]
    public void Flags_a_deadline_crossing_into_an_unpublished_year_as_assumed()
    {
        var deadline = WorkingDays.After(new Calendar2024(), D("2024-12-30"), 5);
        deadline.Due.ShouldBe(D("2025-01-06"));
        deadline.Assumed.ShouldBeTrue();
    }
}
