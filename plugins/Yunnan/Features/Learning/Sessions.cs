using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning;

/// <summary>A learning session with its recorded results.</summary>
/// <param name="Id" example="0193a5c7-5c32-7d4e-af60-7b8c9d0e1f2a">Session id.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution holding it.</param>
/// <param name="Jurisdiction" example="53">Jurisdiction.</param>
/// <param name="Year" example="2025">Learning year.</param>
/// <param name="HeldOn" example="2025-06-01">Day held.</param>
/// <param name="Content" example="《云南省职业技能等级认定质量督导工作规程》解读及督导报告填写规范">What was taught.</param>
/// <param name="Results">Recorded results.</param>
public sealed record SessionDto(Guid Id, Guid InstitutionId, string Jurisdiction, int Year, DateOnly HeldOn, string Content, IReadOnlyList<ResultDto> Results)
{
    public static SessionDto From(LearningSession s, IEnumerable<LearningResult> results) =>
        new(s.Id, s.InstitutionId, s.Jurisdiction, s.Year, s.HeldOn, s.Content,
            [.. results.OrderBy(r => r.SupervisorId).Select(r => new ResultDto(r.SupervisorId, r.Attended, r.Passed))]);
}

/// <summary>Attendance and result of one internal supervisor.</summary>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The internal supervisor.</param>
/// <param name="Attended" example="true">Attended.</param>
/// <param name="Passed" example="true">合格 (true) or 不合格 (false); null when absent.</param>
public sealed record ResultDto(Guid SupervisorId, bool Attended, bool? Passed);

/// <summary>Visibility of sessions: institution operators see their own institution's, others their part of Yunnan.</summary>
public static class SessionAccess
{
    public static async Task<LearningSession?> VisibleAsync(YunnanDbContext db, System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await db.LearningSessions.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !user.CanAccess(JurisdictionCode.Parse(s.Jurisdiction))) return null;
        if (user.IsInstitutionOperator() && user.Institution() != s.InstitutionId) return null;
        return s;
    }
}

public sealed class CreateSessionRequest
{
    /// <summary>The institution holding the session (institution operators: omitted or their own).</summary>
    /// <example>0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>The institution's jurisdiction inside 53 (institution operators: omitted, their own).</summary>
    /// <example>53</example>
    public string? Jurisdiction { get; set; }
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>China calendar day of the session, in <see cref="Year"/>.</summary>
    /// <example>2025-06-01</example>
    public DateOnly HeldOn { get; set; }
    /// <summary>What was taught (学习教育内容).</summary>
    /// <example>《云南省职业技能等级认定质量督导工作规程》解读及督导报告填写规范</example>
    public string Content { get; set; } = string.Empty;
}

public sealed class CreateSessionValidator : Validator<CreateSessionRequest>
{
    public CreateSessionValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' must be between 2000 and 2100");
        RuleFor(r => r.HeldOn).Must((r, d) => d.Year == r.Year).WithMessage("'heldOn' must fall in 'year'");
        RuleFor(r => r.Content).NotEmpty().MaximumLength(2000).WithMessage("'content' must be 1–2000 characters");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).When(r => r.Jurisdiction is not null).WithMessage("'jurisdiction' must be a code such as 53");
    }
}

/// <summary>An institution schedules a business-learning session for its internal supervisors (YN 17).</summary>
public sealed class CreateSessionEndpoint(YunnanDbContext db, ISupervisionDirectory directory, IPackAudit audit) : Endpoint<CreateSessionRequest, SessionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/learning-sessions");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.learning-sessions.create").Produces<SessionDto>(201).ProducesProblem(400).ProducesProblem(403));
        Tags("yn");
        Summary(s => { s.Summary = "Schedule a learning session (YN 17)"; s.Description = "评价机构每年组织一次业务学习教育（第十七条，yn.learning.annual）：机构操作员为本机构安排；管理员和中心操作员在其云南辖区内为任一机构安排。"; });
    }

    public override async Task HandleAsync(CreateSessionRequest req, CancellationToken ct)
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
            if (req.InstitutionId is not { } id || req.Jurisdiction is null) { ThrowError("'institutionId' and 'jurisdiction' are required"); return; }
            (institution, where) = (id, JurisdictionCode.Parse(req.Jurisdiction));
        }
        if (!User.CanAccess(where))
        { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText($"{where.Value} 不在调用者的云南辖区内", $"{where.Value} is outside the caller's part of Yunnan"))); return; }
        // The institution named must exist inside the session's jurisdiction (not one of another province: OWASP API1).
        if (await directory.FindInstitutionAsync(institution.ToString(), ct) is not { } facts || !where.Contains(facts.Jurisdiction))
        { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText($"机构 {institution} 不在 {where.Value} 内", $"institution {institution} is not in {where.Value}"))); return; }

        var session = new LearningSession
        {
            Id = Guid.CreateVersion7(), InstitutionId = institution, Jurisdiction = where.Value, Year = req.Year, HeldOn = req.HeldOn, Content = req.Content.Trim(),
            CreatedBy = User.ActorId(), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.LearningSessions.Add(session);
        var dto = SessionDto.From(session, []);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.learning-session.create", "yn.learning-session", session.Id.ToString(), where,
            [YunnanRules.LearningAnnual.Id], After: dto, Detail: $"institution={institution} year={session.Year}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}

public sealed class GetSessionRequest
{
    public Guid Id { get; set; }
}

/// <summary>A session with its attendance and results.</summary>
public sealed class GetSessionEndpoint(YunnanDbContext db) : Endpoint<GetSessionRequest, SessionDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/learning-sessions/{id}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator, AccessRoles.Auditor);
        Description(b => b.WithName("yn.learning-sessions.get").Produces<SessionDto>(200).ProducesProblem(404));
        Tags("yn");
        Summary(s => { s.Summary = "A learning session and its results (YN 17)"; s.Description = "业务学习教育及每名内督的参加情况和结果。"; });
    }

    public override async Task HandleAsync(GetSessionRequest req, CancellationToken ct)
    {
        if (await SessionAccess.VisibleAsync(db, User, req.Id, ct) is not { } s) { await Send.ResultAsync(PackProblems.NotFound($"learning session {req.Id}")); return; }
        var results = await db.LearningResults.AsNoTracking().Where(r => r.SessionId == s.Id).ToListAsync(ct);
        await Send.OkAsync(SessionDto.From(s, results), ct);
    }
}

