using System.Security.Claims;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Plugins.Guangdong.Access;

/// <summary>The role sets of the pack's daily-supervision endpoints; ids and the actor come from <c>SupervisionCore.Plugins.AspNetCore.Caller</c>.</summary>
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
}
