using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Appointments.Rules;

/// <summary>
/// 考核不合格不予续聘 (failed assessment blocks renewal): a failed assessment recorded during the last term blocks its
/// renewal. CN 第十一条 (<c>cn.assessment.failed</c>).
/// <para>Reading: "during the last term" is from the last term's first day up to the date of the renewal, both
/// included; a failure before the last term started was already judged at that renewal and does not count again, and
/// a later pass does not cure a failure of the same term. Revoking the qualification (取消其资格) is a decision of the
/// dispatching body ("视情况"), not automatic here.</para>
/// </summary>
public sealed class FailedAssessmentBlocksRenewalRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.AssessmentFailed;

    /// <summary>Judges a renewal on <paramref name="renewalOn"/> after <paramref name="earlierTerms"/>; a first appointment passes.</summary>
    public RuleOutcome Check(IReadOnlyCollection<AppointmentTerm> earlierTerms, IEnumerable<AssessmentResult> assessments, DateOnly renewalOn)
    {
        ArgumentNullException.ThrowIfNull(earlierTerms);
        ArgumentNullException.ThrowIfNull(assessments);
        var last = earlierTerms.Where(t => t.Start <= renewalOn).MaxBy(t => t.Start);
        if (last is null) return RuleOutcome.Pass;
        var failed = assessments.Where(a => !a.Passed && a.On >= last.Start && a.On <= renewalOn).Select(a => a.On).Order().ToList();
        if (failed.Count == 0) return RuleOutcome.Pass;
        var dates = string.Join(", ", failed.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
            $"上一聘期（{last.Start:yyyy-MM-dd}起）内考核不合格（{dates}），不予续聘",
            $"Failed assessment during the last term (from {last.Start:yyyy-MM-dd}) on {dates}: renewal is refused")));
    }
}
