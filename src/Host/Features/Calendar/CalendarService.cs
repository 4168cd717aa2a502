using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Features.Calendar;

/// <summary>An arrangement as stored in <c>calendar_years.arrangement</c> and sent over the API.</summary>
/// <param name="Source" example="国办发明电〔2024〕12号">The notice.</param>
/// <param name="DaysOff">Holiday periods.</param>
/// <param name="AdjustedWorkingDays" example='["2025-01-26", "2025-02-08"]'>Weekend days worked (调休上班).</param>
public sealed record ArrangementDto(string Source, IReadOnlyList<DateRangeDto> DaysOff, IReadOnlyList<DateOnly> AdjustedWorkingDays)
{
    public HolidayArrangement ToKernel(int year) =>
        new(year, [.. DaysOff.Select(r => new DateRange(r.First, r.Last))], AdjustedWorkingDays, Source);

    public static ArrangementDto From(HolidayArrangement a) =>
        new(a.Source, [.. a.DaysOff.Select(r => new DateRangeDto(r.First, r.Last))], a.AdjustedWorkingDays);
}

/// <summary>Days off from <paramref name="First"/> to <paramref name="Last"/>, both included.</summary>
/// <param name="First" example="2025-01-28">First day off.</param>
/// <param name="Last" example="2025-02-04">Last day off.</param>
public sealed record DateRangeDto(DateOnly First, DateOnly Last);

/// <summary>
/// The working-day calendar in force: the arrangements shipped with the kernel (2020–2026) overlaid with the years an
/// administrator loaded (<c>PUT /api/v1/calendar/years/{year}</c>). Read per request from the database, so every Host
/// sees a newly loaded year at once.
/// </summary>
public sealed class CalendarService(SupervisionDbContext db) : IScopedService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ChinaWorkingDayCalendar> CurrentAsync(CancellationToken ct)
    {
        var calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();
        foreach (var row in await db.CalendarYears.AsNoTracking().ToListAsync(ct))
            calendar.Load(JsonSerializer.Deserialize<ArrangementDto>(row.Arrangement, Json)!.ToKernel(row.Year));
        return calendar;
    }

    /// <summary>Years loaded by an administrator (as opposed to shipped with the kernel).</summary>
    public Task<bool> IsLoadedAsync(int year, CancellationToken ct) => db.CalendarYears.AnyAsync(y => y.Year == year, ct);
}
