using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Guangdong.Sanctions;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 不得再从事 (lifetime ban in Guangdong): "被取消资格或不予续聘的人员不得再从事我省技能人才评价质量督导相关工作". GD 第二十一条
/// (<c>gd.sanction.supervisor</c>).
/// <para>Readings: a revocation (取消资格) or non-renewal (不予续聘) of a supervisor registered in 44, on any ground, bars the
/// person — matched by the keyed hash of the resident ID number, so a new registry row does not escape it — from
/// registration and appointment anywhere in 44 from the day of the decision, for good (no end date). Criticism,
/// suspension, notice to the employer, referral, the national dismissal (解聘) and ban do not trigger it: the sentence
/// names only the two. Outside 44 the person is not barred by this rule.</para>
/// </summary>
public sealed class LifetimeBanRule : ISanctionConsequenceRule
{
    /// <summary>The measures that ban.</summary>
    public static readonly IReadOnlyList<string> BanningMeasures = ["revocation", GuangdongSanctionGrounds.NonRenewal];

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.SanctionSupervisor;

    /// <inheritdoc />
    public RegistryBar? OnSanction(SanctionDecision sanction)
    {
        ArgumentNullException.ThrowIfNull(sanction);
        if (!Scope.Contains(sanction.Jurisdiction) || !BanningMeasures.Contains(sanction.Measure, StringComparer.Ordinal)) return null;
        var (zh, en) = sanction.Measure == GuangdongSanctionGrounds.NonRenewal ? ("不予续聘", "not renewed") : ("被取消资格", "had the qualification revoked");
        return new RegistryBar(Scope, sanction.On, null, Rule.Violated(new LocalizedText(
            $"此人已于{sanction.On:yyyy-MM-dd}{zh}，不得再从事广东省技能人才评价质量督导相关工作",
            $"This person {en} on {sanction.On:yyyy-MM-dd} and may never again do quality supervision work in Guangdong")));
    }
}
