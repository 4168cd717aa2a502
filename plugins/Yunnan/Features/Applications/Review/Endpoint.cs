using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Plugins.Yunnan.Data.Applications;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Applications.Review;

public sealed class Request
{
    /// <summary>The application.</summary>
    /// <example>0193a5ca-0000-7000-8000-000000000001</example>
    public Guid Id { get; set; }
    /// <summary>Day of the review (on or after the recommendation, not after today).</summary>
    /// <example>2025-03-20</example>
    public DateOnly On { get; set; }
    /// <summary>approve | reject.</summary>
    /// <example>approve</example>
    public string Decision { get; set; } = string.Empty;
    /// <summary>审核意见 (required to reject).</summary>
    /// <example>符合第六条任职条件，同意</example>
    public string? Note { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.On).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("'on' 应为 2000-01-01 至 2100-12-31 之间的日期", "'on' must be a day from 2000-01-01 to 2100-12-31");
        RuleFor(r => r.Decision).Must(d => d is "approve" or "reject").WithMessage("'decision' 应为 approve（同意）或 reject（不同意）", "'decision' must be approve or reject");
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}

/// <summary>审核 (YN 13): the appointing body approves or rejects a recommended application.</summary>
public sealed class Endpoint(ApplicationsDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, ApplicationDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/applications/{id}/review");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.applications.review").Produces<ApplicationDto>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Approve or reject a recommended application (YN 13)"; s.Description = "资格申报第三步（审核，yn.application）：只能审核已经所在单位推荐的申请（未推荐的422），同意或不同意（不同意须说明理由）；外督由省鉴定中心/辖区工作人员审核，内督由其评价机构审核。审核同意后方可首次聘任（云南）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await ApplicationStep.LoadAsync(db, directory, User, req.Id, acting: true, ct) is not var (application, s))
        { await Send.ResultAsync(PackProblems.NotFound($"application {req.Id} in the caller's part of Yunnan")); return; }
        var choice = req.Decision == "approve" ? ReviewDecision.Approve : ReviewDecision.Reject;
        var decision = ApplicationWorkflow.Review(new ApplicationStepFacts(Applications.StateOf(application), application.RecommendedOn ?? application.AppliedOn, req.On,
            ChinaTime.DateOf(clock.GetUtcNow()), req.Note, choice));
        if (!decision.Allowed) { await Send.ResultAsync(PackProblems.Violations(decision.Violations)); return; }
        (application.State, application.ReviewedOn, application.Decision, application.ReviewNote, application.ReviewedBy) =
            (decision.Transition.State.Key(), req.On, req.Decision, req.Note?.Trim(), User.ActorId());
        try
        {
            await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.application.review", "yn.application", application.Id.ToString(), s.Jurisdiction, [YunnanRules.Application.Id],
                After: new { application.State, application.ReviewedOn, application.Decision }), User, ct);
        }
        catch (DbUpdateConcurrencyException)
        { await Send.ResultAsync(PackProblems.Conflict(new LocalizedText("申请已被同时处理，请刷新后重试", "The application was changed concurrently: reload and retry"))); return; }
        await Send.OkAsync(ApplicationDto.From(application), ct);
    }
}
