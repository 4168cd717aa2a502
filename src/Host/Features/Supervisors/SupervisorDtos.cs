using System.Text.RegularExpressions;
using FluentValidation;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors;

/// <summary>Evaluation experience (eligibility input of the packs: GD 6(五), YN 6(三)).</summary>
/// <param name="YearsInEvaluation" example="8">Years of work in skills evaluation.</param>
/// <param name="YearsAsExaminer" example="6">Years as an examiner (考评员).</param>
/// <param name="ManagementOrTechnicalRole" example="true">Holds a management or technical post in evaluation.</param>
public sealed record ExperienceDto(int YearsInEvaluation, int YearsAsExaminer, bool ManagementOrTechnicalRole);

/// <summary>The five conditions of CN 第六条 as attested at registration (<c>cn.supervisor.conditions</c>).</summary>
/// <param name="PoliticalCommitment" example="true">第六条（一）.</param>
/// <param name="PolicyKnowledge" example="true">第六条（二）.</param>
/// <param name="Integrity" example="true">第六条（三）.</param>
/// <param name="OrganisingAndExpression" example="true">第六条（四）.</param>
/// <param name="Health" example="true">第六条（五）.</param>
public sealed record ConditionsDto(bool PoliticalCommitment, bool PolicyKnowledge, bool Integrity, bool OrganisingAndExpression, bool Health)
{
    public SupervisorConditions ToKernel() => new(PoliticalCommitment, PolicyKnowledge, Integrity, OrganisingAndExpression, Health);
}

/// <summary>A declared conflict of interest with an institution (<c>cn.recusal.conflict</c>): kind employment | relative | examiner | other.</summary>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution.</param>
/// <param name="Kind" example="relative">employment | relative | examiner | other.</param>
/// <param name="Note" example="配偶在该机构任职">Free text.</param>
public sealed record ConflictDto(Guid InstitutionId, string Kind, string? Note);

/// <summary>The current (or latest) appointment term; status derived from the dates for today (China time).</summary>
/// <param name="Id" example="0193a5c4-7f55-7a2b-b1c3-d4e5f6a7b8c9">Appointment id.</param>
/// <param name="AppointedBy" example="44">Appointing authority (or institution) id.</param>
/// <param name="TermNumber" example="1">Term number (1 for the first appointment).</param>
/// <param name="Start" example="2025-06-01">First day.</param>
/// <param name="End" example="2028-05-31">Last day.</param>
/// <param name="Status" example="active">not-started | active | expired | terminated.</param>
public sealed record AppointmentSummaryDto(Guid Id, string AppointedBy, int TermNumber, DateOnly Start, DateOnly End, string Status)
{
    internal static AppointmentSummaryDto From(Appointment a, DateOnly today) =>
        new(a.Id, a.AppointedBy, a.TermNumber, a.Start, a.End, AppointmentStatusText.Of(a, today));
}

/// <summary>The latest card: number and status (valid | not-yet-valid | expired | withdrawn | suspended).</summary>
/// <param name="Number" example="R44250012">Card number.</param>
/// <param name="Status" example="valid">valid | not-yet-valid | expired | withdrawn | suspended.</param>
public sealed record CardSummaryDto(string Number, string Status);

/// <summary>Derived standing today: appointment, card, sanction flags and whether the kernel's dispatchability rule passes.</summary>
/// <param name="Appointment">The current (or latest) appointment.</param>
/// <param name="Card">The latest card.</param>
/// <param name="Suspended" example="false">A suspension covers today.</param>
/// <param name="Revoked" example="false">The qualification is revoked (or the supervisor dismissed).</param>
/// <param name="Banned" example="false">Barred from supervision.</param>
/// <param name="Dispatchable" example="true">May be drawn today (<c>cn.dispatch.random</c>).</param>
public sealed record StandingDto(AppointmentSummaryDto? Appointment, CardSummaryDto? Card, bool Suspended, bool Revoked, bool Banned, bool Dispatchable);

/// <summary>
/// A supervisor as clients see it: the ID number and phone only masked. The masked number keeps the region (first 6) and the
/// last 4; positions 7–14 are the birth date, so the full birth date is never shown beside it (PIPL; it would rebuild the
/// number): every role sees the birth year only (docs/privacy.md).
/// </summary>
/// <param name="Id" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">Supervisor id.</param>
/// <param name="Name" example="陈志强">Name.</param>
/// <param name="IdNumber" example="440106********002X">Resident ID number, masked.</param>
/// <param name="Sex" example="female">male | female (from the ID number).</param>
/// <param name="BirthYear" example="1985">Birth year (from the ID number); the full birth date is never shown.</param>
/// <param name="Kind" example="external">external (外督) | internal (内督).</param>
/// <param name="Jurisdiction" example="44">Jurisdiction of the record.</param>
/// <param name="InstitutionId" example="null">The institution of an internal supervisor.</param>
/// <param name="Phone" example="139****5678">Phone, masked.</param>
/// <param name="Experience">Evaluation experience.</param>
/// <param name="Conditions">The five conditions of CN 第六条.</param>
/// <param name="Conflicts">Declared conflicts of interest.</param>
/// <param name="Standing">Derived standing today.</param>
/// <param name="Version" example="3">Row version (send it back to update; also the ETag).</param>
/// <param name="CreatedAt" example="2025-06-01T09:12:30+08:00">Registered at.</param>
/// <param name="UpdatedAt" example="2025-06-01T10:05:12+08:00">Last changed at.</param>
public sealed record SupervisorDto(
    Guid Id, string Name, string IdNumber, string Sex, int BirthYear, string Kind, string Jurisdiction, Guid? InstitutionId,
    string? Phone, ExperienceDto Experience, ConditionsDto Conditions, IReadOnlyList<ConflictDto> Conflicts, StandingDto Standing,
    uint Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static SupervisorDto From(Supervisor s, StandingDto standing) => new(
        s.Id, s.Name, s.IdNumberMasked, s.Sex, s.BirthDate.Year, s.Kind, s.Jurisdiction, s.InstitutionId, s.PhoneMasked,
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
