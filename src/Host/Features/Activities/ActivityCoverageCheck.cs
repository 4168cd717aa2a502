using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Assignments;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Activities;

/// <summary>
/// The packs' coverage rules over whole activities (<see cref="IActivityCoverageRule"/>: GD 13 full coverage by internal
/// supervisors, YN full-process internal supervision): flags shown on the activity, and the reason a task of it cannot close.
/// </summary>
public sealed class ActivityCoverageCheck(SupervisionDbContext db, IEnumerable<IActivityCoverageRule> rules) : IScopedService
{
    /// <summary>Violations per activity (activities without one are absent).</summary>
    public async Task<Dictionary<Guid, List<Violation>>> FlagsAsync(IReadOnlyCollection<Activity> activities, CancellationToken ct)
    {
        Dictionary<Guid, List<Violation>> flags = [];
        var governed = activities.Select(a => (Activity: a, Where: JurisdictionCode.Parse(a.Jurisdiction), On: ChinaTime.DateOf(a.StartsAt)))
            .Select(x => (x.Activity, x.Where, x.On, Rules: rules.Applicable(x.Where, x.On).ToList()))
            .Where(x => x.Rules.Count > 0).ToList();
        if (governed.Count == 0) return flags;

        var ids = governed.Select(x => x.Activity.Id).ToList();
        var internals = await (from a in db.Assignments.AsNoTracking()
                               join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                               where t.ActivityId != null && ids.Contains(t.ActivityId.Value) && a.Role == "internal"
                                     && a.Status != AssignmentStatuses.Refused && a.Status != AssignmentStatuses.Replaced
                               select new { ActivityId = t.ActivityId!.Value, a.SupervisorId }).ToListAsync(ct);
        var byActivity = internals.GroupBy(i => i.ActivityId).ToDictionary(g => g.Key, g => g.Select(i => i.SupervisorId.ToString()).Distinct().ToList());
        foreach (var (activity, where, on, applicable) in governed)
        {
            // Stored kinds are validated on entry; a kind this kernel does not know is governed by no coverage rule.
            if (Kernel.Forms.ActivityKinds.Parse(activity.Kind) is not { } kind) continue;
            var coverage = new ActivityCoverage(activity.Id.ToString(), where, kind, on, byActivity.GetValueOrDefault(activity.Id) ?? []);
            var violations = applicable.Select(r => r.Check(coverage)).OfType<Violation>().ToList();
            if (violations.Count > 0) flags[activity.Id] = violations;
        }
        return flags;
    }

    /// <summary>Violations of one activity (empty when covered or no rule applies).</summary>
    public async Task<List<Violation>> FlagsAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return [];
        return (await FlagsAsync([activity], ct)).GetValueOrDefault(activityId) ?? [];
    }
}
