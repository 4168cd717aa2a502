using FastEndpoints;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Sanctions;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Appointments.Create;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>External: the appointing authority id (inside the caller's subtree, covering the supervisor's jurisdiction). Internal: the supervisor's institution (may be omitted).</summary>
    /// <example>44</example>
    public string? AppointedBy { get; set; }
    /// <summary>First day of the term.</summary>
    /// <example>2025-06-01</example>
    public DateOnly Start { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.AppointedBy).MaximumLength(64);
        RuleFor(r => r.Start).NotEmpty().InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31)).WithMessage("'start' must be a day from 2000-01-01 to 2099-12-31");
    }
}

/// <summary>One term; status (active | expired | terminated | not-started) derived from the dates for today, China time.</summary>
/// <param name="Id" example="0193a5c4-7f55-7a2b-b1c3-d4e5f6a7b8c9">Appointment id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="AppointedBy" example="44">Appointing authority (or institution) id.</param>
/// <param name="TermNumber" example="1">Term number.</param>
/// <param name="Start" example="2025-06-01">First day.</param>
/// <param name="End" example="2028-05-31">Last day.</param>
/// <param name="Status" example="active">not-started | active | expired | terminated.</param>
/// <param name="TerminatedOn" example="null">Day the term was ended early.</param>
/// <param name="TerminationReason" example="null">Why it ended early.</param>
/// <param name="NotRenewedOn" example="null">Day the appointing body decided not to renew the term after a failed assessment (CN 11).</param>
/// <param name="CreatedAt" example="2025-06-01T09:30:00+08:00">Created.</param>
/// <param name="NonRenewalAssessmentId" example="null">The failed annual assessment the non-renewal rests on, when named.</param>
public sealed record AppointmentDto(
    Guid Id, Guid SupervisorId, string AppointedBy, int TermNumber, DateOnly Start, DateOnly End, string Status,
    DateOnly? TerminatedOn, string? TerminationReason, DateOnly? NotRenewedOn, DateTimeOffset CreatedAt, Guid? NonRenewalAssessmentId = null)
{
    internal static AppointmentDto From(Appointment a, DateOnly today) => new(
        a.Id, a.SupervisorId, a.AppointedBy, a.TermNumber, a.Start, a.End, AppointmentStatusText.Of(a, today), a.TerminatedOn, a.TerminationReason, a.NotRenewedOn, a.CreatedAt,
        a.NonRenewalAssessmentId);
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IEligibilityRule> packEligibility,
    IEnumerable<IAppointmentPrecondition> packPreconditions, IParameterSource parameters) : Endpoint<Request, AppointmentDto>
{
    private static readonly AppointmentPolicy Terms = new();

    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/appointments");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.appointments.create").Produces<AppointmentDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Appoint or renew a supervisor for a 3-year term (ends on the day before the same date three years later)";
            s.Description = "聘任或续聘（第八条）：聘期3年，自开始日起至三年后同月同日的前一日届满（含），届满自动解聘；2月29日开始的聘期至三年后2月28日届满。续聘为同一委派机构的下一届，须在上一聘期届满后开始，不得重叠；最多三届（第4届拒绝）；委派机构已因考核不合格决定上一聘期不予续聘的，不予续聘（第十一条“视情况”：由委派机构决定并登记，见 non-renewal）；未确认第六条五项条件的不予聘任。所有违反的规则在一个 422 中返回。外督由人社部门委派机构聘任，内督由所在评价机构聘任。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        var appointedBy = await AppointingBodyAsync(supervisor, req.AppointedBy, ct);

        var earlier = await db.Appointments.AsNoTracking().Where(a => a.SupervisorId == supervisor.Id && a.AppointedBy == appointedBy).ToListAsync(ct);
        var assessments = await Assessments.AssessmentHistory.ResultsAsync(db, supervisor.Id, ct);
        var outcome = Terms.Check(new AppointmentRequest
        {
            Start = req.Start,
            EarlierTerms = [.. earlier.Select(a => new AppointmentTerm(a.Start, a.TerminatedOn))],
            Assessments = assessments,
            NonRenewals = [.. earlier.Where(a => a.NotRenewedOn is not null).Select(a => new NonRenewalDecision(a.Start, a.NotRenewedOn!.Value))],
            Conditions = new ConditionsDto(supervisor.PoliticalCommitment, supervisor.PolicyKnowledge, supervisor.Integrity, supervisor.OrganisingAndExpression, supervisor.Health).ToKernel(),
        });
        // Packs' appointment conditions in force in the supervisor's jurisdiction on the start day (GD 6(五), BJ 10(五), YN 6(三)).
        var packRules = packEligibility.BindTo(await parameters.CurrentAsync(ct)).Applicable(JurisdictionCode.Parse(supervisor.Jurisdiction), req.Start)
            .Where(r => r.Stages.HasFlag(EligibilityStages.Appointment)).ToList();
        var candidate = Draws.DispatchPool.CandidateOf(supervisor);
        outcome = RuleOutcome.All([outcome, .. packRules.Select(r => r.Check(new EligibilityContext(candidate, EligibilityStages.Appointment, req.Start)))]);
        // Packs' preconditions on their own records (YN 13: an approved qualification application before a first appointment).
        var where = JurisdictionCode.Parse(supervisor.Jurisdiction);
        var preconditions = packPreconditions.Applicable(where, req.Start).ToList();
        var appointing = new AppointmentCandidate(supervisor.Id.ToString(), supervisor.Kind == "internal" ? SupervisorKind.Internal : SupervisorKind.External,
            where, appointedBy, req.Start, IsRenewal: earlier.Count > 0);
        foreach (var precondition in preconditions) outcome = RuleOutcome.All([outcome, await precondition.CheckAsync(appointing, ct)]);
        // Registry bars (GD 21 lifetime ban, YN blacklist) matched by the person, not the row.
        var barred = await db.ViolationsAsync(supervisor.IdNumberHash, JurisdictionCode.Parse(supervisor.Jurisdiction), req.Start, ct);
        if (barred.Count > 0) outcome = RuleOutcome.All([outcome, new RuleOutcome(barred)]);
        if (!outcome.Passed) { await Send.ResultAsync(Problems.Violations(outcome.Violations)); return; }

        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, AppointedBy = appointedBy, TermNumber = earlier.Count + 1,
            Start = req.Start, End = TermRule.EndOf(req.Start), CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Appointments.Add(appointment);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            await Send.ResultAsync(Problems.Conflict(new("同一届聘任已被同时登记，请重新提交", "This term was recorded concurrently: resubmit")));
            return;
        }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("appointment.create", "appointment", appointment.Id.ToString(), supervisor.Jurisdiction,
            Rules: [.. Terms.Rules.Select(r => r.Id), .. packRules.Select(r => r.Rule.Id), .. preconditions.Select(p => p.Rule.Id)], After: new { appointment.SupervisorId, appointment.AppointedBy, appointment.TermNumber, appointment.Start, appointment.End }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(AppointmentDto.From(appointment, ChinaTime.DateOf(clock.GetUtcNow())), 201, ct);
    }

    /// <summary>The appointing body: an authority covering the supervisor (external) or the supervisor's institution (internal).</summary>
    private async Task<string> AppointingBodyAsync(Supervisor supervisor, string? requested, CancellationToken ct)
    {
        if (supervisor.Kind == "internal")
        {
            var institution = supervisor.InstitutionId!.Value.ToString();
            if (requested is not null && !string.Equals(requested, institution, StringComparison.OrdinalIgnoreCase))
                ThrowError(r => r.AppointedBy!, "an internal supervisor is appointed by their own institution");
            return institution;
        }
        if (string.IsNullOrWhiteSpace(requested)) ThrowError(r => r.AppointedBy!, "an external supervisor needs the appointing authority's id");
        var authority = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == requested, ct);
        if (authority is null || !User.CanAccess(JurisdictionCode.Parse(authority.Jurisdiction)))
            ThrowError(r => r.AppointedBy!, "no such authority inside the caller's jurisdiction");
        if (!JurisdictionCode.Parse(authority.Jurisdiction).Contains(JurisdictionCode.Parse(supervisor.Jurisdiction)))
            ThrowError(r => r.AppointedBy!, "the authority does not cover the supervisor's jurisdiction");
        return authority.Id;
    }
}
