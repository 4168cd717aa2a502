using System.Security.Claims;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Access;

/// <summary>
/// The caller as the pack's endpoints judge it, read from the token's claims (a pack cannot use the Host's helpers; the
/// claim names are the kernel's <see cref="SupervisionClaims"/>).
/// </summary>
public static class Caller
{
    /// <summary>The caller's jurisdiction, or null when missing or malformed.</summary>
    public static JurisdictionCode? Jurisdiction(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return JurisdictionCode.TryParse(user.FindFirstValue(SupervisionClaims.Jurisdiction), out var code) ? code : null;
    }

    /// <summary>True when the caller holds <paramref name="role"/>.</summary>
    public static bool Has(this ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(SupervisionClaims.Role, role);
    }

    /// <summary>True when the caller's subtree contains <paramref name="target"/>.</summary>
    public static bool Reaches(this ClaimsPrincipal user, JurisdictionCode target) => user.Jurisdiction() is { } own && own.Contains(target);

    /// <summary>The institution of an institution operator, or null.</summary>
    public static string? Institution(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(SupervisionClaims.Institution);
    }

    /// <summary>The supervisor id of a supervisor principal, or null.</summary>
    public static string? SupervisorId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(SupervisionClaims.Supervisor);
    }

    /// <summary>
    /// An administrator of the zone: the zone bureau (a centre operator of <c>11.ETDZ</c> itself), a province administrator
    /// whose province contains the zone (<c>11</c>), or a national administrator.
    /// </summary>
    public static bool IsZoneAdmin(this ClaimsPrincipal user)
    {
        var zone = BeijingEtdzRules.Jurisdiction;
        var own = user.Jurisdiction();
        if (own is null) return false;
        return (user.Has(Roles.CenterOperator) && own.Value == zone)
            || ((user.Has(Roles.ProvinceAdmin) || user.Has(Roles.NationalAdmin)) && own.Value.Contains(zone));
    }

    /// <summary>Who may read the zone's fee statements (BJ 27: the bureau pays): the zone's administrators only.</summary>
    public static bool MayReadFeeStatements(this ClaimsPrincipal user) => user.IsZoneAdmin();
}
