using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Appointments.Rules;

/// <summary>
/// 任职条件 (conditions): a supervisor is appointed only with all five conditions of CN 第六条 attested
/// (<c>cn.supervisor.conditions</c>). One violation per missing condition; no record at all is one violation.
/// Checked at appointment.
/// </summary>
public sealed class SupervisorConditionsRule : IEligibilityRule
{
    private static readonly (Func<SupervisorConditions, bool> Attested, string Item, string Zh, string En)[] Items =
    [
        (c => c.PoliticalCommitment, "（一）", "坚持党的基本路线，热爱技能人才评价工作", "commitment to the Party's basic line and to skills evaluation"),
        (c => c.PolicyKnowledge, "（二）", "掌握技能人才评价有关政策、法规和规章，熟悉评价理论和技术方法", "knowledge of evaluation policy, law and methods"),
        (c => c.Integrity, "（三）", "坚持原则、廉洁奉公、办事公道、作风正派，具有良好的职业道德和敬业精神", "integrity and professional ethics"),
        (c => c.OrganisingAndExpression, "（四）", "具有较强的组织协调能力和表达能力", "organising, coordinating and expressive ability"),
        (c => c.Health, "（五）", "身体健康，能胜任质量督导工作", "health fit for supervision work"),
    ];

    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.SupervisorConditions;

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Appointment;

    /// <inheritdoc />
    public RuleOutcome Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Check(context.Candidate.Conditions);
    }

    /// <summary>Judges the attested conditions alone (null: not recorded).</summary>
    public RuleOutcome Check(SupervisorConditions? conditions)
    {
        if (conditions is null)
            return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                "未记录第六条五项任职条件的确认，不能聘任",
                "The five conditions of article 6 are not recorded as attested: no appointment")));
        return new RuleOutcome(Items
            .Select((item, index) => (item, number: index + 1))
            .Where(x => !x.item.Attested(conditions))
            .Select(x => Rule.Violated(new LocalizedText(
                $"不具备第六条第{x.item.Item}项条件：{x.item.Zh}",
                $"Condition ({x.number}) of article 6 not attested: {x.item.En}")))
            .ToList());
    }
}
