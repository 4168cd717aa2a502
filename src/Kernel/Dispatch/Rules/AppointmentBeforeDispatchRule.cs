using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch.Rules;

/// <summary>
/// 聘任后委派 (appointment before dispatch): a pack's choice, for a text that makes appointment a condition of dispatch
/// (BJ 第十一条 "质量督导员实行聘任制", YN 第十八条). The national procedure does not (CN 第八条 "也可…聘用"), so the kernel
/// never applies it by itself: a pack derives a class from this one with its own rule descriptor and scope. Checked at
/// dispatch (<see cref="EligibilityStages.Dispatch"/>) on the first day of the activity; an unknown appointment is a
/// violation, never a guess.
/// </summary>
public abstract class AppointmentBeforeDispatchRule : IEligibilityRule
{
    /// <inheritdoc />
    public abstract string PackId { get; }

    /// <inheritdoc />
    public abstract JurisdictionCode Scope { get; }

    /// <inheritdoc />
    public abstract RuleDescriptor Rule { get; }

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Dispatch;

    /// <inheritdoc />
    public RuleOutcome Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Candidate.Appointed switch
        {
            true => RuleOutcome.Pass,
            false => RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"{context.OnDate:yyyy-MM-dd}无有效聘任：本地区质量督导员实行聘任制，须在聘期内方可委派",
                $"No appointment in force on {context.OnDate:yyyy-MM-dd}: here supervisors are dispatched only during an appointment"))),
            null => RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                "无法确认聘任情况，不能委派", "Whether the supervisor is appointed is unknown, so they cannot be dispatched"))),
        };
    }
}
