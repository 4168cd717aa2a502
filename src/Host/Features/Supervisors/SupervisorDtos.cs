using System.Text.RegularExpressions;
using FluentValidation;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors;

/// <summary>Evaluation experience (eligibility input of the packs: GD 6(五), YN 6(三)).</summary>
public sealed record ExperienceDto(int YearsInEvaluation, int YearsAsExaminer, bool ManagementOrTechnicalRole);

/// <summary>The five conditions of CN 第六条 as attested at registration (<c>cn.supervisor.conditions</c>).</summary>
public sealed record ConditionsDto(bool PoliticalCommitment, bool PolicyKnowledge, bool Integrity, bool OrganisingAndExpression, bool Health)
{
    public SupervisorConditions ToKernel() => new(PoliticalCommitment, PolicyKnowledge, Integrity, OrganisingAndExpression, Health);
}

/// <summary>A declared conflict of interest with an institution (<c>cn.recusal.conflict</c>): kind employment | relative | examiner | other.</summary>
public sealed record ConflictDto(Guid InstitutionId, string Kind, string? Note);

/// <summary>The current (or latest) appointment term; status derived from the dates for today (China time).</summary>
public sealed record AppointmentSummaryDto(Guid Id, string AppointedBy, int TermNumber, DateOnly Start, DateOnly End, string Status)
{
    internal static AppointmentSummaryDto From(Appointment a, DateOnly today) =>
        new(a.Id, a.AppointedBy, a.TermNumber, a.Start, a.End, AppointmentStatusText.Of(a, today));
}

/// <summary>The latest card: number and status (valid | not-yet-valid | expired | withdrawn | suspended).</summary>
public sealed record CardSummaryDto(string Number, string Status);

/// <summary>Derived standing today: appointment, card, sanction flags and whether the kernel's dispatchability rule passes.</summary>
public sealed record StandingDto(AppointmentSummaryDto? Appointment, CardSummaryDto? Card, bool Suspended, bool Revoked, bool Banned, bool Dispatchable);

/// <summary>A supervisor as clients see it: the ID number and phone only masked.</summary>
public sealed record SupervisorDto(
    Guid Id, string Name, string IdNumber, string Sex, DateOnly BirthDate, string Kind, string Jurisdiction, Guid? InstitutionId,
    string? Phone, ExperienceDto Experience, ConditionsDto Conditions, IReadOnlyList<ConflictDto> Conflicts, StandingDto Standing,
    uint Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static SupervisorDto From(Supervisor s, StandingDto standing) => new(
        s.Id, s.Name, s.IdNumberMasked, s.Sex, s.BirthDate, s.Kind, s.Jurisdiction, s.InstitutionId, s.PhoneMasked,
        new ExperienceDto(s.YearsInEvaluation, s.YearsAsExaminer, s.ManagementOrTechnicalRole),
        new ConditionsDto(s.PoliticalCommitment, s.PolicyKnowledge, s.Integrity, s.OrganisingAndExpression, s.Health),
        [.. s.Conflicts.OrderBy(c => c.Id).Select(c => new ConflictDto(c.InstitutionId, c.Kind, c.Note))],
        standing, s.Version, s.CreatedAt, s.UpdatedAt);
}

/// <summary>Appointment status text, derived from the dates (never stored).</summary>
internal static class AppointmentStatusText
{
    public static string Of(Appointment a, DateOnly today) => new AppointmentTerm(a.Start, a.TerminatedOn).StatusOn(today) switch
    {
        AppointmentStatus.NotStarted => "not-started",
        AppointmentStatus.Active => "active",
        AppointmentStatus.Expired => "expired",
        _ => "terminated",
    };
}

/// <summary>Field rules shared by registration and update.</summary>
internal static partial class SupervisorFields
{
    public static readonly string[] Kinds = ["external", "internal"];
    public static readonly string[] ConflictKinds = ["employment", "relative", "examiner", "other"];

    /// <summary>Mainland mobile (1[3-9] + 9 digits) or a landline (0 + 2–3 digit area code, 7–8 digits, optional extension).</summary>
    public static bool IsPhone(string? phone) => phone is not null && Phone().IsMatch(phone);

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex Phone();
}

internal sealed class ExperienceValidator : AbstractValidator<ExperienceDto>
{
    public ExperienceValidator()
    {
        RuleFor(e => e.YearsInEvaluation).InclusiveBetween(0, 80);
        RuleFor(e => e.YearsAsExaminer).InclusiveBetween(0, 80);
    }
}

internal sealed class ConflictValidator : AbstractValidator<ConflictDto>
{
    public ConflictValidator()
    {
        RuleFor(c => c.InstitutionId).NotEmpty();
        RuleFor(c => c.Kind).Must(SupervisorFields.ConflictKinds.Contains).WithMessage("'kind' must be employment, relative, examiner or other");
        RuleFor(c => c.Note).MaximumLength(500);
    }
}
