using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>A sanction decided against a supervisor, as consequence rules see it.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Jurisdiction">Where the supervisor is registered.</param>
/// <param name="Measure">The measure (<c>criticism</c>, <c>suspension</c>, <c>dismissal</c>, <c>revocation</c>, <c>ban</c>, <c>non-renewal</c>).</param>
/// <param name="Ground">The ground's key.</param>
/// <param name="On">China calendar day of the decision.</param>
/// <param name="RuleIds">The rules the decision applied.</param>
public sealed record SanctionDecision(string SupervisorId, JurisdictionCode Jurisdiction, string Measure, string Ground, DateOnly On, IReadOnlyList<string> RuleIds);

/// <summary>
/// 禁入 / 黑名单 (registry bar): the person (matched by the keyed hash of the resident ID number) may not be registered
/// or appointed again inside <paramref name="Scope"/> from <paramref name="From"/> (for good when
/// <paramref name="Until"/> is null).
/// </summary>
/// <param name="Scope">The jurisdiction subtree barred (<c>44</c> for all of Guangdong).</param>
/// <param name="From">First China calendar day of the bar.</param>
/// <param name="Until">Last day, or null for good.</param>
/// <param name="Violation">The rule and reason, returned when a registration or appointment is refused.</param>
public sealed record RegistryBar(JurisdictionCode Scope, DateOnly From, DateOnly? Until, Violation Violation)
{
    /// <summary>True when the bar refuses an act in <paramref name="where"/> on <paramref name="on"/>.</summary>
    public bool Bars(JurisdictionCode where, DateOnly on) => Scope.Contains(where) && on >= From && (Until is null || on <= Until);
}

/// <summary>
/// A consequence of a supervisor sanction or revocation (<c>gd.sanction.supervisor</c>: revocation or non-renewal bars
/// the person in Guangdong for good; <c>yn.revocation.blacklist</c>). The Host records the bar in the sanction's
/// transaction and refuses registering or appointing the person again inside its scope.
/// </summary>
public interface ISanctionConsequenceRule : IRuleExtension
{
    /// <summary>The bar following <paramref name="sanction"/>, or null when none follows.</summary>
    RegistryBar? OnSanction(SanctionDecision sanction);
}
