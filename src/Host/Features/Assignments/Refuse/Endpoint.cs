using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Draws;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Assignments.Refuse;

public sealed class Request
{
    /// <example>0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f</example>
    public Guid Id { get; set; }
    /// <summary>Why the supervisor refuses; required unless <see cref="WithoutReason"/>.</summary>
    /// <example>当日需参加另一场已委派的督导任务</example>
    public string? Reason { get; set; }
    /// <summary>无故拒绝 (refusal without reason): recorded, as it is a ground for dismissal (CN 第十七条) and counts for pack refusal limits.</summary>
    /// <example>false</example>
    public bool WithoutReason { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).When(r => !r.WithoutReason).WithMessage("a refusal with a reason needs 'reason' (1–500 characters), or set 'withoutReason'");
        RuleFor(r => r.Reason).Empty().When(r => r.WithoutReason).WithMessage("a refusal 'withoutReason' carries no 'reason'");
    }
}

/// <summary>The refused assignment and its substitute (an explicit null when nobody is left, with a notice saying so).</summary>
public sealed record Response(AssignmentDto Assignment, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AssignmentDto? Replacement, IReadOnlyList<ExclusionDto> Skipped, TextDto? Notice,
    IReadOnlyList<ConsequenceDto> Consequences);

/// <summary>What a pack's rule did because of this refusal (<c>yn.dispatch.refusal-limit</c>: qualification revoked, cards withdrawn).</summary>
public sealed record ConsequenceDto(string Action, ViolationDto Rule, IReadOnlyList<string> WithdrawnCards);

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess access, Substitution substitution, AuditLog audit, TimeProvider clock,
    IEnumerable<IDispatchAnswerRule> answerRules, ISupervisorActions actions) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/refusal");
        Roles(KernelRoles.Supervisor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("assignments.refuse").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("assignments");
        Summary(s => { s.Summary = "Refuse an assignment; the next substitute is invited"; s.Description = "督导员拒绝委派（说明理由，或登记为无故拒绝——无故拒绝是解聘情形，CN 第十七条，并计入政策包的拒绝次数规则）。按抽取排名依次递补下一名尚未委派、且经重新审查仍可委派、未被回避或政策包规则排除的替补；被跳过者连同规则编号一并返回。无替补可用时 replacement 为 null 并予说明。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (visible, denied) = await access.ForChangeAsync(User, req.Id, ct);
        if (denied is not null) { await Send.ResultAsync(denied); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (task, assignment) = await TaskLifecycle.LockAsync(db, visible!, ct);
        if (TaskLifecycle.Finished(task) is { } finished) { await Send.ResultAsync(finished); return; }
        if (assignment.Status != AssignmentStatuses.Invited) { await Send.ResultAsync(TaskLifecycle.WrongState(assignment, AssignmentStatuses.Invited)); return; }

        var now = clock.GetUtcNow();
        assignment.Status = AssignmentStatuses.Refused;
        assignment.RefusalReason = req.WithoutReason ? null : req.Reason;
        assignment.RefusedWithoutReason = req.WithoutReason;
        assignment.RespondedAt = now;
        var (replacement, skipped) = await substitution.ReplaceAsync(task, assignment, now, ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("assignment.refuse", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Rules: req.WithoutReason ? [NationalRules.DispatchRandom.Id, NationalRules.SupervisorDismissal.Id] : [NationalRules.DispatchRandom.Id],
            After: new { assignment.Id, assignment.SupervisorId, assignment.Status, assignment.RefusedWithoutReason, assignment.ReplacedById },
            Detail: req.WithoutReason ? "refused without reason (无故拒绝)" : "refused with a reason"), ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent(replacement is null ? "assignment.substitute-none" : "assignment.substitute",
            "assignment", (replacement ?? assignment).Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.DispatchRandom.Id, .. skipped.SelectMany(s => s.Rules).Distinct().Order(StringComparer.Ordinal)],
            After: replacement is null ? null : new { replacement.Id, replacement.SupervisorId, replacement.Rank, replacement.DrawId },
            Detail: $"replaces {assignment.Id}; skipped " + (skipped.Count == 0 ? "none" : string.Join(", ", skipped.Select(s => $"{s.Id} ({string.Join("/", s.Rules)})")))), ct);
        var consequences = await ConsequencesAsync(assignment, now, ct);
        await tx.CommitAsync(ct);

        var notice = replacement is not null ? null : assignment.DrawId is null
            ? new TextDto("该委派非抽取产生，无替补；请另行委派", "this assignment did not come from a draw: no substitute; assign someone manually")
            : new TextDto("抽取排名中已无可委派的替补；请重新抽取或另行委派", "no dispatchable substitute is left in the draw's ranking; redraw or assign manually");
        await Send.OkAsync(new Response(await access.DtoAsync(assignment.Id, ct), replacement is null ? null : await access.DtoAsync(replacement.Id, ct), skipped, notice, consequences), ct);
    }

    /// <summary>The packs' answer rules (YN 19: the third consecutive refusal revokes the qualification), applied in this transaction.</summary>
    private async Task<List<ConsequenceDto>> ConsequencesAsync(Data.Supervision.Assignment refused, DateTimeOffset now, CancellationToken ct)
    {
        var supervisor = await db.Supervisors.AsNoTracking().SingleAsync(s => s.Id == refused.SupervisorId, ct);
        var where = JurisdictionCode.Parse(supervisor.Jurisdiction);
        var today = ChinaTime.DateOf(now);
        var applicable = answerRules.Applicable(where, today).ToList();
        if (applicable.Count == 0) return [];
        var earlier = await (from a in db.Assignments.AsNoTracking()
                             join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                             where a.SupervisorId == refused.SupervisorId && a.Id != refused.Id && a.RespondedAt != null
                                   && (a.Status == AssignmentStatuses.Refused || a.Status == AssignmentStatuses.Accepted || a.Status == AssignmentStatuses.Completed)
                             orderby a.RespondedAt
                             select new { a.TaskId, t.InstitutionId, a.RespondedAt, a.Status }).ToListAsync(ct);
        var answer = new DispatchAnswer(supervisor.Id.ToString(), supervisor.Kind == "internal" ? SupervisorKind.Internal : SupervisorKind.External, where, today, DispatchResponse.Refused,
            [.. earlier.Select(e => new DispatchHistoryEntry(e.TaskId.ToString(), e.InstitutionId.ToString(), ChinaTime.DateOf(e.RespondedAt!.Value),
                e.Status == AssignmentStatuses.Refused ? DispatchResponse.Refused : DispatchResponse.Accepted))]);
        List<ConsequenceDto> done = [];
        foreach (var decision in applicable.Select(r => r.OnAnswer(answer)).OfType<LifecycleDecision>())
        {
            var outcome = await actions.RevokeQualificationAsync(decision.SupervisorId, today, decision.Violation, User, ct);
            if (outcome.Changed) done.Add(new ConsequenceDto("revoke-qualification", ViolationDto.From(decision.Violation), outcome.WithdrawnCards));
        }
        return done;
    }
}
