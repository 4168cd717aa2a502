using System.Security.Claims;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Plugins.Guangdong.Access;

/// <summary>The caller's role facts as the pack's daily-supervision endpoints read them from the token (never the Host's helpers).</summary>
public static class GuangdongCaller
{
    /// <summary>Dispatching staff: national and province administrators, centre operators.</summary>
    public static readonly string[] Staff = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator];

    /// <summary>Who reads measures: staff and auditors in reach, institution operators their institution's.</summary>
    public static readonly string[] MeasureReaders = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.Auditor, Roles.InstitutionOperator];

    /// <summary>True for staff or an auditor (they read by jurisdiction).</summary>
    public static bool ReadsByJurisdiction(this ClaimsPrincipal user) => user.IsStaff() || user.HasClaim(SupervisionClaims.Role, Roles.Auditor);

    /// <summary>True for dispatching staff.</summary>
    public static bool IsStaff(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Staff.Any(r => user.HasClaim(SupervisionClaims.Role, r));
    }

    /// <summary>The institution of an institution operator, or null.</summary>
    public static Guid? InstitutionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SupervisionClaims.Institution), out var id) ? id : null;

    /// <summary>The supervisor of a supervisor principal, or null.</summary>
    public static Guid? SupervisorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var id) ? id : null;

    /// <summary>A stable actor id (client or user id), never personal data.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue("client_id") ?? user.FindFirstValue("azp") ?? "anonymous";
}
