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

namespace SupervisionCore.Plugins.Yunnan.Features.Applications.Recommend;

public sealed class Request
{
    /// <summary>The application.</summary>
    /// <example>0193a5ca-0000-7000-8000-000000000001</example>
    public Guid Id { get; set; }
    /// <summary>Day of the recommendation (on or after the application, not after today).</summary>
    /// <example>2025-03-05</example>
    public DateOnly On { get; set; }
    /// <summary>推荐意见.</summary>
    /// <example>该同志符合任职条件，同意推荐</example>
    public string Opinion { get; set; } = string.Empty;
    /// <summary>所在单位 (the recommending employer), when not named on the application.</summary>
    /// <example>云南机电职业技术学院</example>
    public string? Employer { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.On).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("'on' 应为 2000-01-01 至 2100-12-31 之间的日期", "'on' must be a day from 2000-01-01 to 2100-12-31");
        RuleFor(r => r.Opinion).MaximumLength(2000);
        RuleFor(r => r.Employer).MaximumLength(200);
    }
}

/// <summary>经所在单位推荐 (YN 13).</summary>
public sealed class Endpoint(ApplicationsDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, ApplicationDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/applications/{id}/recommendation");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.applications.recommend").Produces<ApplicationDto>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "The employer recommends an application (YN 13)"; s.Description = "资格申报第二步（第十三条“经所在单位推荐”，yn.application）：填写推荐意见；只能推荐已提出、尚未推荐的申请，日期不早于申请日、不晚于今天。内督由本机构操作员推荐，外督由辖区工作人员登记所在单位的推荐。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await ApplicationStep.LoadAsync(db, directory, User, req.Id, acting: true, ct) is not var (application, s))
        { await Send.ResultAsync(PackProblems.NotFound($"application {req.Id} in the caller's part of Yunnan")); return; }
        var decision = ApplicationWorkflow.Recommend(new ApplicationStepFacts(Applications.StateOf(application), application.AppliedOn, req.On, ChinaTime.DateOf(clock.GetUtcNow()), req.Opinion));
        if (!decision.Allowed) { await Send.ResultAsync(PackProblems.Violations(decision.Violations)); return; }
        (application.State, application.RecommendedOn, application.Recommendation, application.RecommendedBy) = (decision.Transition.State.Key(), req.On, req.Opinion.Trim(), User.ActorId());
        if (!string.IsNullOrWhiteSpace(req.Employer)) application.Employer = req.Employer.Trim();
        try
        {
            await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.application.recommend", "yn.application", application.Id.ToString(), s.Jurisdiction, [YunnanRules.Application.Id],
                After: new { application.State, application.RecommendedOn }), User, ct);
        }
        catch (DbUpdateConcurrencyException)
        { await Send.ResultAsync(PackProblems.Conflict(new LocalizedText("申请已被同时处理，请刷新后重试", "The application was changed concurrently: reload and retry"))); return; }
        await Send.OkAsync(ApplicationDto.From(application), ct);
    }
}
