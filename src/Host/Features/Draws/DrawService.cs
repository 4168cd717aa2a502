using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>A candidate left out of a draw's pool, with every rule that excluded them.</summary>
/// <param name="Id" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c12">The excluded candidate.</param>
/// <param name="Rules" example='["cn.recusal.conflict"]'>Every rule that excluded them.</param>
public sealed record ExclusionDto(string Id, IReadOnlyList<string> Rules);

/// <summary>
/// Builds a supervisor draw for a task (双随机's second random, <c>cn.dispatch.random</c>): the dispatchable pool of
/// the dispatching authority's subtree minus the exclusions of every national and pack dispatch constraint in force
/// (<c>cn.recusal.conflict</c>, <c>cn.recusal.examiner</c>, pack caps and age limits …), then the kernel's
/// verifiable ranking.
/// </summary>
public sealed class DrawService(
    SupervisionDbContext db, DispatchPool pool, SupervisorStanding standing, IEnumerable<IDispatchConstraint> packConstraints, AuditLog audit, TimeProvider clock) : IScopedService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records a run draw of <paramref name="task"/> in one transaction (<c>cn.dispatch.random</c>): the draw (the announced
    /// <paramref name="live"/> one, or a new one; a live run draw is superseded and its pending invitations replaced), one
    /// invited assignment per selected candidate in rank order, the task <c>drawn</c>, and the audit entry. Returns null
    /// when another draw of the task won meanwhile (the caller answers 409); nothing is then saved.
    /// </summary>
    public async Task<Draw?> RecordAsync(
        SupervisionTask task, Draw? live, DrawTranscript transcript, IReadOnlyList<ExclusionDto> exclusions, AuditActor actor, string? reason, CancellationToken ct,
        PhaseTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draw = live is { Status: "announced" } ? live : new Draw
        {
            Id = Guid.CreateVersion7(), Purpose = "supervisor", TaskId = task.Id, Jurisdiction = task.Jurisdiction, Status = "run",
            Algorithm = VerifiableDraw.Algorithm, CreatedBy = actor.Id, CreatedAt = now,
        };
        if (live is { Status: "run" })
        {
            live.Status = "superseded";
            await db.Assignments.Where(a => a.DrawId == live.Id && a.Status == "invited").ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, "replaced"), ct);
            await db.SaveChangesAsync(ct);
            draw.ReplacesDrawId = live.Id;
            draw.RedrawReason = reason;
        }
        draw.RecordRun(transcript, now);
        draw.Exclusions = JsonSerializer.Serialize(exclusions, Json);
        if (draw != live) db.Draws.Add(draw);
        db.Assignments.AddRange(transcript.Selected.Select((id, i) => new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, DrawId = draw.Id, SupervisorId = Guid.Parse(id), Rank = i + 1, Role = "external", Status = "invited", CreatedAt = now,
        }));
        task.Status = "drawn";
        timings?.Mark("prepare");
        if (!await DrawConflicts.TrySaveAsync(db, ct)) return null;
        timings?.Mark("write");
        await audit.AppendAsync(db, actor, new AuditEvent(draw.ReplacesDrawId is null ? "draw.run" : "draw.redraw", "draw", draw.Id.ToString(), draw.Jurisdiction,
            Rules: [NationalRules.DispatchRandom.Id, .. exclusions.SelectMany(e => e.Rules).Distinct().Order(StringComparer.Ordinal)],
            After: new { draw.PoolDigest, draw.Seed, draw.Count, Selected = transcript.Selected }, Detail: draw.RedrawReason), ct);
        await tx.CommitAsync(ct);
        timings?.Mark("audit+commit");
        return draw;
    }

    /// <summary>Publishes a run draw (一公开, <c>cn.task.double-random</c>) with its audit entry; publishing twice changes nothing.</summary>
    public async Task PublishAsync(Draw draw, AuditActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draw);
        if (draw.Published) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        draw.Published = true;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, actor, new AuditEvent("draw.publish", "draw", draw.Id.ToString(), draw.Jurisdiction, Rules: [NationalRules.TaskDoubleRandom.Id]), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The candidates of a task after exclusions, and the exclusions with their rule ids.</summary>
    public async Task<(IReadOnlyList<string> Pool, IReadOnlyList<ExclusionDto> Exclusions)> CandidatesAsync(SupervisionTask task, CancellationToken ct, PhaseTimings? timings = null)
    {
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == task.AuthorityId, ct);
        var screen = await ScreenAsync(task, null, ct);
        timings?.Mark("facts");
        var candidates = await pool.LoadAsync(JurisdictionCode.Parse(authority.Jurisdiction), SupervisorKind.External, screen.Task.ActivityDate, ct);
        timings?.Mark("pool");
        var kept = new List<string>(candidates.Count);
        var excluded = new List<ExclusionDto>();
        foreach (var candidate in candidates)
        {
            // Most candidates pass every constraint: no allocation for them.
            var violations = screen.Exclusions(candidate);
            if (violations.Count == 0) kept.Add(candidate.SupervisorId!);
            else excluded.Add(new ExclusionDto(candidate.SupervisorId!, [.. violations.Select(v => v.Rule).Distinct()]));
        }
        timings?.Mark("screen");
        return (kept, [.. excluded.OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Judges one external supervisor for the task as a draw would, on the task's first day: dispatchable
    /// (<see cref="SupervisorStanding.IsDispatchableAsync"/>, <c>cn.dispatch.random</c>) and excluded by no national or pack
    /// dispatch constraint. Used for substitutes after a refusal and for manual assignments; every violation is returned.
    /// </summary>
    public async Task<RuleOutcome> EvaluateAsync(SupervisionTask task, Guid supervisorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        var supervisor = await db.Supervisors.AsNoTracking().SingleAsync(s => s.Id == supervisorId, ct);
        var screen = await ScreenAsync(task, [supervisorId], ct);
        var dispatchable = await standing.IsDispatchableAsync(supervisorId, screen.Task.ActivityDate, ct);
        return new RuleOutcome([.. dispatchable.Violations, .. screen.Exclusions(DispatchPool.CandidateOf(supervisor, SupervisorKind.External))]);
    }

    /// <summary>
    /// The exclusion facts of a task, loaded once: recorded conflicts with its institution, its activity's examiners, the
    /// national and pack constraints in force on its first day in its jurisdiction, and (for pack constraints) dispatch
    /// history — of everyone, or only of <paramref name="only"/>.
    /// </summary>
    private async Task<DispatchScreen> ScreenAsync(SupervisionTask task, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        var info = TaskKinds.Info(task, 0);
        var conflicts = db.SupervisorConflicts.AsNoTracking().Where(c => c.InstitutionId == task.InstitutionId);
        if (only is not null) conflicts = conflicts.Where(c => only.Contains(c.SupervisorId));
        var conflicted = (await conflicts.Select(c => c.SupervisorId).ToListAsync(ct)).Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        var examiners = task.ActivityId is { } activityId ? await ExaminersAsync(activityId, ct) : [];
        var internalSupervisors = task.ActivityId is { } sessionId ? await InternalSupervisorsAsync(sessionId, ct) : [];
        var constraints = new DispatchCheck().Constraints.Concat(packConstraints).Where(c => c.Scope.Contains(info.Jurisdiction) && c.Rule.IsInForceOn(info.ActivityDate)).ToList();
        var needsHistory = constraints.Any(c => c.PackId != NationalRules.PackId);
        var history = needsHistory ? await HistoryAsync(info.ActivityDate, only, ct) : [];
        return new DispatchScreen(info, task, conflicted, examiners, internalSupervisors, constraints, history);
    }

    /// <summary>The per-candidate evaluation shared by draws, substitutes and manual assignments.</summary>
    private sealed class DispatchScreen(
        TaskInfo info, SupervisionTask task, HashSet<string> conflicted, HashSet<string> examiners, HashSet<string> internalSupervisors,
        IReadOnlyList<IDispatchConstraint> constraints, Dictionary<string, IReadOnlyList<DispatchHistoryEntry>> history)
    {
        public TaskInfo Task => info;

        /// <summary>Every constraint violation of the candidate (empty: the candidate may be dispatched as far as exclusions go).</summary>
        public IReadOnlyList<Violation> Exclusions(CandidateInfo candidate)
        {
            // A pool can hold 100,000 candidates: copy the candidate only when a per-task fact applies to them.
            var id = candidate.SupervisorId!;
            var isConflicted = conflicted.Contains(id);
            var isExaminer = examiners.Contains(id);
            var isInternal = internalSupervisors.Contains(id);
            var context = new DispatchContext(
                isConflicted || isExaminer || isInternal
                    ? candidate with
                    {
                        ConflictInstitutionIds = isConflicted ? [task.InstitutionId.ToString()] : [],
                        ExaminerActivityIds = isExaminer ? [task.ActivityId!.Value.ToString()] : [],
                        InternalSupervisorActivityIds = isInternal ? [task.ActivityId!.Value.ToString()] : [],
                    }
                    : candidate,
                info,
                history.TryGetValue(id, out var h) ? h : []);
            List<Violation>? violations = null;
            foreach (var constraint in constraints)
                if (constraint.Evaluate(context) is { } exclusion) (violations ??= []).Add(exclusion.Violation);
            return violations is null ? Array.Empty<Violation>() : violations;
        }
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

    /// <summary>
    /// Supervisor ids of the people assigned as internal supervisors (内督) of the activity (<c>gd.recusal.dual-role</c>):
    /// the assigned supervisors themselves and, matched by ID-number keyed hash, the other supervisor rows of the same
    /// person (an external card holder who is also an institution's internal supervisor). Refused and replaced
    /// assignments do not count.
    /// </summary>
    private async Task<HashSet<string>> InternalSupervisorsAsync(Guid activityId, CancellationToken ct)
    {
        var hashes = await (from a in db.Assignments.AsNoTracking()
                            join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                            join s in db.Supervisors.AsNoTracking() on a.SupervisorId equals s.Id
                            where t.ActivityId == activityId && a.Role == "internal" && a.Status != "refused" && a.Status != "replaced"
                            select s.IdNumberHash).ToListAsync(ct);
        List<Guid> ids = hashes.Count == 0 ? [] : await db.Supervisors.AsNoTracking().Where(s => hashes.Contains(s.IdNumberHash)).Select(s => s.Id).ToListAsync(ct);
        return ids.Select(i => i.ToString()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Dispatch history of the last 400 days, per supervisor, for pack constraints (caps, refusal limits).</summary>
    private async Task<Dictionary<string, IReadOnlyList<DispatchHistoryEntry>>> HistoryAsync(DateOnly day, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        // Npgsql writes only UTC offsets to timestamptz: 00:00 China time of the first day, in UTC.
        var since = Kernel.Calendar.ChinaTime.StartOf(day.AddDays(-400)).ToUniversalTime();
        var assignments = db.Assignments.AsNoTracking().Where(a => a.Role == "external");
        if (only is not null) assignments = assignments.Where(a => only.Contains(a.SupervisorId));
        var rows = await (from a in assignments
                          join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                          where t.WindowStart >= since
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
