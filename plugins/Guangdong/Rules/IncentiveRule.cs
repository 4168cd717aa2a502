using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 激励机制 (incentive): "省技能中心和市鉴定中心应建立外督诚信档案、激励机制和退出机制。工作中有突出表现或贡献的外督，可给予肯定，具体激励措施
/// 由委派机构根据当地实际自行制定". GD 第二十一条 (<c>gd.incentive</c>).
/// <para>Reading: the article speaks of external supervisors (外督), so a commendation under it is for an external supervisor
/// of 44; its reason (突出表现或贡献) is required by the kernel's record; the measure itself (具体激励措施) is the body's own
/// and recorded as text. Internal supervisors are their institution's (GD 14), and GD provides nothing for them.</para>
/// </summary>
public sealed class IncentiveRule : ICommendationRule
{
    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.Incentive;

    /// <inheritdoc />
    public RuleOutcome Check(CommendationRequest request) => Decide(request);

    /// <summary>The pure decision of <see cref="Check"/> (case tables: <c>point: decide</c>).</summary>
    public static RuleOutcome Decide(CommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Subject.Kind == SupervisorKind.External
            ? RuleOutcome.Pass
            : RuleOutcome.Fail(GuangdongRules.Incentive.Violated(new LocalizedText(
                "第二十一条的激励机制针对外督：内督由评价机构和行业部门自行管理（第十四条）",
                "GD 21's incentive mechanism concerns external supervisors; internal supervisors are managed by their institution (GD 14)")));
    }
}
