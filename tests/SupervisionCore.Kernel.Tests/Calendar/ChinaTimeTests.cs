using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Kernel.Tests.Calendar;

public class ChinaTimeTests
{
    [Theory]
    [InlineData("2024-05-06T15:59:59Z", "2024-05-06")]
    [InlineData("2024-05-06T16:00:00Z", "2024-05-07")]
    [InlineData("2024-05-07T00:30:00+08:00", "2024-05-07")]
    [InlineData("2024-05-06T12:00:00-05:00", "2024-05-07")]
    public void Date_of_an_instant_is_the_China_day(string instant, string day) =>
        ChinaTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Offset_matches_the_time_zone_database_when_present()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)) return;
        foreach (var month in Enumerable.Range(1, 12))
            zone.GetUtcOffset(new DateTime(2024, month, 15, 0, 0, 0, DateTimeKind.Utc)).ShouldBe(ChinaTime.Offset);
    }

    [Theory]
    [InlineData("1959-05-07", "2024-05-06", 64)]
    [InlineData("1959-05-07", "2024-05-07", 65)]
    [InlineData("1958-05-07", "2024-05-06", 65)]
    [InlineData("1958-05-07", "2024-05-07", 66)]
    [InlineData("2000-02-29", "2023-02-28", 22)]
    [InlineData("2000-02-29", "2023-03-01", 23)]
    [InlineData("2000-02-29", "2024-02-29", 24)]
    public void Completed_years_count_birthdays_passed(string birth, string on, int years) =>
        ChinaTime.CompletedYears(D(birth), D(on)).ShouldBe(years);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
