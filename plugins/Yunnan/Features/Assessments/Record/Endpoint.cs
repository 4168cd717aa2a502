using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Assessments.Record;

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
            Id = Guid.CreateVersion7(),
            SupervisorId = req.SupervisorId,
            Jurisdiction = s.Jurisdiction.Value,
            Year = req.Year,
            Passed = req.Passed,
            AssessedOn = req.AssessedOn,
            Note = req.Note,
            RecordedBy = User.ActorId(),
            RecordedAt = DateTimeOffset.UtcNow,
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
