using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Assessments.Record;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>The year assessed.</summary>
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>excellent (优秀) | passed (合格) | failed (不合格).</summary>
    /// <example>failed</example>
    public string Grade { get; set; } = string.Empty;
    /// <summary>Day of the assessment decision: in the year assessed or the year after, not after today.</summary>
    /// <example>2025-12-20</example>
    public DateOnly AssessedOn { get; set; }
    /// <summary>What the result rests on (考核依据); required for failed.</summary>
    /// <example>全年两次未按期报送督导记录，评价机构反馈未全程在岗</example>
    public string? Grounds { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2099).WithMessage("'year' must be between 2000 and 2099");
        RuleFor(r => r.Grade).Must(g => AssessmentGrades.Parse(g) is not null).WithMessage("'grade' must be excellent, passed or failed");
        RuleFor(r => r.AssessedOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("'assessedOn' must be a day from 2000-01-01 to 2100-12-31");
        RuleFor(r => r.Grounds).MaximumLength(2000);
    }
}

/// <summary>What a pack's reading of the assessment did (YN 22: a failure revokes the qualification).</summary>
/// <param name="Action" example="revoke-qualification">What followed.</param>
/// <param name="Rule">The rule and reason.</param>
/// <param name="Changed" example="true">False when a standing removal already covered it.</param>
/// <param name="WithdrawnCards">Cards withdrawn.</param>
/// <param name="Barred" example="true">True when a registry bar (YN 23 blacklist) was recorded.</param>
public sealed record AssessmentConsequenceDto(string Action, ViolationDto Rule, bool Changed, IReadOnlyList<string> WithdrawnCards, bool Barred);

/// <summary>The recorded assessment, what followed from it, and the terms a non-renewal may now be recorded on.</summary>
/// <param name="Assessment">The record.</param>
/// <param name="Consequences">What the packs' readings did (YN 22 revokes on a failure).</param>
/// <param name="NonRenewalOpenFor">For a failure: the appointments (terms) in force on the assessment day that the appointing body may now decide not to renew (CN 11, <c>…/appointments/{appointmentId}/non-renewal</c> with this <c>assessmentId</c>).</param>
public sealed record Response(AssessmentDto Assessment, IReadOnlyList<AssessmentConsequenceDto> Consequences, IReadOnlyList<Guid> NonRenewalOpenFor);

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IAssessmentConsequenceRule> readings, ISupervisorActions actions) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/assessments");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.assessments.record").Produces<Response>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Record a supervisor's annual assessment (CN 11)";
            s.Description = "年度考核（第十一条“实施考核制度，建立考核档案”，cn.assessment.record）：每人每年度一次（重复409），结果为优秀、合格或不合格，在考核年度或次年作出、不晚于今天，不合格须记录依据；只考核该年度有聘任或有效证卡的督导员。" +
                            "不合格不自动拒绝续聘：响应列出可据此登记不予续聘的聘期（non-renewal，带 assessmentId）。政策包的解读随之执行并在 consequences 中列出（云南第二十二条：不合格取消督导资格并列入黑名单）。机构操作员只能考核本机构的内督。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        var grade = AssessmentGrades.Parse(req.Grade)!.Value;
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var (first, last) = (new DateOnly(req.Year, 1, 1), new DateOnly(req.Year, 12, 31));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SupervisorAssessments.AnyAsync(a => a.SupervisorId == supervisor.Id && a.Year == req.Year, ct)) { await ConflictAsync(req.Year); return; }
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.SupervisorId == supervisor.Id).ToListAsync(ct);
        var served = appointments.Any(a => a.Start <= last && (a.TerminatedOn is { } t && t <= a.End ? t.AddDays(-1) : a.End) >= first)
            || await db.Cards.AnyAsync(c => c.SupervisorId == supervisor.Id && c.IssuedOn <= last && c.ValidUntil >= first && (c.WithdrawnOn == null || c.WithdrawnOn > first), ct);
        var decision = SupervisorFileDecisions.Assess(new AssessmentFacts(req.Year, req.AssessedOn, grade, req.Grounds, today, served));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        var assessment = new SupervisorAssessment
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Year = req.Year, Grade = grade.Key(), Passed = grade.IsPass(), AssessedOn = req.AssessedOn,
            Grounds = string.IsNullOrWhiteSpace(req.Grounds) ? null : req.Grounds.Trim(), AssessedBy = User.ActorId(), Rules = [.. decision.Transition.Rules], CreatedAt = clock.GetUtcNow(),
        };
        db.SupervisorAssessments.Add(assessment);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation()) { await ConflictAsync(req.Year); return; }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.assessment.record", "supervisor-assessment", assessment.Id.ToString(), supervisor.Jurisdiction,
            Rules: assessment.Rules, After: new { assessment.SupervisorId, assessment.Year, assessment.Grade, assessment.Passed, assessment.AssessedOn }), ct);

        // The packs' readings of the national record (YN 22), in the same transaction.
        var where = JurisdictionCode.Parse(supervisor.Jurisdiction);
        var kind = supervisor.Kind == "internal" ? SupervisorKind.Internal : SupervisorKind.External;
        var outcome = new AssessmentOutcome(supervisor.Id.ToString(), kind, where, req.Year, req.AssessedOn, grade);
        List<AssessmentConsequenceDto> consequences = [];
        foreach (var reading in readings.Applicable(where, req.AssessedOn))
        {
            if (reading.OnAssessment(outcome) is not { Action: LifecycleAction.RevokeQualification } followed) continue;
            var revoked = await actions.RevokeQualificationAsync(supervisor.Id.ToString(), req.AssessedOn, followed.Violation, User, ct);
            consequences.Add(new AssessmentConsequenceDto("revoke-qualification", ViolationDto.From(followed.Violation), revoked.Changed, revoked.WithdrawnCards, revoked.Bars.Count > 0));
        }
        await tx.CommitAsync(ct);

        List<Guid> open = grade == AssessmentGrade.Failed
            ? [.. appointments.Where(a => a.NotRenewedOn is null && a.Start <= req.AssessedOn && a.End >= req.AssessedOn).Select(a => a.Id)]
            : [];
        await Send.ResponseAsync(new Response(AssessmentDto.From(assessment), consequences, open), 201, ct);
    }

    private Task<FastEndpoints.Void> ConflictAsync(int year) =>
        Send.ResultAsync(Problems.Conflict(new LocalizedText($"该督导员{year}年度的考核已登记", $"The {year} assessment of this supervisor is already recorded")));
}
