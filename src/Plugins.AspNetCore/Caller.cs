using System.Security.Claims;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.AspNetCore;

/// <summary>
/// The caller as an endpoint judges it, read from the token's claims (<see cref="SupervisionClaims"/>): the same reading
/// the Host's own endpoints make. A principal sees and changes only its jurisdiction subtree.
/// </summary>
public static class Caller
{
    /// <summary>The actor recorded for a request without a subject or client id.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The actor recorded for a scheduled job (no principal).</summary>
    public const string System = "system";

    /// <summary>The caller's jurisdiction, or null when missing or malformed.</summary>
    public static JurisdictionCode? Jurisdiction(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return JurisdictionCode.TryParse(user.FindFirstValue(SupervisionClaims.Jurisdiction), out var code) ? code : null;
    }

    /// <summary>True when the caller holds <paramref name="role"/> (<see cref="Roles"/>).</summary>
    public static bool HasRole(this ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(SupervisionClaims.Role, role);
    }

    /// <summary>True when the caller holds any of <paramref name="roles"/>.</summary>
    public static bool HasAnyRole(this ClaimsPrincipal user, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(user.HasRole);
    }

    /// <summary>True when the caller's subtree contains <paramref name="target"/>.</summary>
    public static bool Reaches(this ClaimsPrincipal user, JurisdictionCode target) => user.Jurisdiction() is { } own && own.Contains(target);

    /// <summary>
    /// The part of <paramref name="packJurisdiction"/> the caller acts on: its own jurisdiction when inside it (a city
    /// centre <c>44.A</c>), the whole of it when the caller's contains it (<c>CN</c>, <c>44</c>), null otherwise (another
    /// province, no claim).
    /// </summary>
    public static JurisdictionCode? ScopeIn(this ClaimsPrincipal user, JurisdictionCode packJurisdiction) =>
        user.Jurisdiction() is not { } own ? null
        : packJurisdiction.Contains(own) ? own
        : own.Contains(packJurisdiction) ? packJurisdiction
        : null;

    /// <summary>The institution of an institution operator (or an institution's client), or null.</summary>
    public static string? InstitutionId(this ClaimsPrincipal user)
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
    /// A stable actor id for records and the audit log: the user id (<c>sub</c>) or client id, never a personal number;
    /// <see cref="Anonymous"/> without one.
    /// </summary>
    public static string ActorId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue("sub") ?? user.FindFirstValue("client_id") ?? user.FindFirstValue("azp") ?? Anonymous;
    }

    /// <summary>The actor id of <paramref name="user"/>, or <see cref="System"/> for a scheduled job (no principal).</summary>
    public static string ActorIdOrSystem(ClaimsPrincipal? user) => user is null ? System : user.ActorId();
}
