using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Appointments.Create;
using SupervisionCore.Host.Features.Supervisors.Assessments;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Appointments.NotRenew;

public sealed class Request
{
    /// <summary>The supervisor.</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>The term (appointment) not to be renewed.</summary>
    /// <example>0193a5c4-7f55-7a2b-b1c3-d4e5f6a7b8c9</example>
    public Guid AppointmentId { get; set; }
    /// <summary>Day of the decision.</summary>
    /// <example>2027-12-20</example>
    public DateOnly DecidedOn { get; set; }
    /// <summary>The considerations (视情况): what the assessment found and why the term is not renewed.</summary>
    /// <example>年度考核不合格，经研究决定聘期届满后不予续聘</example>
    public string Note { get; set; } = string.Empty;
    /// <summary>The failed annual assessment the decision rests on (<c>POST …/assessments</c>); without it, any failed assessment in the term.</summary>
    /// <example>0193a5c7-6d43-7e5f-b071-8c9d0e1f2a3b</example>
    public Guid? AssessmentId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.DecidedOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31)).WithMessage("'decidedOn' must be a day from 2000-01-01 to 2099-12-31");
        RuleFor(r => r.Note).NotEmpty().MaximumLength(1000);
    }
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, AppointmentDto>
{
    private static readonly NonRenewalRule Rule = new();

    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/appointments/{appointmentId}/non-renewal");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.appointments.not-renew").Produces<AppointmentDto>(200).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Record that a term will not be renewed after a failed assessment (CN 11)";
            s.Description = "不予续聘决定（第十一条“对考核不合格的人员，视情况……不予续聘”）：由委派机构视情况决定并登记，系统不因考核不合格自动拒绝续聘；只能在该聘期内有考核不合格记录时作出（cn.assessment.failed；可用 assessmentId 指明所依据的年度考核，须为该聘期内的不合格考核）；登记后该聘期的续聘被拒绝。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == req.AppointmentId && a.SupervisorId == supervisor.Id, ct);
        if (appointment is null) { await Send.ResultAsync(Problems.NotFound($"appointment {req.AppointmentId} of the supervisor")); return; }
        if (appointment.NotRenewedOn is { } already)
        { await Send.ResultAsync(Problems.Conflict(new LocalizedText($"该聘期已于{already:yyyy-MM-dd}决定不予续聘", $"non-renewal of this term was already decided on {already:yyyy-MM-dd}"))); return; }
        List<AssessmentResult> assessments;
        if (req.AssessmentId is { } named)
        {
            // The decision names its assessment: only that one is judged (failed, in the term).
            var assessment = await db.SupervisorAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == named && a.SupervisorId == supervisor.Id, ct);
            if (assessment is null) { await Send.ResultAsync(Problems.NotFound($"assessment {named} of the supervisor")); return; }
            assessments = [new AssessmentResult(assessment.AssessedOn, assessment.Passed)];
        }
        else assessments = await AssessmentHistory.ResultsAsync(db, supervisor.Id, ct);
        var outcome = Rule.CheckDecision(new AppointmentTerm(appointment.Start, appointment.TerminatedOn), assessments, req.DecidedOn);
        if (!outcome.Passed) { await Send.ResultAsync(Problems.Violations(outcome.Violations)); return; }

        appointment.NotRenewedOn = req.DecidedOn;
        appointment.NonRenewalNote = req.Note;
        appointment.NonRenewalAssessmentId = req.AssessmentId;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("appointment.not-renewed", "appointment", appointment.Id.ToString(), supervisor.Jurisdiction,
            Rules: [NationalRules.AssessmentFailed.Id], After: new { appointment.SupervisorId, appointment.TermNumber, appointment.NotRenewedOn, appointment.NonRenewalAssessmentId }), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(AppointmentDto.From(appointment, ChinaTime.DateOf(clock.GetUtcNow())), ct);
    }
}
