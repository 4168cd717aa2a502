using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Draws;
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

public sealed class Endpoint(AssignmentAccess access, AssignmentActs acts) : Endpoint<Request, Response>
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
        var answered = await acts.RefuseAsync(visible!, req.Reason, req.WithoutReason, User, ct);
        if (answered.Problem is not null) { await Send.ResultAsync(answered.Problem); return; }
        var (assignment, replacement) = (answered.Assignment!, answered.Replacement);
        var notice = replacement is not null ? null : assignment.DrawId is null
            ? new TextDto("该委派非抽取产生，无替补；请另行委派", "this assignment did not come from a draw: no substitute; assign someone manually")
            : new TextDto("抽取排名中已无可委派的替补；请重新抽取或另行委派", "no dispatchable substitute is left in the draw's ranking; redraw or assign manually");
        var consequences = answered.Consequences!.Where(c => c.Done.Changed)
            .Select(c => new ConsequenceDto("revoke-qualification", ViolationDto.From(c.Decision.Violation), c.Done.WithdrawnCards)).ToList();
        await Send.OkAsync(new Response(await access.DtoAsync(assignment.Id, ct), replacement is null ? null : await access.DtoAsync(replacement.Id, ct), answered.Skipped!, notice, consequences), ct);
    }
}
