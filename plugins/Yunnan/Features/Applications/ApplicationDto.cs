using System.Security.Claims;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data.Applications;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Applications;

/// <summary>A qualification application (资格申报表, YN 13) with its steps.</summary>
/// <param name="Id" example="0193a5ca-0000-7000-8000-000000000001">Application id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The applicant (registered supervisor).</param>
/// <param name="Kind" example="internal">external (外督) | internal (内督).</param>
/// <param name="State" example="recommended">applied | recommended | approved | rejected.</param>
/// <param name="AppliedOn" example="2025-03-01">Day of the application.</param>
/// <param name="Statement" example="从事职业技能等级认定管理工作5年">How the conditions of YN 6 are met.</param>
/// <param name="Employer" example="云南机电职业技术学院">所在单位.</param>
/// <param name="RecommendedOn" example="2025-03-05">Day of the employer's recommendation.</param>
/// <param name="Recommendation" example="同意推荐">The employer's opinion.</param>
/// <param name="ReviewedOn" example="2025-03-20">Day of the review.</param>
/// <param name="Decision" example="approve">approve | reject.</param>
/// <param name="ReviewNote" example="符合条件，同意">The reviewer's note (the reason of a rejection).</param>
/// <param name="CreatedAt" example="2025-03-01T10:00:00+08:00">Recorded.</param>
public sealed record ApplicationDto(
    Guid Id, Guid SupervisorId, string Kind, string State, DateOnly AppliedOn, string Statement, string? Employer, DateOnly? RecommendedOn, string? Recommendation,
    DateOnly? ReviewedOn, string? Decision, string? ReviewNote, DateTimeOffset CreatedAt)
{
    public static ApplicationDto From(QualificationApplication a) => new(
        a.Id, a.SupervisorId, a.Kind, a.State, a.AppliedOn, a.Statement, a.Employer, a.RecommendedOn, a.Recommendation, a.ReviewedOn, a.Decision, a.ReviewNote, a.CreatedAt);
}

/// <summary>States on the wire, and who may act on an application.</summary>
public static class Applications
{
    public static string Key(this ApplicationState s) => s switch
    {
        ApplicationState.Applied => "applied",
        ApplicationState.Recommended => "recommended",
        ApplicationState.Approved => "approved",
        _ => "rejected",
    };

    public static ApplicationState StateOf(QualificationApplication a) => a.State switch
    {
        "applied" => ApplicationState.Applied,
        "recommended" => ApplicationState.Recommended,
        "approved" => ApplicationState.Approved,
        _ => ApplicationState.Rejected,
    };

    /// <summary>True for a national or province admin or a centre operator (the appointing side).</summary>
    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == SupervisionClaims.Role && c.Value is Roles.NationalAdmin or Roles.ProvinceAdmin or Roles.CenterOperator);

    /// <summary>The supervisor id of a supervisor principal.</summary>
    public static Guid? OwnSupervisor(this ClaimsPrincipal user) =>
        user.HasClaim(SupervisionClaims.Role, Roles.Supervisor) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var id) ? id : null;

    /// <summary>
    /// Who acts for the employer or the appointing body on this supervisor: staff of the supervisor's part of Yunnan, or the
    /// institution operator of an internal supervisor's own institution (内督: the institution recommends, trains and appoints, YN 13).
    /// </summary>
    public static bool ActsFor(this ClaimsPrincipal user, SupervisorFacts s) =>
        user.CanAccess(s.Jurisdiction) && (user.IsStaff() || (user.IsInstitutionOperator() && s.Kind == SupervisorKind.Internal && s.InstitutionId == user.Institution()?.ToString()));

    /// <summary>Who may read (and, for the person, apply): those who act for it, and the supervisor themselves.</summary>
    public static bool Sees(this ClaimsPrincipal user, SupervisorFacts s) =>
        user.ActsFor(s) || (user.CanAccess(s.Jurisdiction) && user.HasClaim(c => c.Type == SupervisionClaims.Role && c.Value == Roles.Auditor))
        || (user.OwnSupervisor() is { } self && self.ToString() == s.Id);
}
