using System.Security.Claims;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features;

/// <summary>
/// The caller's reach in Yunnan, on top of the shared <see cref="Caller"/> (SupervisionCore.Plugins.AspNetCore): the part of
/// 53 the caller acts on, and an institution operator's own institution.
/// </summary>
public static class YunnanCaller
{
    /// <summary>The part of Yunnan the caller acts on: its own jurisdiction inside 53, or 53 when its jurisdiction contains 53; null otherwise.</summary>
    public static JurisdictionCode? YunnanScope(this ClaimsPrincipal user) => user.ScopeIn(YunnanRules.Jurisdiction);

    /// <summary>True when the caller may act on <paramref name="where"/>.</summary>
    public static bool CanAccess(this ClaimsPrincipal user, JurisdictionCode where) => user.YunnanScope() is { } scope && scope.Contains(where);

    /// <summary>The institution of an institution operator.</summary>
    public static Guid? Institution(this ClaimsPrincipal user) => Guid.TryParse(user.InstitutionId(), out var id) ? id : null;

    /// <summary>True for an institution operator (who acts on its own institution only).</summary>
    public static bool IsInstitutionOperator(this ClaimsPrincipal user) =>
        user.HasRole(Roles.InstitutionOperator) && !user.HasAnyRole(Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator);
}

/// <summary>What a rule did to a supervisor (qualification revoked: cards withdrawn, appointments ended, blacklisted).</summary>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="Action" example="revoke-qualification"><c>revoke-qualification</c>.</param>
/// <param name="Rule">The rule and reason.</param>
/// <param name="Changed" example="true">False when nothing changed (already revoked, or a dry run).</param>
/// <param name="WithdrawnCards" example='["Y530001250007"]'>Card numbers withdrawn.</param>
/// <param name="Blacklisted" example="true">True when a registry bar (blacklist entry) was recorded.</param>
public sealed record ConsequenceDto(string SupervisorId, string Action, ViolationDto Rule, bool Changed, IReadOnlyList<string> WithdrawnCards, bool Blacklisted);
