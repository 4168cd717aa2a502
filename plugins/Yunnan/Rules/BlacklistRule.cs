using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 失信黑名单 (blacklist): "取消督导员资格的质量督导人员,撤回质量督导人员证卡,在职业技能等级认定技能人才评价服务平台删除其信息,
/// 列入质量督导失信黑名单". YN 第二十三条 (<c>yn.revocation.blacklist</c>).
/// <para>Readings: every revocation of the qualification (取消督导资格: YN 17 learning, 19 refusals, 21 serious misconduct,
/// 22 failed assessment) blacklists the person for good in all of Yunnan (53); the article sets no end. Other measures
/// (criticism, suspension, dismissal at the end of a term) do not. The Host matches the person by the keyed hash of the
/// resident ID number and refuses registration and appointment in 53.</para>
/// </summary>
public sealed class BlacklistRule : ISanctionConsequenceRule
{
    /// <summary>The sanction measure that blacklists.</summary>
    public const string RevocationMeasure = "revocation";

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.RevocationBlacklist;

    /// <inheritdoc />
    public RegistryBar? OnSanction(SanctionDecision sanction)
    {
        ArgumentNullException.ThrowIfNull(sanction);
        if (sanction.Measure != RevocationMeasure || !Scope.Contains(sanction.Jurisdiction)) return null;
        return new RegistryBar(Scope, sanction.On, null, Rule.Violated(new LocalizedText(
            $"依第二十三条：该人员已于{sanction.On:yyyy-MM-dd}被取消督导资格并列入质量督导失信黑名单，不得在云南再登记或聘任。",
            $"YN 23: this person's qualification was revoked on {sanction.On:yyyy-MM-dd} and they are on the supervision dishonesty blacklist; they cannot be registered or appointed again in Yunnan.")));
    }
}
