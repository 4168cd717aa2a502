using System.Security.Claims;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Access;

/// <summary>
/// Who sees what of Guangdong in the pack's endpoints (GD 5: the provincial centre 省技能中心 manages the province's
/// supervisor data, a city centre 市鉴定中心 its city's). The caller's reach is its <c>jurisdiction</c> claim cut to 44:
/// a national administrator (CN) and the province's administrators and provincial-centre operators (44) see all of 44;
/// a city centre's operator (44.A) only 44.A. Reads the claims with the shared <see cref="Caller"/> helpers (SupervisionCore.Plugins.AspNetCore).
/// </summary>
public static class GuangdongAccess
{
    /// <summary>Roles that read supervisor files in their reach.</summary>
    public static readonly string[] FileReaders = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator];

    /// <summary>The part of 44 the caller sees (<c>44</c> or a city <c>44.X</c>), or null when none (another province, no claim).</summary>
    public static JurisdictionCode? Reach(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.ScopeIn(GuangdongRules.Jurisdiction);
    }

    /// <summary>True when the caller's reach contains <paramref name="target"/>.</summary>
    public static bool CanSee(ClaimsPrincipal user, JurisdictionCode target) => Reach(user) is { } reach && reach.Contains(target);
}
