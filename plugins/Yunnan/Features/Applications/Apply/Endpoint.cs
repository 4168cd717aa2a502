using AccessRoles = SupervisionCore.Kernel.Access.Roles;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Plugins.Yunnan.Data.Applications;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Applications.Apply;

public sealed class Request
{
    /// <summary>The applicant, registered as a supervisor in 53.</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid SupervisorId { get; set; }
    /// <summary>Day of the application (not after today).</summary>
    /// <example>2025-03-01</example>
    public DateOnly AppliedOn { get; set; }
    /// <summary>申请理由: how the conditions of YN 6 are met.</summary>
    /// <example>从事职业技能等级认定管理工作5年，熟悉认定政策和技术方法</example>
    public string Statement { get; set; } = string.Empty;
    /// <summary>所在单位 (the employer who will recommend).</summary>
    /// <example>云南机电职业技术学院</example>
    public string? Employer { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.SupervisorId).NotEmpty();
        RuleFor(r => r.AppliedOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("'appliedOn' 应为 2000-01-01 至 2100-12-31 之间的日期", "'appliedOn' must be a day from 2000-01-01 to 2100-12-31");
        RuleFor(r => r.Statement).MaximumLength(2000);
        RuleFor(r => r.Employer).MaximumLength(200);
    }
}

/// <summary>本人提出申请 (YN 13): the first step of a qualification application.</summary>
public sealed class Endpoint(ApplicationsDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, ApplicationDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/applications");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator, AccessRoles.Supervisor);
        Description(b => b.WithName("yn.applications.apply").Produces<ApplicationDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s =>
        {
            s.Summary = "Apply for the supervisor qualification (YN 13)";
            s.Description = "资格申报第一步（第十三条“由本人提出申请”，yn.application）：已登记的督导员本人（或代其登记的工作人员、本机构内督的机构操作员）说明符合第六条任职条件的情况；日期不晚于今天。" +
                            "同一人已有未结或已同意的申请时409。随后由所在单位推荐（recommendation）、委派机构审核（review）；云南的首次聘任须有审核同意的申请。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var s = await directory.FindSupervisorAsync(req.SupervisorId.ToString(), ct);
        if (s is null || !User.Sees(s) || !(User.ActsFor(s) || User.OwnSupervisor() == req.SupervisorId))
        { await Send.ResultAsync(PackProblems.NotFound($"supervisor {req.SupervisorId} in the caller's part of Yunnan")); return; }
        if (await db.Applications.AnyAsync(a => a.SupervisorId == req.SupervisorId && (a.State == "applied" || a.State == "recommended" || a.State == "approved"), ct))
        { await Send.ResultAsync(PackProblems.Conflict(new LocalizedText("该督导员已有未结或已同意的资格申报", "This supervisor already has an open or approved application"))); return; }
        var decision = ApplicationWorkflow.Apply(new ApplicationStepFacts(null, null, req.AppliedOn, ChinaTime.DateOf(clock.GetUtcNow()), req.Statement));
        if (!decision.Allowed) { await Send.ResultAsync(PackProblems.Violations(decision.Violations)); return; }

        var application = new QualificationApplication
        {
            Id = Guid.CreateVersion7(), SupervisorId = req.SupervisorId, Jurisdiction = s.Jurisdiction.Value, Kind = s.Kind == SupervisorKind.Internal ? "internal" : "external",
            InstitutionId = Guid.TryParse(s.InstitutionId, out var inst) ? inst : null, State = decision.Transition.State.Key(), AppliedOn = req.AppliedOn,
            Statement = req.Statement.Trim(), Employer = req.Employer?.Trim(), CreatedBy = User.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        db.Applications.Add(application);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.application.apply", "yn.application", application.Id.ToString(), s.Jurisdiction, [YunnanRules.Application.Id],
            After: new { application.SupervisorId, application.State, application.AppliedOn }), User, ct);
        await Send.ResponseAsync(ApplicationDto.From(application), StatusCodes.Status201Created, ct);
    }
}
