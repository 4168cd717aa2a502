using System.Security.Claims;
using SupervisionCore.Host.Audit;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Access;

/// <summary>
/// The one access check every endpoint uses: a principal sees and changes only its jurisdiction subtree
/// (institution operators additionally only their institution, supervisors only themselves).
/// </summary>
public static class Principal
{
    /// <summary>The principal's jurisdiction from its <c>jurisdiction</c> claim, or null when missing or malformed.</summary>
    public static JurisdictionCode? Jurisdiction(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return JurisdictionCode.TryParse(user.FindFirstValue(SupervisionClaims.Jurisdiction), out var code) ? code : null;
    }

    /// <summary>True when the principal's subtree contains <paramref name="target"/>.</summary>
    public static bool CanAccess(this ClaimsPrincipal user, JurisdictionCode target) =>
        user.Jurisdiction() is { } own && own.Contains(target);

    /// <summary>True when the principal has the role.</summary>
    public static bool Has(this ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(SupervisionClaims.Role, role);
    }

    /// <summary>A stable actor id for the audit log: the client id or user id (subject), never a personal number; <c>anonymous</c> without one.</summary>
    public static string ActorId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SupervisionCore.Plugins.AspNetCore.Caller.ActorId(user); // the same actor id packs record
    }

    /// <summary>The principal as an audit actor.</summary>
    public static AuditActor AsActor(this ClaimsPrincipal user) =>
        new(user.ActorId(), user.Jurisdiction()?.Value ?? "?");
}
