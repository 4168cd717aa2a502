using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Sanctions.Rules;

/// <summary>
/// 评价机构处理 (institution sanction ladder): 通报批评并责令改正 → (拒不改正或情节严重) 处分建议 → 直至取消技能人才评价工作资格.
/// CN 第十八条 (<c>cn.sanction.institution-ladder</c>).
/// <para>Readings: the steps are taken in order; a step may be skipped only with a recorded serious (情节严重)
/// justification. A notice carries a correction deadline after its date. Escalating from a notice to a disciplinary
/// recommendation without a serious justification needs the deadline to have passed (拒不改正 can only be established
/// then). A step may be repeated (a new notice, another recommendation), never gone back on: lifting a sanction is
/// another act. A disqualified institution gets no further sanction and no new activities or tasks. The step in force
/// is the highest one decided on or before the day.</para>
/// </summary>
public sealed class InstitutionSanctionLadderRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.InstitutionSanctionLadder;

    /// <summary>The highest step decided on or before <paramref name="on"/>.</summary>
    public static InstitutionSanctionStep CurrentStep(IEnumerable<InstitutionSanction> history, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(s => s.On <= on).Select(s => s.Step).DefaultIfEmpty(InstitutionSanctionStep.None).Max();
    }

    /// <summary>Judges <paramref name="next"/> after <paramref name="history"/> (earlier sanctions of the same institution, any order).</summary>
    public RuleOutcome CheckNext(IReadOnlyCollection<InstitutionSanction> history, InstitutionSanction next)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(next);
        var violations = new List<Violation>();
        var current = CurrentStep(history, next.On);
        if (!Enum.IsDefined(next.Step) || next.Step == InstitutionSanctionStep.None)
            violations.Add(Violated($"“{next.Step}”不是第十八条的处理措施", $"'{next.Step}' is not a measure of article 18"));
        if (!Enum.IsDefined(next.Ground))
            violations.Add(Violated("须注明第十八条第（一）至（六）项中的情形", "The ground must be one of items (1)–(6) of article 18"));
        if (next.Step == InstitutionSanctionStep.NoticeAndCorrection && (next.CorrectionDeadline is not { } deadline || deadline <= next.On))
            violations.Add(Violated("通报批评并责令改正须规定晚于决定日期的改正期限", "A notice and order to correct needs a correction deadline after the date of the decision"));

        if (current == InstitutionSanctionStep.Disqualification)
            violations.Add(Violated("该评价机构已被取消评价工作资格", "The institution is already disqualified"));
        else if (next.Step < current)
            violations.Add(Violated($"已处于“{Name(current).Zh}”，不能退回“{Name(next.Step).Zh}”", $"Already at '{Name(current).En}'; cannot go back to '{Name(next.Step).En}'"));
        else if (next.Step > current + 1 && !next.IsJustifiedAsSerious)
            violations.Add(Violated(
                $"从“{Name(current).Zh}”直接到“{Name(next.Step).Zh}”须记录情节严重的理由",
                $"Going from '{Name(current).En}' straight to '{Name(next.Step).En}' needs a recorded serious (情节严重) justification"));
        else if (current == InstitutionSanctionStep.NoticeAndCorrection && next.Step == InstitutionSanctionStep.DisciplinaryRecommendation
            && !next.IsJustifiedAsSerious && LatestDeadline(history, next.On) is { } due && next.On <= due)
            violations.Add(Violated(
                $"改正期限{due:yyyy-MM-dd}届满前不能认定拒不改正；情节严重的须记录理由",
                $"Refusal to correct cannot be established before the deadline {due:yyyy-MM-dd} has passed; a serious case needs a recorded justification"));
        return new RuleOutcome(violations);
    }

    /// <summary>Judges a new evaluation activity or task for an institution on <paramref name="on"/>: refused once disqualified.</summary>
    public RuleOutcome CheckNewActivity(IEnumerable<InstitutionSanction> history, DateOnly on) =>
        CurrentStep(history, on) == InstitutionSanctionStep.Disqualification
            ? RuleOutcome.Fail(Violated("该评价机构已被取消技能人才评价工作资格，不能开展新的评价活动", "The institution is disqualified from evaluation work: no new activities or tasks"))
            : RuleOutcome.Pass;

    /// <summary>The name of a step in Chinese and English.</summary>
    public static LocalizedText Name(InstitutionSanctionStep step) => step switch
    {
        InstitutionSanctionStep.None => new("无", "none"),
        InstitutionSanctionStep.NoticeAndCorrection => new("通报批评并责令改正", "public criticism and order to correct"),
        InstitutionSanctionStep.DisciplinaryRecommendation => new("处分建议", "disciplinary recommendation"),
        InstitutionSanctionStep.Disqualification => new("取消评价工作资格", "disqualification"),
        _ => new(step.ToString(), step.ToString()),
    };

    private static DateOnly? LatestDeadline(IEnumerable<InstitutionSanction> history, DateOnly on) =>
        history.Where(s => s.Step == InstitutionSanctionStep.NoticeAndCorrection && s.On <= on && s.CorrectionDeadline is not null)
            .Select(s => s.CorrectionDeadline).Max();

    private Violation Violated(string zh, string en) => Rule.Violated(new LocalizedText(zh, en));
}
