using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>A candidate left out of a draw's pool, with every rule that excluded them.</summary>
public sealed record ExclusionDto(string Id, IReadOnlyList<string> Rules);

/// <summary>
/// Builds a supervisor draw for a task (双随机's second random, <c>cn.dispatch.random</c>): the dispatchable pool of
/// the dispatching authority's subtree minus the exclusions of every national and pack dispatch constraint in force
/// (<c>cn.recusal.conflict</c>, <c>cn.recusal.examiner</c>, pack caps and age limits …), then the kernel's
/// verifiable ranking.
/// </summary>
public sealed class DrawService(SupervisionDbContext db, DispatchPool pool, IEnumerable<IDispatchConstraint> packConstraints) : IScopedService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The candidates of a task after exclusions, and the exclusions with their rule ids.</summary>
    public async Task<(IReadOnlyList<string> Pool, IReadOnlyList<ExclusionDto> Exclusions)> CandidatesAsync(SupervisionTask task, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == task.AuthorityId, ct);
        var info = TaskKinds.Info(task, 0);
        var candidates = await pool.LoadAsync(JurisdictionCode.Parse(authority.Jurisdiction), SupervisorKind.External, info.ActivityDate, ct);

        var conflicted = (await db.SupervisorConflicts.AsNoTracking().Where(c => c.InstitutionId == task.InstitutionId).Select(c => c.SupervisorId).ToListAsync(ct))
            .Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        var examiners = task.ActivityId is { } activityId ? await ExaminersAsync(activityId, ct) : [];
        var constraints = new DispatchCheck().Constraints.Concat(packConstraints).Where(c => c.Scope.Contains(info.Jurisdiction) && c.Rule.IsInForceOn(info.ActivityDate)).ToList();
        var needsHistory = constraints.Any(c => c.PackId != NationalRules.PackId);
        var history = needsHistory ? await HistoryAsync(info.ActivityDate, ct) : [];

        // A pool can hold 100,000 candidates: one pass, the per-task values built once, a list only for the excluded.
        var conflict = (IReadOnlyList<string>)[task.InstitutionId.ToString()];
        var examined = task.ActivityId is { } examinedActivity ? (IReadOnlyList<string>)[examinedActivity.ToString()] : [];
        var kept = new List<string>(candidates.Count);
        var excluded = new List<ExclusionDto>();
        foreach (var candidate in candidates)
        {
            var id = candidate.SupervisorId!;
            var isConflicted = conflicted.Contains(id);
            var isExaminer = examiners.Contains(id);
            var context = new DispatchContext(
                isConflicted || isExaminer ? candidate with { ConflictInstitutionIds = isConflicted ? conflict : [], ExaminerActivityIds = isExaminer ? examined : [] } : candidate,
                info,
                history.TryGetValue(id, out var h) ? h : []);
            List<string>? rules = null;
            foreach (var constraint in constraints)
            {
                if (constraint.Evaluate(context) is { } exclusion && !(rules ??= []).Contains(exclusion.RuleId)) rules.Add(exclusion.RuleId);
            }
            if (rules is null) kept.Add(id);
            else excluded.Add(new ExclusionDto(id, rules));
        }
        return (kept, [.. excluded.OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Supervisor ids that examine in the activity: registered examiners, and people matched by ID-number keyed hash.</summary>
    private async Task<HashSet<string>> ExaminersAsync(Guid activityId, CancellationToken ct)
    {
        var rows = await db.ActivityExaminers.AsNoTracking().Where(e => e.ActivityId == activityId).ToListAsync(ct);
        var ids = rows.Where(r => r.SupervisorId is not null).Select(r => r.SupervisorId!.Value).ToList();
        var hashes = rows.Where(r => r.IdNumberHash is not null).Select(r => r.IdNumberHash!).ToList();
        if (hashes.Count > 0)
            ids.AddRange(await db.Supervisors.AsNoTracking().Where(s => hashes.Contains(s.IdNumberHash)).Select(s => s.Id).ToListAsync(ct));
        return ids.Select(i => i.ToString()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Dispatch history of the last 400 days, per supervisor, for pack constraints (caps, refusal limits).</summary>
    private async Task<Dictionary<string, IReadOnlyList<DispatchHistoryEntry>>> HistoryAsync(DateOnly day, CancellationToken ct)
    {
        var since = new DateTimeOffset(day.AddDays(-400).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var rows = await (from a in db.Assignments.AsNoTracking()
                          join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                          where t.WindowStart >= since && a.Role == "external"
                          select new { a.SupervisorId, a.TaskId, t.InstitutionId, t.WindowStart, a.Status }).ToListAsync(ct);
        return rows.GroupBy(r => r.SupervisorId.ToString()).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<DispatchHistoryEntry>)[.. g.OrderBy(r => r.WindowStart).Select(r => new DispatchHistoryEntry(
                r.TaskId.ToString(), r.InstitutionId.ToString(), Kernel.Calendar.ChinaTime.DateOf(r.WindowStart),
                r.Status switch { "refused" => DispatchResponse.Refused, "invited" => DispatchResponse.Invited, _ => DispatchResponse.Accepted }))],
            StringComparer.Ordinal);
    }

    /// <summary>The recorded transcript of a run draw.</summary>
    public static DrawTranscript TranscriptOf(Draw draw) =>
        new(draw.Algorithm, draw.Pool, draw.PoolDigest ?? "", draw.Seed ?? "", draw.Ranking, draw.Count);

    public static IReadOnlyList<ExclusionDto> ExclusionsOf(Draw draw) =>
        JsonSerializer.Deserialize<List<ExclusionDto>>(draw.Exclusions, Json) ?? [];
}
