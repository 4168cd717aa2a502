using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Assignments;

/// <summary>
/// The assignment acts — manual assignment, acceptance, refusal — as every caller performs them (the endpoints, the demo):
/// lock the task, load the facts (<see cref="DispatchFactsLoader"/>), let the kernel decide (<see cref="ManualAssignmentDecision"/>,
/// <see cref="AnswerDecision"/>), persist the transition with its audit entries in the same transaction. Nothing here
/// judges: a refusal of the kernel becomes a 422 naming its rules; state conflicts (closed task, answered invitation,
/// duplicate) are 409.
/// </summary>
public sealed class AssignmentActs(
    SupervisionDbContext db, DispatchFactsLoader facts, Substitution substitution, AuditLog audit, TimeProvider clock,
    IEnumerable<ILifecycleRule> answerRules, ISupervisorActions actions, IParameterSource parameters) : IScopedService
{
    /// <summary>The outcome of an act: the problem to answer, or the assignments changed.</summary>
    public sealed record Outcome(ProblemHttpResult? Problem, Assignment? Assignment = null, Assignment? Replacement = null,
        IReadOnlyList<ExclusionDto>? Skipped = null, IReadOnlyList<(LifecycleDecision Decision, RevocationOutcome Done)>? Consequences = null);

    /// <summary>直接委派: invites <paramref name="supervisor"/> to <paramref name="taskId"/> in <paramref name="role"/>.</summary>
    public async Task<Outcome> AssignAsync(Guid taskId, Supervisor supervisor, SupervisorKind role, AuditActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await TaskLifecycle.LockAsync(db, taskId, ct);
        if (TaskLifecycle.Finished(task) is { } finished) return new(finished);
        var roleText = role == SupervisorKind.Internal ? "internal" : "external";
        var onTask = await db.Assignments.Where(a => a.TaskId == task.Id && AssignmentStatuses.Live.Contains(a.Status)).Select(a => new { a.SupervisorId, a.Role }).ToListAsync(ct);
        if (onTask.Any(a => a.SupervisorId == supervisor.Id))
            return new(Problems.Conflict(new LocalizedText("该督导员已委派到此任务", "this supervisor is already assigned to the task")));

        var screen = await facts.ScreenAsync(task, [supervisor.Id], ct);
        var staffing = await facts.StaffingAsync(task, ct);
        var staffingRole = staffing.Requirement.Kind == SupervisorKind.Internal ? "internal" : "external";
        var decision = ManualAssignmentDecision.Decide(screen.Kernel, new ManualAssignmentFacts
        {
            Dispatch = await facts.FactsAsync(screen, supervisor, role, ct), Staffing = staffing, LiveAssignments = onTask.Count(a => a.Role == staffingRole),
            Matters = new TaskMatters(TaskKinds.Parse(task.Kind), task.Matters),
        });
        if (!decision.Allowed) return new(Problems.Violations(decision.Violations));

        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisor.Id, Role = roleText, Status = decision.Transition.State.Text(), CreatedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, actor, new AuditEvent("assignment.create", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.SupervisorKinds.Id, NationalRules.DispatchRandom.Id, .. screen.Kernel.RuleIds, staffing.Rule.Id],
            After: new { assignment.Id, assignment.TaskId, assignment.SupervisorId, assignment.Role, assignment.Status }, Detail: "manual assignment"), ct);
        await tx.CommitAsync(ct);
        return new(null, assignment);
    }

    /// <summary>接受委派: the dispatch happens now, so the supervisor is judged again; the first acceptance starts the task.</summary>
    public async Task<Outcome> AcceptAsync(Assignment visible, AuditActor actor, string? detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visible);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (task, assignment) = await TaskLifecycle.LockAsync(db, visible, ct);
        if (Answerable(task, assignment) is { } conflict) return new(conflict);
        var now = clock.GetUtcNow();
        var (screen, answer) = await AnswerFactsAsync(task, assignment, DispatchResponse.Accepted, now, ct);
        var decision = AnswerDecision.Decide(screen.Kernel, answer, answerRules.BindTo(await parameters.CurrentAsync(ct)));
        if (!decision.Allowed) return new(Problems.Violations(decision.Violations));

        var taskBefore = TaskDto.From(task);
        var starts = States.ParseTask(task.Status) != decision.Transition.TaskState;
        assignment.Status = decision.Transition.State.Text();
        assignment.RespondedAt = now;
        task.Status = decision.Transition.TaskState.Text();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, actor, new AuditEvent("assignment.accept", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.DispatchRandom.Id, .. screen.Kernel.RuleIds], After: new { assignment.Id, assignment.TaskId, assignment.SupervisorId, assignment.Status }, Detail: detail), ct);
        if (starts)
            await audit.AppendAsync(db, actor, new AuditEvent("task.start", "supervision-task", task.Id.ToString(), task.Jurisdiction,
                Before: taskBefore, After: TaskDto.From(task), Detail: "first acceptance: assignment " + assignment.Id), ct);
        await tx.CommitAsync(ct);
        return new(null, assignment);
    }

    /// <summary>拒绝委派: recorded, the next substitute of the draw invited, and the packs' answer rules applied (YN 19).</summary>
    public async Task<Outcome> RefuseAsync(Assignment visible, string? reason, bool withoutReason, ClaimsPrincipal by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(by);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (task, assignment) = await TaskLifecycle.LockAsync(db, visible, ct);
        if (Answerable(task, assignment) is { } conflict) return new(conflict);
        var now = clock.GetUtcNow();
        var (screen, answer) = await AnswerFactsAsync(task, assignment, DispatchResponse.Refused, now, ct);
        var decision = AnswerDecision.Decide(screen.Kernel, answer, answerRules.BindTo(await parameters.CurrentAsync(ct)));
        if (!decision.Allowed) return new(Problems.Violations(decision.Violations));

        assignment.Status = decision.Transition.State.Text();
        assignment.RefusalReason = withoutReason ? null : reason;
        assignment.RefusedWithoutReason = withoutReason;
        assignment.RespondedAt = now;
        var (replacement, skipped) = await substitution.ReplaceAsync(task, assignment, now, ct);
        await db.SaveChangesAsync(ct);
        var actor = by.AsActor();
        await audit.AppendAsync(db, actor, new AuditEvent("assignment.refuse", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Rules: withoutReason ? [NationalRules.DispatchRandom.Id, NationalRules.SupervisorDismissal.Id] : [NationalRules.DispatchRandom.Id],
            After: new { assignment.Id, assignment.SupervisorId, assignment.Status, assignment.RefusedWithoutReason, assignment.ReplacedById },
            Detail: withoutReason ? "refused without reason (无故拒绝)" : "refused with a reason"), ct);
        await audit.AppendAsync(db, actor, new AuditEvent(replacement is null ? "assignment.substitute-none" : "assignment.substitute",
            "assignment", (replacement ?? assignment).Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.DispatchRandom.Id, .. skipped.SelectMany(s => s.Rules).Distinct().Order(StringComparer.Ordinal)],
            After: replacement is null ? null : new { replacement.Id, replacement.SupervisorId, replacement.Rank, replacement.DrawId },
            Detail: $"replaces {assignment.Id}; skipped " + (skipped.Count == 0 ? "none" : string.Join(", ", skipped.Select(s => $"{s.Id} ({string.Join("/", s.Rules)})")))), ct);
        var done = new List<(LifecycleDecision, RevocationOutcome)>();
        foreach (var consequence in decision.Transition.Consequences)
            done.Add((consequence, await actions.RevokeQualificationAsync(consequence.SupervisorId, answer.Answer.On, consequence.Violation, by, ct)));
        await tx.CommitAsync(ct);
        return new(null, assignment, replacement, skipped, done);
    }

    /// <summary>409 when the task is finished or the invitation already answered, otherwise null.</summary>
    private static ProblemHttpResult? Answerable(SupervisionTask task, Assignment assignment) =>
        TaskLifecycle.Finished(task) ?? (assignment.Status != AssignmentStatuses.Invited ? TaskLifecycle.WrongState(assignment, AssignmentStatuses.Invited) : null);

    /// <summary>The facts of an answer: the supervisor judged for the task in their role, and their history for the packs' answer rules.</summary>
    private async Task<(TaskScreen Screen, AnswerFacts Facts)> AnswerFactsAsync(SupervisionTask task, Assignment assignment, DispatchResponse response, DateTimeOffset now, CancellationToken ct)
    {
        var supervisor = await db.Supervisors.AsNoTracking().SingleAsync(s => s.Id == assignment.SupervisorId, ct);
        var screen = await facts.ScreenAsync(task, [supervisor.Id], ct);
        var dispatch = await facts.FactsAsync(screen, supervisor, assignment.Role == "internal" ? SupervisorKind.Internal : SupervisorKind.External, ct);
        var earlier = dispatch.History.Where(h => h.TaskId != task.Id.ToString()).ToList();
        return (screen, new AnswerFacts
        {
            Response = response, TaskState = States.ParseTask(task.Status), Dispatch = dispatch with { History = earlier },
            Answer = new DispatchAnswer(supervisor.Id.ToString(), dispatch.Candidate.Kind, JurisdictionCode.Parse(supervisor.Jurisdiction), ChinaTime.DateOf(now), response, earlier),
        });
    }
}
