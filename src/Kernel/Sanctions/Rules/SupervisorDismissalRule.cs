using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Sanctions.Rules;

/// <summary>
/// 解聘 (dismissal): a supervisor who takes part without authorisation or refuses without reason, does not perform the
/// duties, or causes bad influence is dismissed (予以解聘). CN 第十七条 (<c>cn.sanction.supervisor-dismissal</c>).
/// <para>Reading: a dismissal needs one of the grounds of the article; the other measures (criticism, suspension,
/// revocation, ban) may also rest on another recorded reason (a revocation after a failed assessment is CN 第十一条).
/// The effects of a dismissal — the appointment ends and the card is withdrawn on the day of the decision — are applied
/// by the caller in the same transaction.</para>
/// </summary>
public sealed class SupervisorDismissalRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.SupervisorDismissal;

    /// <summary>True when the measure ends the appointment and withdraws the card.</summary>
    public static bool EndsAppointment(SupervisorSanctionMeasure measure) =>
        measure is SupervisorSanctionMeasure.Dismissal or SupervisorSanctionMeasure.Revocation;

    /// <summary>Judges a measure on a ground, decided on <paramref name="on"/>.</summary>
    public RuleOutcome Check(SupervisorSanctionMeasure measure, SupervisorSanctionGround ground, DateOnly on)
    {
        if (!Enum.IsDefined(measure))
            return Fail("未知的处理措施", "Unknown measure");
        if (!Enum.IsDefined(ground))
            return Fail("未知的处理事由", "Unknown ground");
        if (!Rule.IsInForceOn(on) || measure != SupervisorSanctionMeasure.Dismissal || ground != SupervisorSanctionGround.Other)
            return RuleOutcome.Pass;
        return Fail(
            "解聘须基于第十七条所列情形：擅自参加或无故拒绝参加、不履行督导职责、造成不良影响",
            "A dismissal needs a ground of article 17: unauthorised participation or refusal without reason, not performing duties, or bad influence");
    }

    private RuleOutcome Fail(string zh, string en) => RuleOutcome.Fail(Rule.Violated(new LocalizedText(zh, en)));
}
