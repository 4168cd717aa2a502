using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Institutions.Sanctions;

/// <summary>
/// The grounds and steps an institution sanction may take: CN 第十八条's six grounds and three ladder steps everywhere,
/// and the institution grounds of the enabled packs (<see cref="ISanctionGrounds"/>, e.g. GD 第二十二条) for an institution
/// inside the pack's scope while its rule is in force, with only the measures the ground allows — judged exactly as a
/// supervisor's pack ground is (<see cref="SanctionGrounds.Check"/>). Whatever the ground, the step is then judged by the
/// national ladder (<c>cn.sanction.institution-ladder</c>): a pack measure that is not one of its steps is refused.
/// </summary>
public static class InstitutionSanctionGrounds
{
    /// <summary>The step and ground keys the request may carry: the national ones, then every enabled pack's (where they apply is judged by <see cref="Check"/>).</summary>
    public static (string[] Steps, string[] Grounds) Keys(IEnumerable<ISanctionGrounds> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var list = packs.ToList();
        return ([.. InstitutionCodes.Steps.Keys, .. list.SelectMany(p => p.Measures).Select(m => m.Key).Distinct().Where(k => !InstitutionCodes.Steps.ContainsKey(k))],
            [.. InstitutionCodes.Grounds.Keys, .. list.SelectMany(p => p.Grounds).Where(g => g.Target == SanctionTarget.Institution).Select(g => g.Key).Distinct()]);
    }

    /// <summary>
    /// Judges <paramref name="step"/> on <paramref name="ground"/> for an institution registered in <paramref name="where"/>,
    /// decided on <paramref name="on"/>; the ladder's own checks (order, deadlines, justification) come after.
    /// </summary>
    /// <returns>The outcome and, for a pack ground, the ground's definition (its rule and citation are recorded with the decision).</returns>
    public static (RuleOutcome Outcome, SanctionGroundDefinition? PackGround) Check(IEnumerable<ISanctionGrounds> packs, string step, string ground, JurisdictionCode where, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var packGround = packs.FindGround(ground, SanctionTarget.Institution);
        if (packGround is { } g)
        {
            var outcome = SanctionGrounds.Check(g.Extension, g.Ground, step, where, on);
            return (outcome.Passed && !InstitutionCodes.Steps.ContainsKey(step) ? NotAStep(step) : outcome, g.Ground);
        }
        return (InstitutionCodes.Steps.ContainsKey(step) ? RuleOutcome.Pass : NotAStep(step), null);
    }

    // A pack's own measure (GD 21's non-renewal …) concerns supervisors: an institution is sanctioned only by the steps of the ladder.
    private static RuleOutcome NotAStep(string step) => RuleOutcome.Fail(NationalRules.InstitutionSanctionLadder.Violated(new LocalizedText(
        $"“{step}”不是评价机构的处理措施：只能是通报批评并责令改正、处分建议或取消评价工作资格",
        $"'{step}' is not a sanction of an institution: the steps are notice-and-correction, disciplinary-recommendation and disqualification")));
}
