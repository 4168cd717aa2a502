using SupervisionCore.Kernel.Calendar;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Calendar;

public class ChinaWorkingDayCalendarTests
{
    private static readonly ChinaWorkingDayCalendar Published = ChinaWorkingDayCalendar.WithPublishedArrangements();

    [Theory]
    [InlineData("Spring_festival_2025_with_adjusted_Sunday", "2025-01-24", 5, "2025-02-07")]
    [InlineData("National_day_2025_with_adjusted_Sunday", "2025-09-26", 5, "2025-10-10")]
    [InlineData("Spring_festival_2026_with_adjusted_Saturday", "2026-02-13", 5, "2026-02-27")]
    [InlineData("Mid_autumn_2026_adjusted_Sunday_before", "2026-09-18", 5, "2026-09-24")]
    [InlineData("Labour_day_2024", "2024-04-26", 5, "2024-05-07")]
    [InlineData("Year_end_2022_into_2023", "2022-12-29", 3, "2023-01-04")]
    public void Counts_working_days_after_the_end_day(string name, string end, int count, string due)
    {
        var deadline = Published.AddWorkingDays(D(end), count);
        deadline.Due.ShouldBe(D(due), name);
        deadline.Assumed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Adjusted_working_Saturday_2026", "2026-02-14", true, WorkingDayReason.AdjustedWorkingDay)]
    [InlineData("Adjusted_working_Saturday_2025", "2025-02-08", true, WorkingDayReason.AdjustedWorkingDay)]
    [InlineData("Adjusted_working_Sunday_2025", "2025-01-26", true, WorkingDayReason.AdjustedWorkingDay)]
    [InlineData("Weekday_holiday", "2025-10-08", false, WorkingDayReason.Holiday)]
    [InlineData("Plain_Saturday", "2025-03-01", false, WorkingDayReason.Weekend)]
    [InlineData("Plain_Monday", "2025-03-03", true, WorkingDayReason.Weekday)]
    [InlineData("Extended_spring_festival_2020_Saturday_off", "2020-02-01", false, WorkingDayReason.Holiday)]
    [InlineData("New_year_eve_2022_off", "2022-12-31", false, WorkingDayReason.Holiday)]
    [InlineData("Dragon_boat_2024_Monday", "2024-06-10", false, WorkingDayReason.Holiday)]
    public void Explains_a_day(string name, string day, bool working, WorkingDayReason reason)
    {
        var answer = Published.Explain(D(day));
        answer.IsWorkingDay.ShouldBe(working, name);
        answer.Reason.ShouldBe(reason, name);
        answer.Assumed.ShouldBeFalse();
        answer.Source.ShouldNotBeNullOrWhiteSpace();
        Published.IsWorkingDay(D(day)).ShouldBe(working);
    }

    [Fact]
    public void A_2027_date_is_assumed_Monday_to_Friday()
    {
        Published.HasPublishedArrangement(2027).ShouldBeFalse();
        var friday = Published.Explain(D("2027-01-01"));
        friday.IsWorkingDay.ShouldBeTrue();
        friday.Assumed.ShouldBeTrue();
        friday.Source.ShouldBeNull();
        Published.AddWorkingDays(D("2026-12-30"), 3).ShouldBe(new WorkingDayDeadline(D("2027-01-04"), true));
    }

    [Fact]
    public void Ships_2020_to_2026_each_sound_and_cited()
    {
        Published.Years.ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
        PublishedHolidayArrangements.All.ShouldAllBe(a => a.Problems().Count == 0);
        Published.Arrangement(2025).ShouldNotBeNull().Source.ShouldBe("国办发明电〔2024〕12号");
        Published.Arrangement(2026).ShouldNotBeNull().Source.ShouldBe("国办发明电〔2025〕7号");
    }

    [Theory]
    [InlineData(2020, 30, 6)]
    [InlineData(2021, 31, 7)]
    [InlineData(2022, 32, 7)]
    [InlineData(2023, 26, 7)]
    [InlineData(2024, 28, 8)]
    [InlineData(2025, 28, 5)]
    [InlineData(2026, 33, 6)]
    public void Each_year_has_the_published_number_of_days(int year, int daysOff, int adjusted)
    {
        var a = PublishedHolidayArrangements.All.Single(x => x.Year == year);
        a.DaysOff.Sum(r => r.Days).ShouldBe(daysOff);
        a.AdjustedWorkingDays.Count.ShouldBe(adjusted);
    }

    [Fact]
    public void An_administrator_adds_and_replaces_a_year_at_run_time()
    {
        var calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();
        var y2027 = new HolidayArrangement(2027, [new DateRange(D("2027-01-01"), D("2027-01-03"))], [], "test notice");
        calendar.Load(y2027).ShouldBeFalse();
        calendar.Explain(D("2027-01-01")).ShouldBe(new WorkingDayAnswer(D("2027-01-01"), false, WorkingDayReason.Holiday, false, "test notice"));
        calendar.Load(y2027 with { DaysOff = [], Source = "corrected" }).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-01-01")).ShouldBeTrue();
        calendar.Remove(2027).ShouldBeTrue();
        calendar.Explain(D("2027-01-01")).Assumed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Adjusted_day_on_a_weekday", "2027-01-04", "is not a weekend day")]
    [InlineData("Adjusted_day_in_another_year", "2026-12-26", "is not in 2027")]
    public void Refuses_an_unsound_arrangement(string name, string adjusted, string problem)
    {
        var calendar = new ChinaWorkingDayCalendar();
        var bad = new HolidayArrangement(2027, [], [D(adjusted)], "x");
        Should.Throw<ArgumentException>(() => calendar.Load(bad)).Message.ShouldContain(problem, Case.Sensitive, name);
        calendar.Years.ShouldBeEmpty();
    }

    [Fact]
    public async Task Readers_see_whole_arrangements_while_an_administrator_reloads()
    {
        var calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();
        var off = new HolidayArrangement(2027, [new DateRange(D("2027-10-01"), D("2027-10-07"))], [], "a");
        var none = new HolidayArrangement(2027, [], [], "b");
        calendar.Load(none);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++) calendar.Load(i % 2 == 0 ? off : none);
        });
        var inconsistent = 0;
        while (!writer.IsCompleted)
        {
            var answer = calendar.Explain(D("2027-10-04"));
            // 4 Oct 2027 is a Monday: a holiday under "a", a weekday under "b"; never anything else.
            if (!(answer.Source == "a" && !answer.IsWorkingDay) && !(answer.Source == "b" && answer.IsWorkingDay)) inconsistent++;
        }
        await writer;
        inconsistent.ShouldBe(0);
    }
}
