namespace SupervisionCore.Kernel.Calendar;

/// <summary>
/// The arrangements published by the State Council General Office (国务院办公厅关于…部分节假日安排的通知) for 2020–2026,
/// shipped with the kernel. Later years are loaded by an administrator (<see cref="ChinaWorkingDayCalendar.Load"/>).
/// </summary>
public static class PublishedHolidayArrangements
{
    /// <summary>2020 (国办发明电〔2019〕16号; Spring Festival extended to 2 February by 国办发明电〔2020〕1号, which cancelled the 1 February working Saturday).</summary>
    public static readonly HolidayArrangement Year2020 = Make(2020, "国办发明电〔2019〕16号、国办发明电〔2020〕1号",
        ["01-01", "01-24..02-02", "04-04..04-06", "05-01..05-05", "06-25..06-27", "10-01..10-08"],
        ["01-19", "04-26", "05-09", "06-28", "09-27", "10-10"]);

    /// <summary>2021 (国办发明电〔2020〕27号).</summary>
    public static readonly HolidayArrangement Year2021 = Make(2021, "国办发明电〔2020〕27号",
        ["01-01..01-03", "02-11..02-17", "04-03..04-05", "05-01..05-05", "06-12..06-14", "09-19..09-21", "10-01..10-07"],
        ["02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09"]);

    /// <summary>2022 (国办发明电〔2021〕11号).</summary>
    public static readonly HolidayArrangement Year2022 = Make(2022, "国办发明电〔2021〕11号",
        ["01-01..01-03", "01-31..02-06", "04-03..04-05", "04-30..05-04", "06-03..06-05", "09-10..09-12", "10-01..10-07", "12-31"],
        ["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"]);

    /// <summary>2023 (国办发明电〔2022〕16号).</summary>
    public static readonly HolidayArrangement Year2023 = Make(2023, "国办发明电〔2022〕16号",
        ["01-01..01-02", "01-21..01-27", "04-05", "04-29..05-03", "06-22..06-24", "09-29..10-06"],
        ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"]);

    /// <summary>2024 (国办发明电〔2023〕7号).</summary>
    public static readonly HolidayArrangement Year2024 = Make(2024, "国办发明电〔2023〕7号",
        ["01-01", "02-10..02-17", "04-04..04-06", "05-01..05-05", "06-10", "09-15..09-17", "10-01..10-07"],
        ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"]);

    /// <summary>2025 (国办发明电〔2024〕12号).</summary>
    public static readonly HolidayArrangement Year2025 = Make(2025, "国办发明电〔2024〕12号",
        ["01-01", "01-28..02-04", "04-04..04-06", "05-01..05-05", "05-31..06-02", "10-01..10-08"],
        ["01-26", "02-08", "04-27", "09-28", "10-11"]);

    /// <summary>2026 (国办发明电〔2025〕7号).</summary>
    public static readonly HolidayArrangement Year2026 = Make(2026, "国办发明电〔2025〕7号",
        ["01-01..01-03", "02-15..02-23", "04-04..04-06", "05-01..05-05", "06-19..06-21", "09-25..09-27", "10-01..10-07"],
        ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"]);

    /// <summary>Every shipped arrangement, by year.</summary>
    public static IReadOnlyList<HolidayArrangement> All { get; } =
        [Year2020, Year2021, Year2022, Year2023, Year2024, Year2025, Year2026];

    // Compact "MM-dd" / "MM-dd..MM-dd" notation, read once at type initialisation; the data are checked by tests.
    private static HolidayArrangement Make(int year, string source, string[] off, string[] work)
    {
        DateOnly Day(string mmdd) => new(year, int.Parse(mmdd[..2], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(mmdd[3..], System.Globalization.CultureInfo.InvariantCulture));
        var ranges = off.Select(o => o.Split("..") is [var a, var b] ? new DateRange(Day(a), Day(b)) : DateRange.Day(Day(o))).ToArray();
        return new HolidayArrangement(year, ranges, work.Select(Day).ToArray(), source);
    }
}
