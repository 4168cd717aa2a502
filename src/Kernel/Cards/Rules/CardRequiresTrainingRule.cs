using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards.Rules;

/// <summary>One qualification training and assessment (培训考核) of a person.</summary>
/// <param name="Kind">For external or internal supervisors (the provincial centre trains external ones, the institution internal ones).</param>
/// <param name="On">China calendar day of the assessment result.</param>
/// <param name="Passed">合格 (passed) or not.</param>
public sealed record QualificationTraining(SupervisorKind Kind, DateOnly On, bool Passed);

/// <summary>
/// 培训考核合格 (training passed): a card is issued only to a person with a passed qualification training/assessment
/// of the same kind (external or internal) dated on or before the day of issue. CN 第七条 (<c>cn.card.requires-training</c>).
/// </summary>
public sealed class CardRequiresTrainingRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.CardRequiresTraining;

    /// <summary>Judges whether a card of <paramref name="kind"/> may be issued on <paramref name="issuedOn"/>.</summary>
    public RuleOutcome Check(SupervisorKind kind, DateOnly issuedOn, IEnumerable<QualificationTraining> trainings)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        if (trainings.Any(t => t.Kind == kind && t.Passed && t.On <= issuedOn)) return RuleOutcome.Pass;
        var (zh, en) = kind == SupervisorKind.External ? ("外督", "external") : ("内督", "internal");
        return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
            $"截至{issuedOn:yyyy-MM-dd}无{zh}培训考核合格记录，不能颁发证卡",
            $"No passed {en} qualification training/assessment on or before {issuedOn:yyyy-MM-dd}: no card can be issued")));
    }
}
