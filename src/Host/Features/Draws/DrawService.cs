using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Procedures;
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
public sealed class DrawService(SupervisionDbContext db, DispatchFactsLoader facts, AuditLog audit, TimeProvider clock) : IScopedService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Invited = AssignmentState.Invited.Text();
    private static readonly string Replaced = AssignmentState.Replaced.Text();

    /// <summary>What a draw did: the kernel's decision, the draw recorded (null when refused, or when another draw of the task
    /// won meanwhile: 409), its exclusions and the pool's size.</summary>
    public sealed record DrawOutcome(Decision<DrawAllowed> Decision, Draw? Draw, IReadOnlyList<ExclusionDto> Exclusions, int PoolSize);

    /// <summary>
    /// 抽取 (a supervisor draw), as every caller runs it: the pool and its exclusions, the kernel's <see cref="DrawDecision"/>
    /// (staffing count, pool size, announced seed), the verifiable ranking, and the record in one transaction.
    /// </summary>
    public async Task<DrawOutcome> DrawAsync(
        SupervisionTask task, Draw? live, string? seed, int? count, string? reason, AuditActor actor, CancellationToken ct, PhaseTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var candidates = await CandidatesAsync(task, seed, ct, timings);
        var (poolSize, exclusions) = (candidates.Pool.Count, candidates.Exclusions);
        var staffing = await facts.StaffingAsync(task, ct);
        var decision = DrawDecision.Decide(new DrawFacts
        {
            TaskState = States.ParseTask(task.Status), Staffing = staffing, RequestedCount = count,
            KeptAssignments = await KeptAsync(task.Id, live, staffing.Requirement.Kind, ct),
            PoolSize = poolSize, Excluded = exclusions.Count,
            AnnouncedCommitment = live is { Status: "announced" } ? live.SeedCommitment : null, Seed = seed,
            Matters = new TaskMatters(TaskKinds.Parse(task.Kind), task.Matters),
        });
        if (!decision.Allowed) return new(decision, null, exclusions, poolSize);
        // The kernel's verifiable ranking: scored while the pool streamed in (PoolRanker), the same transcript as Run.
        var transcript = candidates.Ranker is { } ranker
            ? ranker.Finish(decision.Transition.Count, candidates.IsExcluded)
            : VerifiableDraw.Run(candidates.Pool, seed!, decision.Transition.Count);
        timings?.Mark("rank");
        var draw = await RecordAsync(task, live, transcript, exclusions, decision.Transition, actor, reason, ct, timings);
        return new(decision, draw, exclusions, poolSize);
    }

    /// <summary>Live assignments of the staffing kind that a draw keeps: all but the open invitations of the draw it replaces.</summary>
    private Task<int> KeptAsync(Guid taskId, Draw? live, SupervisorKind kind, CancellationToken ct)
    {
        var role = kind == SupervisorKind.Internal ? "internal" : "external";
        var states = Assignments.AssignmentStatuses.Live;
        var replacedDraw = live is { Status: "run" } ? live.Id : (Guid?)null;
        return db.Assignments.CountAsync(a => a.TaskId == taskId && a.Role == role && states.Contains(a.Status) && !(a.DrawId == replacedDraw && a.Status == Invited), ct);
    }

    /// <summary>
    /// Records a run draw of <paramref name="task"/> in one transaction (<c>cn.dispatch.random</c>): the draw (the announced
    /// <paramref name="live"/> one, or a new one; a live run draw is superseded and its pending invitations replaced), one
    /// invited assignment per selected candidate in rank order, the task <c>drawn</c>, and the audit entry. Returns null
    /// when another draw of the task won meanwhile (the caller answers 409); nothing is then saved.
    /// </summary>
    private async Task<Draw?> RecordAsync(
        SupervisionTask task, Draw? live, DrawTranscript transcript, IReadOnlyList<ExclusionDto> exclusions, DrawAllowed allowed, AuditActor actor, string? reason,
        CancellationToken ct, PhaseTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(allowed);
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
            await db.Assignments.Where(a => a.DrawId == live.Id && a.Status == Invited).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Replaced), ct);
            await db.SaveChangesAsync(ct);
            draw.ReplacesDrawId = live.Id;
            draw.RedrawReason = reason;
        }
        draw.RecordRun(transcript, now);
        draw.Exclusions = JsonSerializer.Serialize(exclusions, Json);
        if (draw != live) db.Draws.Add(draw);
        db.Assignments.AddRange(transcript.Selected.Select((id, i) => new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, DrawId = draw.Id, SupervisorId = Guid.Parse(id), Rank = i + 1, Role = "external", Status = Invited, CreatedAt = now,
        }));
        task.Status = allowed.TaskState.Text();
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

    /// <summary>
    /// The candidates of a draw: the pool after exclusions (ids, canonical order), the exclusions with their rule ids, and
    /// with a seed, the ranker that scored every candidate as it arrived (<see cref="IsExcluded"/>: by position).
    /// </summary>
    public sealed record DrawCandidates(IReadOnlyList<string> Pool, IReadOnlyList<ExclusionDto> Exclusions, PoolRanker? Ranker, HashSet<int> ExcludedPositions)
    {
        public bool IsExcluded(int position) => ExcludedPositions.Contains(position);
    }

    /// <summary>
    /// The candidates of a task after exclusions, in one pass over the streamed pool: the task's screen facts (conflicts,
    /// examiners, pack history) load on the request's connection while the pool query streams on a second one; each
    /// candidate is scored for the ranking as it arrives (<see cref="PoolRanker"/>, when <paramref name="seed"/> is given)
    /// and screened by every national and pack constraint as soon as the facts are in. The PostgreSQL side runs the pool
    /// query and nothing else meanwhile.
    /// </summary>
    public async Task<DrawCandidates> CandidatesAsync(SupervisionTask task, string? seed, CancellationToken ct, PhaseTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == task.AuthorityId, ct);
        var info = await facts.TaskInfoAsync(task, ct);
        timings?.Mark("task");
        var screenFacts = facts.ScreenAsync(task, null, ct);
        var ranker = VerifiableDraw.IsHex(seed) ? new PoolRanker(seed!) : null;
        var kept = new List<string>();
        var excluded = new List<ExclusionDto>();
        var excludedAt = new HashSet<int>();
        var pending = new List<(int At, CandidateInfo Candidate)>();
        TaskScreen? screen = null;
        var position = 0;
        void Screen(int at, CandidateInfo candidate)
        {
            // Most candidates pass every constraint: no allocation for them.
            var violations = screen!.Exclusions(candidate);
            if (violations.Count == 0) { kept.Add(candidate.SupervisorId!); return; }
            excluded.Add(new ExclusionDto(candidate.SupervisorId!, [.. violations.Select(v => v.Rule).Distinct()]));
            excludedAt.Add(at);
        }
        void ScreenPending()
        {
            foreach (var (at, candidate) in pending) Screen(at, candidate);
            pending.Clear();
        }
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(DispatchPool.StreamingConnectionString(db.Database.GetConnectionString()!));
            await connection.OpenAsync(ct);
            await DispatchPool.ForEachAsync(connection, null, JurisdictionCode.Parse(authority.Jurisdiction), SupervisorKind.External, info.ActivityDate, candidate =>
            {
                var at = position++;
                ranker?.Add(candidate.SupervisorId!);
                if (screen is null && screenFacts.IsCompletedSuccessfully) screen = screenFacts.Result;
                if (screen is null) { pending.Add((at, candidate)); return; }
                if (pending.Count > 0) ScreenPending();
                Screen(at, candidate);
            }, ct);
            timings?.Mark("pool");
            screen ??= await screenFacts;
            ScreenPending();
            timings?.Mark("screen");
        }
        finally
        {
            // Never leave the facts' query running on the request's context (WhenAny: whatever it threw is not this error).
            if (!screenFacts.IsCompleted) await Task.WhenAny(screenFacts);
        }
        return new DrawCandidates(kept, [.. excluded.OrderBy(e => e.Id, StringComparer.Ordinal)], ranker, excludedAt);
    }

    /// <summary>The recorded transcript of a run draw.</summary>
    public static DrawTranscript TranscriptOf(Draw draw) =>
        new(draw.Algorithm, draw.Pool, draw.PoolDigest ?? "", draw.Seed ?? "", draw.Ranking, draw.Count);

    public static IReadOnlyList<ExclusionDto> ExclusionsOf(Draw draw) =>
        JsonSerializer.Deserialize<List<ExclusionDto>>(draw.Exclusions, Json) ?? [];
}
