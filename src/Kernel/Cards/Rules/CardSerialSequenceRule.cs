using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards.Rules;

/// <summary>
/// 证卡序列码 (serial sequence): serials are taken in order from 0001 per issuing authority per year, up to 9999; past the
/// end the issuer is refused with a clear exhaustion message. Uniqueness under concurrency is the Host's counter row per
/// <see cref="CardAllocationKey"/>; this rule judges the serial it hands out. CN 附件 证卡编码规则 (<c>cn.card.serial-sequence</c>).
/// </summary>
public sealed class CardSerialSequenceRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.CardSerialSequence;

    /// <summary>Judges a serial about to be used in a sequence with <paramref name="range"/>.</summary>
    public RuleOutcome Check(int serial, CardSerialRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (serial < range.First)
            return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"序列码须从{range.First:D4}起依次取值，{serial}无效",
                $"Serials are taken in order from {range.First:D4}; {serial} is not one")));
        if (serial > range.Last)
            return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"该颁发机构本年度的序列码已用尽（{range.First:D4}—{range.Last:D4}），不能再颁发证卡",
                $"The issuer's serials for this year are exhausted ({range.First:D4}–{range.Last:D4}); no further card can be issued")));
        return RuleOutcome.Pass;
    }
}
