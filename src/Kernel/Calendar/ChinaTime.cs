namespace SupervisionCore.Kernel.Calendar;

/// <summary>
/// China Standard Time (Asia/Shanghai), in which all calendar reasoning is done (RULES.md: years, ages, days,
/// working days). China has kept UTC+08:00 without daylight saving since 1991, so a fixed offset is exact for
/// every date the procedure (2020 onwards) can meet, and no time-zone database is needed on the server.
/// </summary>
public static class ChinaTime
{
    /// <summary>The offset of China Standard Time.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same instant expressed in China time.</summary>
    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The China calendar day of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    /// <summary>The instant a China calendar day starts (00:00 at +08:00).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>Completed years of age (周岁) on <paramref name="on"/> for a person born on <paramref name="birthDate"/>.</summary>
    /// <remarks>A person born on 29 February completes a year on 1 March in common years.</remarks>
    public static int CompletedYears(DateOnly birthDate, DateOnly on)
    {
        var years = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day)) years--;
        return years;
    }
}
