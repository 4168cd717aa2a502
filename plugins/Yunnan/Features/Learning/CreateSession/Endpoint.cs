using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.CreateSession;

/// <summary>An institution schedules a business-learning session for its internal supervisors (YN 17).</summary>
public sealed class Endpoint(YunnanDbContext db, ISupervisionDirectory directory, IPackAudit audit) : Endpoint<Request, SessionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/learning-sessions");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.learning-sessions.create").Produces<SessionDto>(201).ProducesProblem(400).ProducesProblem(403));
        Tags("yn");
        Summary(s => { s.Summary = "Schedule a learning session (YN 17)"; s.Description = "评价机构每年组织一次业务学习教育（第十七条，yn.learning.annual）：机构操作员为本机构安排；管理员和中心操作员在其云南辖区内为任一机构安排。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        Guid institution;
        JurisdictionCode where;
        if (User.IsInstitutionOperator())
        {
            if (User.Institution() is not { } own || (req.InstitutionId is { } asked && asked != own) || User.YunnanScope() is not { } scope)
            { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("机构操作员只能为本机构安排学习", "an institution operator schedules sessions for its own institution only"))); return; }
            (institution, where) = (own, req.Jurisdiction is null ? scope : JurisdictionCode.Parse(req.Jurisdiction));
        }
        else
        {
            if (req.InstitutionId is null) AddError(PackValidation.Failure("institutionId", "须填写 'institutionId'（评价机构）", "'institutionId' is required"));
            if (req.Jurisdiction is null) AddError(PackValidation.Failure("jurisdiction", "须填写 'jurisdiction'（辖区）", "'jurisdiction' is required"));
            ThrowIfAnyErrors();
            if (req.InstitutionId is not { } id || req.Jurisdiction is null) return;
            (institution, where) = (id, JurisdictionCode.Parse(req.Jurisdiction));
        }
        if (!User.CanAccess(where))
        { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText($"{where.Value} 不在调用者的云南辖区内", $"{where.Value} is outside the caller's part of Yunnan"))); return; }
        // The institution named must exist inside the session's jurisdiction (not one of another province: OWASP API1).
        if (await directory.FindInstitutionAsync(institution.ToString(), ct) is not { } facts || !where.Contains(facts.Jurisdiction))
        { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText($"机构 {institution} 不在 {where.Value} 内", $"institution {institution} is not in {where.Value}"))); return; }

        var session = new LearningSession
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institution,
            Jurisdiction = where.Value,
            Year = req.Year,
            HeldOn = req.HeldOn,
            Content = req.Content.Trim(),
            CreatedBy = User.ActorId(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.LearningSessions.Add(session);
        var dto = SessionDto.From(session, []);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.learning-session.create", "yn.learning-session", session.Id.ToString(), where,
            [YunnanRules.LearningAnnual.Id], After: dto, Detail: $"institution={institution} year={session.Year}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}
