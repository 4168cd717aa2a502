using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>The filter of an inspection draw, recorded with it (jsonb <c>filter</c>) so anyone can rebuild the population.</summary>
/// <param name="Target">institutions | activities.</param>
/// <param name="Kinds">Institution kinds (employer, social-org, industry) or activity kinds; all when empty.</param>
/// <param name="Statuses">Institutions only: active and/or notified (default both; disqualified never).</param>
/// <param name="Occupation">Activities of this occupation (for institutions: those holding such an activity in the range).</param>
/// <param name="From">First day of the range (China time): activities starting on or after it.</param>
/// <param name="To">Last day of the range, included.</param>
public sealed record InspectionFilter(string Target, IReadOnlyList<string> Kinds, IReadOnlyList<string> Statuses, string? Occupation, DateOnly? From, DateOnly? To);

/// <summary>
/// The population of an inspection draw (双随机's first random, <c>cn.task.double-random</c>): the ids of the register's
/// institutions or activities inside a jurisdiction subtree that match the filter. Institutions are active or notified,
/// never disqualified (<c>cn.sanction.institution-ladder</c>: a disqualified institution does no evaluation work);
/// activities start within the date range. Sorting and digesting are the kernel draw's.
/// </summary>
public sealed class InspectionPopulation(SupervisionDbContext db) : IScopedService
{
    /// <summary>Institution statuses that can be drawn.</summary>
    public static readonly IReadOnlyList<string> DrawableStatuses = ["active", "notified"];

    public async Task<List<string>> IdsAsync(JurisdictionCode subtree, InspectionFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var activities = db.Activities.AsNoTracking().WithinJurisdiction(subtree, a => a.Jurisdiction);
        if (filter.Occupation is { } occupation) activities = activities.Where(a => a.Occupation == occupation);
        if (filter.From is { } from) { var start = Start(from); activities = activities.Where(a => a.StartsAt >= start); }
        if (filter.To is { } to) { var end = Start(to.AddDays(1)); activities = activities.Where(a => a.StartsAt < end); }

        if (filter.Target == "activities")
        {
            if (filter.Kinds.Count > 0) activities = activities.Where(a => filter.Kinds.Contains(a.Kind));
            return [.. (await activities.Select(a => a.Id).ToListAsync(ct)).Select(id => id.ToString())];
        }
        var statuses = filter.Statuses.Count > 0 ? filter.Statuses.Intersect(DrawableStatuses).ToList() : [.. DrawableStatuses];
        var institutions = db.Institutions.AsNoTracking().WithinJurisdiction(subtree, i => i.Jurisdiction).Where(i => statuses.Contains(i.Status));
        if (filter.Kinds.Count > 0) institutions = institutions.Where(i => filter.Kinds.Contains(i.Kind));
        if (filter.Occupation is not null || filter.From is not null || filter.To is not null)
            institutions = institutions.Where(i => activities.Any(a => a.InstitutionId == i.Id));
        return [.. (await institutions.Select(i => i.Id).ToListAsync(ct)).Select(id => id.ToString())];
    }

    private static DateTimeOffset Start(DateOnly day) => ChinaTime.StartOf(day).ToUniversalTime();
}
