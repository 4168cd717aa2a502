namespace SupervisionCore.Kernel.Calendar;

/// <summary>
/// 节假日安排 (a year's holiday arrangement) as the State Council General Office publishes it each year: the days off
/// (放假, weekdays and weekends alike) and the adjusted working days on weekends (调休上班). An administrator loads a new
/// year as one of these into <see cref="ChinaWorkingDayCalendar"/>.
/// </summary>
/// <param name="Year">The year arranged.</param>
/// <param name="DaysOff">Holiday periods, both ends included.</param>
/// <param name="AdjustedWorkingDays">Weekend days that are working days.</param>
/// <param name="Source">The notice it comes from (<c>国办发明电〔2024〕12号</c>).</param>
public sealed record HolidayArrangement(
    int Year,
    IReadOnlyList<DateRange> DaysOff,
    IReadOnlyList<DateOnly> AdjustedWorkingDays,
    string Source)
{
    /// <summary>True when <paramref name="day"/> is a day off of this arrangement.</summary>
    public bool IsDayOff(DateOnly day) => DaysOff.Any(r => r.Contains(day));

    /// <summary>True when <paramref name="day"/> is an adjusted working day of this arrangement.</summary>
    public bool IsAdjustedWorkingDay(DateOnly day) => AdjustedWorkingDays.Contains(day);

    /// <summary>Checks the arrangement before it is loaded; returns the problems found (empty when sound).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Year is < 2000 or > 2099) problems.Add($"year {Year} is outside 2000–2099");
        if (string.IsNullOrWhiteSpace(Source)) problems.Add("source is missing");
        if (DaysOff is null || AdjustedWorkingDays is null)
        {
            problems.Add("days off and adjusted working days are required (may be empty lists)");
            return problems;
        }
        foreach (var range in DaysOff)
        {
            if (!range.IsValid) problems.Add($"days off {range.First:yyyy-MM-dd}..{range.Last:yyyy-MM-dd} end before they start");
            else if (range.First.Year != Year || range.Last.Year != Year) problems.Add($"days off {range} are not in {Year}");
        }
        foreach (var day in AdjustedWorkingDays)
        {
            if (day.Year != Year) problems.Add($"adjusted working day {day:yyyy-MM-dd} is not in {Year}");
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) problems.Add($"adjusted working day {day:yyyy-MM-dd} is not a weekend day");
            if (IsDayOff(day)) problems.Add($"{day:yyyy-MM-dd} is both a day off and an adjusted working day");
        }
        if (AdjustedWorkingDays.Distinct().Count() != AdjustedWorkingDays.Count) problems.Add("an adjusted working day is listed twice");
        return problems;
    }
}
