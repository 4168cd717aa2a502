using System.Security.Claims;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Access;

/// <summary>
/// Who administers the zone, read from the caller's claims with the shared <see cref="Caller"/> helpers
/// (SupervisionCore.Plugins.AspNetCore).
/// </summary>
public static class ZoneAccess
{
    /// <summary>
    /// An administrator of the zone: the zone bureau (a centre operator of <c>11.ETDZ</c> itself), a province administrator
    /// whose province contains the zone (<c>11</c>), or a national administrator.
    /// </summary>
    public static bool IsZoneAdmin(this ClaimsPrincipal user)
    {
        var zone = BeijingEtdzRules.Jurisdiction;
        var own = user.Jurisdiction();
        if (own is null) return false;
        return (user.HasRole(Roles.CenterOperator) && own.Value == zone)
            || ((user.HasRole(Roles.ProvinceAdmin) || user.HasRole(Roles.NationalAdmin)) && own.Value.Contains(zone));
    }

    /// <summary>Who may read the zone's fee statements (BJ 27: the bureau pays): the zone's administrators only.</summary>
    public static bool MayReadFeeStatements(this ClaimsPrincipal user) => user.IsZoneAdmin();
}
