using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>
/// Loads, in one place, the facts every dispatch decision judges (draw pools, substitutes, manual assignments,
/// acceptances, refusals, closures): the task as rules see it with its candidate count, its staffing, its
/// <see cref="DispatchScreen"/> (national and pack constraints, dispatch-stage eligibility rules), the per-task facts of
/// each candidate (conflicts, examiners, internal supervisors of the activity), their standing and the one
/// <see cref="DispatchHistory"/>. It decides nothing: the kernel's acts do (<c>Kernel.Acts</c>, docs/adr/0006).
/// </summary>
public sealed class DispatchFactsLoader(
    SupervisionDbContext db, SupervisorStanding standing, IEnumerable<IDispatchConstraint> packConstraints, IEnumerable<IEligibilityRule> eligibilityRules,
    IEnumerable<IStaffingRule> staffingRules, IParameterSource parameters) : IScopedService
{
    /// <summary>Days of dispatch history around the activity read for a whole pool (the widest window a pack rule reads is a year).</summary>
    private const int PoolHistoryDays = 400;

    /// <summary>The task as rules see it, with the candidates of its plan (or the contestants at its venue).</summary>
    public async Task<TaskInfo> TaskInfoAsync(SupervisionTask task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        var count = task.VenueId is { } venueId
            ? await db.ActivityVenues.AsNoTracking().Where(v => v.Id == venueId).Select(v => (int?)v.Contestants).SingleOrDefaultAsync(ct)
            : task.ActivityId is { } activityId
                ? await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => (int?)a.CandidateCount).SingleOrDefaultAsync(ct)
                : null;
        return TaskKinds.Info(task, count ?? 0);
    }

    /// <summary>How many supervisors the task needs and allows, and the rule that says so.</summary>
    public async Task<StaffingFacts> StaffingAsync(SupervisionTask task, CancellationToken ct) =>
        StaffingFacts.Of(await TaskInfoAsync(task, ct), staffingRules.BindTo(await parameters.CurrentAsync(ct)));

    /// <summary>
    /// The screen of a task with the per-task facts of its candidates and their history — of everyone (a draw's pool:
    /// history of the activity's year around it) or only of <paramref name="only"/> (all their history).
    /// </summary>
    public async Task<TaskScreen> ScreenAsync(SupervisionTask task, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        var info = await TaskInfoAsync(task, ct);
        // Rules reading policy parameters read the values stored now, each at the date of the act (docs/parameters.md).
        var set = await parameters.CurrentAsync(ct);
        var screen = new DispatchScreen(info, packConstraints.BindTo(set), eligibilityRules.BindTo(set));
        var conflicts = db.SupervisorConflicts.AsNoTracking().Where(c => c.InstitutionId == task.InstitutionId);
        if (only is not null) conflicts = conflicts.Where(c => only.Contains(c.SupervisorId));
        var conflicted = (await conflicts.Select(c => c.SupervisorId).ToListAsync(ct)).Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        var examiners = task.ActivityId is { } activityId ? await ExaminersAsync(activityId, ct) : [];
        var internalSupervisors = task.ActivityId is { } sessionId ? await InternalSupervisorsAsync(sessionId, ct) : [];
        var history = only is not null || screen.NeedsHistory ? await HistoryAsync(only, info.ActivityDate, ct) : [];
        return new TaskScreen(screen, task, conflicted, examiners, internalSupervisors, history);
    }

    /// <summary>One supervisor as a dispatch of <paramref name="screen"/>'s task in <paramref name="role"/> judges them.</summary>
    public async Task<DispatchFacts> FactsAsync(TaskScreen screen, Supervisor supervisor, SupervisorKind role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(supervisor);
        var candidate = screen.WithTaskFacts(DispatchPool.CandidateOf(supervisor));
        return new DispatchFacts
        {
            Role = role, Candidate = candidate, Standing = await standing.LoadAsync(supervisor.Id, ct), History = screen.HistoryOf(candidate.SupervisorId!),
        };
    }

    /// <summary>Judges one supervisor for the task in a role (<see cref="DispatchJudgement"/>): a draw's substitute.</summary>
    public async Task<RuleOutcome> JudgeAsync(SupervisionTask task, Guid supervisorId, SupervisorKind role, CancellationToken ct)
    {
        var supervisor = await db.Supervisors.AsNoTracking().SingleAsync(s => s.Id == supervisorId, ct);
        var screen = await ScreenAsync(task, [supervisorId], ct);
        return DispatchJudgement.Judge(screen.Kernel, await FactsAsync(screen, supervisor, role, ct));
    }

    /// <summary>
    /// The dispatch history of supervisors (<see cref="DispatchHistory"/>: answered assignments only, in the order of the
    /// activities' dates), of <paramref name="only"/> or, for a pool, of everyone with an activity near <paramref name="around"/>.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlyList<DispatchHistoryEntry>>> HistoryAsync(IReadOnlyCollection<Guid>? only, DateOnly around, CancellationToken ct)
    {
        string[] answered = [AssignmentState.Accepted.Text(), AssignmentState.Completed.Text(), AssignmentState.Refused.Text()];
        var assignments = db.Assignments.AsNoTracking().Where(a => answered.Contains(a.Status));
        if (only is not null) assignments = assignments.Where(a => only.Contains(a.SupervisorId));
        var tasks = db.SupervisionTasks.AsNoTracking();
        if (only is null)
        {
            // Npgsql writes only UTC offsets to timestamptz: 00:00 China time of the first day, in UTC.
            var from = ChinaTime.StartOf(around.AddDays(-PoolHistoryDays)).ToUniversalTime();
            var to = ChinaTime.StartOf(around.AddDays(PoolHistoryDays)).ToUniversalTime();
            tasks = tasks.Where(t => t.WindowStart >= from && t.WindowStart < to);
        }
        var rows = await (from a in assignments
                          join t in tasks on a.TaskId equals t.Id
                          select new { a.SupervisorId, a.TaskId, t.InstitutionId, t.WindowStart, a.Status, a.RespondedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.SupervisorId.ToString()).ToDictionary(
            g => g.Key,
            g => DispatchHistory.Of(g.Select(r => new AssignmentRecord(r.TaskId.ToString(), r.InstitutionId.ToString(), ChinaTime.DateOf(r.WindowStart),
                States.ParseAssignment(r.Status), r.RespondedAt))),
            StringComparer.Ordinal);
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
        var live = Assignments.AssignmentStatuses.Live;
        var hashes = await (from a in db.Assignments.AsNoTracking()
                            join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                            join s in db.Supervisors.AsNoTracking() on a.SupervisorId equals s.Id
                            where t.ActivityId == activityId && a.Role == "internal" && live.Contains(a.Status)
                            select s.IdNumberHash).ToListAsync(ct);
        List<Guid> ids = hashes.Count == 0 ? [] : await db.Supervisors.AsNoTracking().Where(s => hashes.Contains(s.IdNumberHash)).Select(s => s.Id).ToListAsync(ct);
        return ids.Select(i => i.ToString()).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>A task's <see cref="DispatchScreen"/> with the per-task facts of its candidates, loaded once.</summary>
public sealed class TaskScreen(
    DispatchScreen kernel, SupervisionTask task, HashSet<string> conflicted, HashSet<string> examiners, HashSet<string> internalSupervisors,
    Dictionary<string, IReadOnlyList<DispatchHistoryEntry>> history)
{
    /// <summary>The kernel's screen.</summary>
    public DispatchScreen Kernel => kernel;

    /// <summary>The candidate with the facts that tie them to this task (a pool can hold 100,000: copied only when one applies).</summary>
    public CandidateInfo WithTaskFacts(CandidateInfo candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var id = candidate.SupervisorId!;
        var isConflicted = conflicted.Contains(id);
        var isExaminer = examiners.Contains(id);
        var isInternal = internalSupervisors.Contains(id);
        return isConflicted || isExaminer || isInternal
            ? candidate with
            {
                ConflictInstitutionIds = isConflicted ? [task.InstitutionId.ToString()] : [],
                ExaminerActivityIds = isExaminer ? [task.ActivityId!.Value.ToString()] : [],
                InternalSupervisorActivityIds = isInternal ? [task.ActivityId!.Value.ToString()] : [],
            }
            : candidate;
    }

    /// <summary>The candidate's dispatch history (empty when none was loaded or there is none).</summary>
    public IReadOnlyList<DispatchHistoryEntry> HistoryOf(string supervisorId) => history.TryGetValue(supervisorId, out var h) ? h : [];

    /// <summary>Every rule that keeps a pool candidate (already known dispatchable by the pool query) from the task.</summary>
    public IReadOnlyList<Violation> Exclusions(CandidateInfo candidate) => kernel.Exclusions(WithTaskFacts(candidate), HistoryOf(candidate.SupervisorId!));
}
