namespace SupervisionCore.Kernel.Calendar;

/// <summary>A run of China calendar days, both ends included (a holiday, a suspension).</summary>
/// <param name="First">First day.</param>
/// <param name="Last">Last day (equal to <paramref name="First"/> for one day).</param>
public readonly record struct DateRange(DateOnly First, DateOnly Last)
{
    /// <summary>One day.</summary>
    public static DateRange Day(DateOnly day) => new(day, day);

    /// <summary>True when <see cref="First"/> is not after <see cref="Last"/>.</summary>
    public bool IsValid => First <= Last;

    /// <summary>Number of days in the range.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>True when <paramref name="day"/> is in the range.</summary>
    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>Every day of the range, in order.</summary>
    public IEnumerable<DateOnly> EachDay()
    {
        for (var d = First; d <= Last; d = d.AddDays(1)) yield return d;
    }

    /// <summary><c>2025-01-28..2025-02-04</c>.</summary>
    public override string ToString() => First == Last ? $"{First:yyyy-MM-dd}" : $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
