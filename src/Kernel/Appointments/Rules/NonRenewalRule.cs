using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Appointments.Rules;

/// <summary>A 不予续聘 (non-renewal) decision the appointing body recorded on a term.</summary>
/// <param name="TermStart">First day of the term it concerns.</param>
/// <param name="DecidedOn">Day of the decision.</param>
public sealed record NonRenewalDecision(DateOnly TermStart, DateOnly DecidedOn);

/// <summary>
/// 考核不合格 → 不予续聘 (non-renewal after a failed assessment): "对考核不合格的人员，视情况取消其资格或不予续聘". CN 第十一条
/// (<c>cn.assessment.failed</c>).
/// <para>Reading ("视情况", as the case may be): non-renewal is a decision the appointing body records, never an automatic
/// consequence of a failed assessment. The body may record it on a term only when the supervisor failed an assessment
/// during that term (<see cref="CheckDecision"/>); a renewal after a term with a recorded non-renewal is refused
/// (<see cref="Check"/>). A failed assessment without a decision does not refuse the renewal — the body decides.
/// "During the term" is from its first day to the day of the decision, both included.</para>
/// </summary>
public sealed class NonRenewalRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.AssessmentFailed;

    /// <summary>Judges recording a non-renewal of <paramref name="term"/> on <paramref name="decidedOn"/>: only after a failed assessment in it.</summary>
    public RuleOutcome CheckDecision(AppointmentTerm term, IEnumerable<AssessmentResult> assessments, DateOnly decidedOn)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(assessments);
        if (decidedOn < term.Start)
            return Fail($"聘期自{term.Start:yyyy-MM-dd}开始，{decidedOn:yyyy-MM-dd}不能对其作出不予续聘决定",
                $"The term starts on {term.Start:yyyy-MM-dd}: no non-renewal can be decided on {decidedOn:yyyy-MM-dd}");
        return assessments.Any(a => !a.Passed && a.On >= term.Start && a.On <= decidedOn)
            ? RuleOutcome.Pass
            : Fail($"聘期（{term.Start:yyyy-MM-dd}起）内没有考核不合格记录，不能以考核不合格为由不予续聘",
                $"No failed assessment during the term (from {term.Start:yyyy-MM-dd}): non-renewal on that ground cannot be decided");
    }

    /// <summary>Judges a renewal on <paramref name="renewalOn"/> after <paramref name="earlierTerms"/>: refused when the last term was not renewed by decision.</summary>
    public RuleOutcome Check(IReadOnlyCollection<AppointmentTerm> earlierTerms, IEnumerable<NonRenewalDecision> decisions, DateOnly renewalOn)
    {
        ArgumentNullException.ThrowIfNull(earlierTerms);
        ArgumentNullException.ThrowIfNull(decisions);
        var last = earlierTerms.Where(t => t.Start <= renewalOn).MaxBy(t => t.Start);
        if (last is null) return RuleOutcome.Pass;
        var decision = decisions.Where(d => d.TermStart == last.Start && d.DecidedOn <= renewalOn).MinBy(d => d.DecidedOn);
        return decision is null
            ? RuleOutcome.Pass
            : Fail($"委派机构已于{decision.DecidedOn:yyyy-MM-dd}决定上一聘期（{last.Start:yyyy-MM-dd}起）考核不合格不予续聘",
                $"The appointing body decided on {decision.DecidedOn:yyyy-MM-dd} not to renew the last term (from {last.Start:yyyy-MM-dd}) after a failed assessment");
    }

    private RuleOutcome Fail(string zh, string en) => RuleOutcome.Fail(Rule.Violated(new LocalizedText(zh, en)));
}