public sealed class RecordResultRequest
{
    /// <example>0193a5c7-5c32-7d4e-af60-7b8c9d0e1f2a</example>
    public Guid Id { get; set; }
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid SupervisorId { get; set; }
    /// <summary>Attended the session (参加).</summary>
    /// <example>true</example>
    public bool Attended { get; set; }
    /// <summary>Result when attended: true 合格, false 不合格; omitted when absent.</summary>
    /// <example>true</example>
    public bool? Passed { get; set; }
}

public sealed class RecordResultValidator : Validator<RecordResultRequest>
{
    public RecordResultValidator()
    {
        RuleFor(r => r.Passed).NotNull().When(r => r.Attended).WithMessage("an attended session needs 'passed' (true or false)");
        RuleFor(r => r.Passed).Null().When(r => !r.Attended).WithMessage("an absent supervisor has no 'passed'");
    }
}

/// <summary>Records attendance and result of one internal supervisor of the session's institution (YN 17).</summary>
public sealed class RecordResultEndpoint(YunnanDbContext db, ISupervisionDirectory directory, IPackAudit audit) : Endpoint<RecordResultRequest, ResultDto>
{
    public override void Configure()
    {
        Put("/api/v1/regions/yn/learning-sessions/{id}/results/{supervisorId}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.learning-sessions.record-result").Produces<ResultDto>(200).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Record a supervisor's attendance and result (YN 17)"; s.Description = "登记内督参加业务学习教育的情况和结果（合格/不合格/未参加）；只能登记该机构的内部督导员；年度已结束（已关闭）后不能更改（409）。"; });
    }

    public override async Task HandleAsync(RecordResultRequest req, CancellationToken ct)
    {
        if (await SessionAccess.VisibleAsync(db, User, req.Id, ct) is not { } s) { await Send.ResultAsync(PackProblems.NotFound($"learning session {req.Id}")); return; }
        var supervisor = await directory.FindSupervisorAsync(req.SupervisorId.ToString(), ct);
        var closed = await LearningYearCloser.ClosedAsync(db, s.Year, JurisdictionCode.Parse(s.Jurisdiction), ct) is not null;
        var facts = new LearningResultFacts(supervisor?.Kind, supervisor?.InstitutionId, s.InstitutionId.ToString(), closed, req.Attended, req.Passed);
        var decision = LearningYear.DecideResult(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(facts.OfSessionInstitution
                ? PackProblems.Conflict(new LocalizedText($"{s.Year}年度业务学习已关闭，不能更改", $"the learning year {s.Year} is closed; results cannot change"), decision.Violations)
                : PackProblems.Violations(decision.Violations));
            return;
        }
        var result = await db.LearningResults.SingleOrDefaultAsync(r => r.SessionId == s.Id && r.SupervisorId == req.SupervisorId, ct);
        var before = result is null ? null : new ResultDto(result.SupervisorId, result.Attended, result.Passed);
        if (result is null) db.LearningResults.Add(result = new LearningResult { SessionId = s.Id, SupervisorId = req.SupervisorId });
        (result.Attended, result.Passed, result.RecordedBy, result.RecordedAt) = (decision.Transition.Attended, decision.Transition.Passed, User.ActorId(), DateTimeOffset.UtcNow);
        var after = new ResultDto(result.SupervisorId, result.Attended, result.Passed);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.learning-result.record", "yn.learning-result", $"{s.Id}/{req.SupervisorId}", JurisdictionCode.Parse(s.Jurisdiction),
            [YunnanRules.LearningAnnual.Id], before, after, $"session={s.Id} attended={(req.Attended ? "yes" : "no")} passed={req.Passed switch { true => "yes", false => "no", null => "-" }}"), User, ct);
        await Send.OkAsync(after, ct);
    }
}
