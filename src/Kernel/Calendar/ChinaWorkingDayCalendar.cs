using System.Collections.Immutable;

namespace SupervisionCore.Kernel.Calendar;

/// <summary>Why a day is or is not a working day.</summary>
public enum WorkingDayReason
{
    /// <summary>Monday to Friday, not a holiday.</summary>
    Weekday = 1,

    /// <summary>Saturday or Sunday, not an adjusted working day.</summary>
    Weekend = 2,

    /// <summary>A day off of the year's arrangement (放假).</summary>
    Holiday = 3,

    /// <summary>A weekend day worked under the year's arrangement (调休上班).</summary>
    AdjustedWorkingDay = 4,
}

/// <summary>The calendar's answer for one day.</summary>
/// <param name="Day">The China calendar day.</param>
/// <param name="IsWorkingDay">True for a working day.</param>
/// <param name="Reason">Why.</param>
/// <param name="Assumed">True when the year has no published arrangement, so Monday–Friday was assumed.</param>
/// <param name="Source">The notice of the arrangement used, or null when assumed.</param>
public sealed record WorkingDayAnswer(DateOnly Day, bool IsWorkingDay, WorkingDayReason Reason, bool Assumed, string? Source);

/// <summary>
/// 工作日历 (working-day calendar): China's official holidays and adjusted working days (调休), from
/// <see cref="HolidayArrangement"/> data per year. Ships with 2020–2026 (<see cref="PublishedHolidayArrangements"/>);
/// an administrator adds or replaces a year at run time with <see cref="Load"/>. A year with no arrangement is
/// Monday–Friday and every answer that used it says <c>Assumed</c>. Thread-safe: readers see an immutable snapshot,
/// writers swap it atomically.
/// </summary>
public sealed class ChinaWorkingDayCalendar : IWorkingDayCalendar
{
    private readonly Lock _write = new();
    private volatile ImmutableDictionary<int, HolidayArrangement> _years = ImmutableDictionary<int, HolidayArrangement>.Empty;

    /// <summary>A calendar with the given arrangements (none: every year assumed Monday–Friday).</summary>
    /// <exception cref="ArgumentException">An arrangement has problems (<see cref="HolidayArrangement.Problems"/>).</exception>
    public ChinaWorkingDayCalendar(IEnumerable<HolidayArrangement>? arrangements = null)
    {
        foreach (var a in arrangements ?? []) Load(a);
    }

    /// <summary>A calendar with the published 2020–2026 arrangements.</summary>
    public static ChinaWorkingDayCalendar WithPublishedArrangements() => new(PublishedHolidayArrangements.All);

    /// <summary>The years with an arrangement, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Keys.Order()];

    /// <summary>The arrangement of <paramref name="year"/>, or null.</summary>
    public HolidayArrangement? Arrangement(int year) => _years.TryGetValue(year, out var a) ? a : null;

    /// <summary>Adds the arrangement of a year, or replaces the one loaded for that year.</summary>
    /// <returns>True when an arrangement for the year was replaced.</returns>
    /// <exception cref="ArgumentException">The arrangement has problems; the calendar is unchanged.</exception>
    public bool Load(HolidayArrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var problems = arrangement.Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Holiday arrangement {arrangement.Year}: {string.Join("; ", problems)}.", nameof(arrangement));
        lock (_write)
        {
            var replaced = _years.ContainsKey(arrangement.Year);
            _years = _years.SetItem(arrangement.Year, arrangement);
            return replaced;
        }
    }

    /// <summary>Removes the arrangement of a year (it is then assumed Monday–Friday).</summary>
    /// <returns>True when there was one.</returns>
    public bool Remove(int year)
    {
        lock (_write)
        {
            var had = _years.ContainsKey(year);
            _years = _years.Remove(year);
            return had;
        }
    }

    /// <inheritdoc />
    public bool HasPublishedArrangement(int year) => _years.ContainsKey(year);

    /// <inheritdoc />
    public bool IsWorkingDay(DateOnly day) => Explain(day).IsWorkingDay;

    /// <summary>Whether <paramref name="day"/> is a working day, why, and whether it was assumed.</summary>
    public WorkingDayAnswer Explain(DateOnly day)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (!_years.TryGetValue(day.Year, out var a))
            return new(day, !weekend, weekend ? WorkingDayReason.Weekend : WorkingDayReason.Weekday, true, null);
        if (a.IsAdjustedWorkingDay(day)) return new(day, true, WorkingDayReason.AdjustedWorkingDay, false, a.Source);
        if (a.IsDayOff(day)) return new(day, false, WorkingDayReason.Holiday, false, a.Source);
        return new(day, !weekend, weekend ? WorkingDayReason.Weekend : WorkingDayReason.Weekday, false, a.Source);
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="end"/> (the end day not counted).</summary>
    public WorkingDayDeadline AddWorkingDays(DateOnly end, int count) => WorkingDays.After(this, end, count);
}
