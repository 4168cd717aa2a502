using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Assessments;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid SupervisorId { get; set; }
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>合格 (true) or 不合格 (false).</summary>
    /// <example>true</example>
    public bool Passed { get; set; }
    /// <summary>China day of the assessment decision; in <see cref="Year"/> or the first quarter after it.</summary>
    /// <example>2025-12-20</example>
    public DateOnly AssessedOn { get; set; }
    /// <example>年度考核合格</example>
    public string? Note { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.SupervisorId).NotEmpty();
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' must be between 2000 and 2100");
        RuleFor(r => r.AssessedOn).Must((r, d) => d.Year == r.Year || d.Year == r.Year + 1).WithMessage("'assessedOn' must fall in 'year' or the year after");
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}

/// <summary>The recorded assessment and what followed from it.</summary>
/// <param name="Id" example="0193a5c7-6d43-7e5f-b071-8c9d0e1f2a3b">Assessment id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="Year" example="2025">Year assessed.</param>
/// <param name="Passed" example="true">合格.</param>
/// <param name="AssessedOn" example="2025-12-20">Day of the decision.</param>
/// <param name="Consequences">What followed (a failed assessment may revoke the qualification).</param>
public sealed record Response(Guid Id, Guid SupervisorId, int Year, bool Passed, DateOnly AssessedOn, IReadOnlyList<ConsequenceDto> Consequences);

/// <summary>Records an annual assessment result (YN 22); a failed one revokes the qualification at once (and blacklists, YN 23).</summary>
public sealed class Endpoint(YunnanDbContext db, ISupervisionDirectory directory, ISupervisorActions actions, IPackAudit audit, AnnualAssessmentRule rule) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/assessments");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.assessments.record").Produces<Response>(201).ProducesProblem(404).ProducesProblem(409));
        Tags("yn");
        Summary(s => { s.Summary = "Record an annual assessment (YN 22)"; s.Description = "登记质量督导人员年度考核评估结果（第二十二条，yn.assessment.annual）：不合格的当即取消督导资格——撤回证卡、解除聘任、列入失信黑名单（第二十三条），结果在 consequences 中列出并记入审计日志。同一人同一年度只登记一次（409）。机构操作员只能登记本机构的内督。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var s = await directory.FindSupervisorAsync(req.SupervisorId.ToString(), ct);
        if (s is null || !User.CanAccess(s.Jurisdiction) || (User.IsInstitutionOperator() && s.InstitutionId != User.Institution()?.ToString()))
        { await Send.ResultAsync(PackProblems.NotFound($"supervisor {req.SupervisorId} in the caller's part of Yunnan")); return; }
        if (await db.AnnualAssessments.AnyAsync(a => a.SupervisorId == req.SupervisorId && a.Year == req.Year, ct))
        { await Send.ResultAsync(PackProblems.Conflict(new LocalizedText($"该督导员{req.Year}年度考核已登记", $"the {req.Year} assessment of this supervisor is already recorded"))); return; }

        var assessment = new AnnualAssessment
        {
            Id = Guid.CreateVersion7(), SupervisorId = req.SupervisorId, Jurisdiction = s.Jurisdiction.Value, Year = req.Year, Passed = req.Passed, AssessedOn = req.AssessedOn,
            Note = req.Note, RecordedBy = User.ActorId(), RecordedAt = DateTimeOffset.UtcNow,
        };
        db.AnnualAssessments.Add(assessment);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.assessment.record", "yn.assessment", assessment.Id.ToString(), s.Jurisdiction,
            [YunnanRules.AssessmentAnnual.Id], After: new { assessment.SupervisorId, assessment.Year, assessment.Passed, assessment.AssessedOn, assessment.Note },
            Detail: $"supervisor={s.Id} year={req.Year} passed={(req.Passed ? "yes" : "no")}"), User, ct);

        var events = await db.AnnualAssessments.AsNoTracking().Where(a => a.SupervisorId == req.SupervisorId && a.Year == req.Year)
            .Select(a => new LifecycleEvent(LifecycleEventKinds.AnnualAssessment, a.AssessedOn.Year == req.Year ? a.AssessedOn : new DateOnly(req.Year, 12, 31), a.Passed)).ToListAsync(ct);
        List<ConsequenceDto> consequences = [];
        if (rule.Concerns(s.Kind) && rule.CloseYear(req.Year, new LifecycleSubject(s.Id, s.Kind, events)) is { } decision)
        {
            var outcome = await actions.RevokeQualificationAsync(s.Id, req.AssessedOn, decision.Violation, User, ct);
            consequences.Add(new ConsequenceDto(s.Id, "revoke-qualification", ViolationDto.From(decision.Violation), outcome.Changed, outcome.WithdrawnCards, outcome.Bars.Count > 0));
        }
        await Send.ResponseAsync(new Response(assessment.Id, assessment.SupervisorId, assessment.Year, assessment.Passed, assessment.AssessedOn, consequences), 201, ct);
    }
}
