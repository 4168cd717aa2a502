using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Sanctions;

namespace SupervisionCore.Host.Features.Institutions.Sanctions;

/// <summary>
/// The grounds and steps an institution sanction request may name: CN 第十八条's six grounds and three ladder steps, and the
/// institution grounds and measures of the enabled packs (<see cref="ISanctionGrounds"/>, e.g. GD 第二十二条). Whether they
/// apply is the kernel's decision (<see cref="Kernel.Sanctions.SanctionDecisions.DecideInstitution"/>).
/// </summary>
public static class InstitutionSanctionGrounds
{
    /// <summary>The step and ground keys the request may carry: the national ones, then every enabled pack's (where they apply is the kernel's decision).</summary>
    public static (string[] Steps, string[] Grounds) Keys(IEnumerable<ISanctionGrounds> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var list = packs.ToList();
        return ([.. InstitutionCodes.Steps.Keys, .. list.SelectMany(p => p.Measures).Select(m => m.Key).Distinct().Where(k => !InstitutionCodes.Steps.ContainsKey(k))],
            [.. InstitutionCodes.Grounds.Keys, .. list.SelectMany(p => p.Grounds).Where(g => g.Target == SanctionTarget.Institution).Select(g => g.Key).Distinct()]);
    }
}
