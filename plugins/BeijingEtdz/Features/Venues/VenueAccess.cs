using System.Linq.Expressions;
using System.Security.Claims;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Access;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues;

/// <summary>
/// Who sees venues: the zone's administrators and auditors reaching the venue, supervisors of the zone (they inspect them),
/// and an institution operator for its own institution's venues only.
/// </summary>
public static class VenueAccess
{
    /// <summary>The venues the caller may read, as a query filter.</summary>
    public static Expression<Func<Venue, bool>> Readable(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsZoneAdmin()) return _ => true;
        var own = user.Jurisdiction();
        if (own is null) return _ => false;
        // Venues lie in the zone only (their institution is in 11.ETDZ): reaching the zone means seeing them all.
        if ((user.HasRole(AccessRoles.Auditor) || user.HasRole(AccessRoles.Supervisor)) && Reaches(own.Value)) return _ => true;
        if (user.HasRole(AccessRoles.InstitutionOperator) && Guid.TryParse(user.InstitutionId(), out var institution))
            return v => v.InstitutionId == institution;
        return _ => false;
    }

    // The zone is a sub-jurisdiction: a principal of 11 or CN reaches it, one of 11.ETDZ exactly it.
    private static bool Reaches(JurisdictionCode own) => own.Contains(Rules.BeijingEtdzRules.Jurisdiction);
}
