using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors;

/// <summary>
/// Who sees and who manages a supervisor record. Administrators, centre operators and auditors see their jurisdiction
/// subtree; an institution operator sees only its own institution's internal supervisors (claim <c>institution</c>);
/// a supervisor only itself (claim <c>supervisor</c>). Managing (register, patch, trainings, appointments) is for
/// administrators and centre operators in the subtree, and for an institution operator on its own internal supervisors.
/// </summary>
public static class SupervisorAccess
{
    private static bool HasJurisdictionRole(ClaimsPrincipal user) =>
        user.Has(Roles.NationalAdmin) || user.Has(Roles.ProvinceAdmin) || user.Has(Roles.CenterOperator) || user.Has(Roles.Auditor);

    private static bool IsManager(ClaimsPrincipal user) =>
        user.Has(Roles.NationalAdmin) || user.Has(Roles.ProvinceAdmin) || user.Has(Roles.CenterOperator);

    /// <summary>The institution id of an institution operator, or null.</summary>
    public static Guid? OwnInstitution(this ClaimsPrincipal user) =>
        user.Has(Roles.InstitutionOperator) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Institution), out var id) ? id : null;

    /// <summary>The supervisor id of a supervisor principal, or null.</summary>
    public static Guid? OwnSupervisor(this ClaimsPrincipal user) =>
        user.Has(Roles.Supervisor) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var id) ? id : null;

    /// <summary>The supervisors the principal may read, filtered in SQL.</summary>
    public static IQueryable<Supervisor> VisibleTo(this IQueryable<Supervisor> query, ClaimsPrincipal user)
    {
        var scoped = query.WithinJurisdictionOf(user, s => s.Jurisdiction);
        if (HasJurisdictionRole(user)) return scoped;
        var institution = user.OwnInstitution();
        var self = user.OwnSupervisor();
        return scoped.Where(s => (institution != null && s.Kind == "internal" && s.InstitutionId == institution)
                              || (self != null && s.Id == self));
    }

    /// <summary>In memory, the same predicate as <see cref="VisibleTo"/> (for reads that load by id in one round trip).</summary>
    public static bool CanRead(this ClaimsPrincipal user, Supervisor s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!JurisdictionCode.TryParse(s.Jurisdiction, out var j) || !user.CanAccess(j)) return false;
        if (HasJurisdictionRole(user)) return true;
        return (user.OwnInstitution() is { } institution && s.Kind == "internal" && s.InstitutionId == institution)
            || (user.OwnSupervisor() is { } self && s.Id == self);
    }

    /// <summary>Loads a supervisor the principal may read (null: absent or outside its reach, answered 404).</summary>
    public static Task<Supervisor?> FindVisibleAsync(this SupervisionDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool track = false)
    {
        var query = track ? db.Supervisors : db.Supervisors.AsNoTracking();
        return query.VisibleTo(user).Include(s => s.Conflicts).SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>Null when the principal may manage a supervisor of this kind, institution and jurisdiction; else the reason (403).</summary>
    public static LocalizedText? CannotManage(this ClaimsPrincipal user, string kind, Guid? institutionId, string jurisdiction)
    {
        if (!JurisdictionCode.TryParse(jurisdiction, out var code) || !user.CanAccess(code))
            return new("辖区超出调用者的管辖范围", "The jurisdiction lies outside the caller's");
        if (IsManager(user)) return null;
        if (user.OwnInstitution() is { } own && kind == "internal" && institutionId == own) return null;
        return new("评价机构操作员只能管理本机构的内部质量督导员", "An institution operator manages only its own institution's internal supervisors");
    }
}
