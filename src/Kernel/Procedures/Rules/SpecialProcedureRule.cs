using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Procedures.Rules;

/// <summary>
/// 专项督导工作程序 (special procedure): [评价机构自评（自查）报告] 现场考察 → 初步督导意见反馈评价机构 → 评价机构申辩（在规定期限内）→ 委派机构发出督导意见书
/// → 评价机构整改并提交整改报告 → 结束. CN 第十五条 (<c>cn.special.procedure</c>).
/// <para>Reading: the steps come in that order, each at most once, none skipped, each dated no earlier than the one
/// before and not in the future. The rebuttal (申辩) is the institution's right, not its duty: the preliminary opinion
/// sets the last day of the rebuttal period (<see cref="RecordedSpecialStep.RebuttalDue"/>, a date chosen by the
/// dispatching authority, since CN sets no length); a rebuttal must be made on or before that day; the opinion letter
/// may follow without a rebuttal only once the period has passed (dated after its last day), because 第十五条(三)
/// requires the authority to weigh the rebuttal before writing the letter. Every refusal names this rule, except those of the
/// self-report (<c>cn.special.self-report</c>, 第十五条第（二）项): the group forms its preliminary opinion after reviewing the
/// institution's 自评报告 with the site visit, so the report is recorded before the preliminary opinion — usually before the
/// site visit, but the text does not require that (docs/readings.md).</para>
/// </summary>
public sealed class SpecialProcedureRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.SpecialProcedure;

    /// <summary>The steps that may be recorded next, as of <paramref name="today"/> (a step is recorded on or after its day).</summary>
    public static IReadOnlyList<SpecialStep> NextAllowed(IReadOnlyList<RecordedSpecialStep> recorded, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var hasSelfReport = recorded.Any(s => s.Step == SpecialStep.SelfReport);
        var chain = Chain(recorded);
        if (chain.Count == 0) return hasSelfReport ? [SpecialStep.SiteVisit] : [SpecialStep.SelfReport, SpecialStep.SiteVisit];
        var last = chain.MaxBy(s => s.Step)!;
        return last.Step switch
        {
            SpecialStep.Closed => [],
            SpecialStep.SiteVisit when !hasSelfReport => [SpecialStep.SelfReport],
            SpecialStep.PreliminaryOpinion when last.RebuttalDue is { } due && today > due => [SpecialStep.Rebuttal, SpecialStep.OpinionLetter],
            _ => [last.Step + 1],
        };
    }

    // The linked steps (一)→(四): everything but the self-report, which is a precondition of the preliminary opinion.
    private static List<RecordedSpecialStep> Chain(IReadOnlyList<RecordedSpecialStep> recorded) => [.. recorded.Where(s => s.Step != SpecialStep.SelfReport)];

    /// <summary>
    /// Judges recording <paramref name="step"/> dated <paramref name="on"/> after the <paramref name="recorded"/> steps, on
    /// <paramref name="today"/>. <paramref name="rebuttalDue"/> is required with the preliminary opinion and ignored otherwise.
    /// </summary>
    public SpecialStepDecision Check(IReadOnlyList<RecordedSpecialStep> recorded, SpecialStep step, DateOnly on, DateOnly? rebuttalDue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Any(s => s.Step == step))
            return Refuse($"“{Zh(step)}”已记录，同一步骤不得重复", $"'{En(step)}' is already recorded; a step may not be repeated");
        var chain = Chain(recorded);
        var last = chain.Count == 0 ? null : chain.MaxBy(s => s.Step);
        if (last?.Step == SpecialStep.Closed)
            return Refuse("专项督导程序已结束", "the special procedure is closed");
        var selfReport = recorded.FirstOrDefault(s => s.Step == SpecialStep.SelfReport);
        if (step == SpecialStep.SelfReport)
        {
            if (last is not null && last.Step > SpecialStep.SiteVisit)
                return RefuseSelfReport("初步督导意见已形成，自评报告应在此之前提交供督导小组评议", "the preliminary opinion is formed: the self-report comes before it, for the group to review");
            return new SpecialStepDecision(on > today
                ? RuleOutcome.Fail(NationalRules.SpecialSelfReport.Violated(new($"自评报告日期 {on:yyyy-MM-dd} 晚于今天，不能预先记录", $"the self-report's date {on:yyyy-MM-dd} is in the future")))
                : RuleOutcome.Pass, false);
        }
        if (step == SpecialStep.PreliminaryOpinion && last?.Step == SpecialStep.SiteVisit && selfReport is null)
            return RefuseSelfReport("尚未收到评价机构的自评（自查）报告：督导小组应对自评报告和现场考察情况进行评议后形成初步督导意见",
                "the institution's self-evaluation report is not in: the group forms its preliminary opinion after reviewing it with the site visit");
        var expected = last is null ? SpecialStep.SiteVisit : last.Step + 1;
        var skipsRebuttal = last?.Step == SpecialStep.PreliminaryOpinion && step == SpecialStep.OpinionLetter;
        if (step != expected && !skipsRebuttal)
            return Refuse($"应先进行“{Zh(expected)}”，不得跳过步骤直接“{Zh(step)}”", $"'{En(expected)}' comes next; '{En(step)}' may not skip it");
        if (skipsRebuttal && last!.RebuttalDue is { } open && on <= open)
            return Refuse($"申辩期限至 {open:yyyy-MM-dd} 止，期限届满前未收到申辩的，不得发出督导意见书", $"the rebuttal period runs until {open:yyyy-MM-dd}; without a rebuttal the opinion letter may follow only after it");

        var violations = new List<Violation>();
        if (on > today)
            violations.Add(Rule.Violated(new($"步骤日期 {on:yyyy-MM-dd} 晚于今天，不能预先记录", $"the step's date {on:yyyy-MM-dd} is in the future")));
        if (last is not null && on < last.On)
            violations.Add(Rule.Violated(new($"步骤日期 {on:yyyy-MM-dd} 早于上一步骤（{Zh(last.Step)}，{last.On:yyyy-MM-dd}）", $"the step's date {on:yyyy-MM-dd} precedes the previous step ('{En(last.Step)}', {last.On:yyyy-MM-dd})")));
        if (step == SpecialStep.PreliminaryOpinion && selfReport is not null && on < selfReport.On)
            violations.Add(NationalRules.SpecialSelfReport.Violated(new($"初步督导意见日期 {on:yyyy-MM-dd} 早于自评报告（{selfReport.On:yyyy-MM-dd}）", $"the preliminary opinion's date {on:yyyy-MM-dd} precedes the self-report ({selfReport.On:yyyy-MM-dd})")));
        if (step == SpecialStep.PreliminaryOpinion && rebuttalDue is null)
            violations.Add(Rule.Violated(new("初步督导意见须规定申辩期限", "the preliminary opinion must set the rebuttal period's last day")));
        if (step == SpecialStep.PreliminaryOpinion && rebuttalDue is { } due && due < on)
            violations.Add(Rule.Violated(new($"申辩期限 {due:yyyy-MM-dd} 早于初步督导意见日期 {on:yyyy-MM-dd}", $"the rebuttal period's last day {due:yyyy-MM-dd} precedes the preliminary opinion ({on:yyyy-MM-dd})")));
        if (step == SpecialStep.Rebuttal && last!.RebuttalDue is { } deadline && on > deadline)
            violations.Add(Rule.Violated(new($"申辩应在规定期限（{deadline:yyyy-MM-dd}）内提出", $"a rebuttal must be made by the end of its period ({deadline:yyyy-MM-dd})")));
        return new SpecialStepDecision(new RuleOutcome(violations), false);
    }

    private SpecialStepDecision Refuse(string zh, string en) =>
        new(RuleOutcome.Fail(Rule.Violated(new LocalizedText(zh, en))), OutOfOrder: true);

    private static SpecialStepDecision RefuseSelfReport(string zh, string en) =>
        new(RuleOutcome.Fail(NationalRules.SpecialSelfReport.Violated(new LocalizedText(zh, en))), OutOfOrder: true);

    /// <summary>The step's name in the words of 第十五条.</summary>
    public static string Zh(SpecialStep step) => step switch
    {
        SpecialStep.SelfReport => "提交自评（自查）报告",
        SpecialStep.SiteVisit => "现场考察",
        SpecialStep.PreliminaryOpinion => "初步督导意见反馈",
        SpecialStep.Rebuttal => "评价机构申辩",
        SpecialStep.OpinionLetter => "发出督导意见书",
        SpecialStep.RectificationReport => "提交整改报告",
        _ => "结束",
    };

    private static string En(SpecialStep step) => step switch
    {
        SpecialStep.SelfReport => "self-report",
        SpecialStep.SiteVisit => "site visit",
        SpecialStep.PreliminaryOpinion => "preliminary opinion",
        SpecialStep.Rebuttal => "rebuttal",
        SpecialStep.OpinionLetter => "opinion letter",
        SpecialStep.RectificationReport => "rectification report",
        _ => "closed",
    };
}
