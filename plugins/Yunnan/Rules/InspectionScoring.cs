using System.Globalization;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Forms;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 打分评议 (scoring) of 《职业技能等级认定现场质量督导情况报告表》 (YN 第十一条第（二）项, <c>yn.task.annual-inspection</c>):
/// every scored item has a whole score between 0 and its maximum, and the total is their sum. A total given by the caller
/// must equal the sum; a missing total is computed.
/// </summary>
public static class InspectionScoring
{
    /// <summary>The scores' total, or every violation (item out of range, not whole, total that does not add up).</summary>
    public static (decimal? Total, RuleOutcome Outcome) Total(IReadOnlyDictionary<string, FormAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        List<Violation> violations = [];
        decimal sum = 0;
        foreach (var item in YunnanForms.ScoredItems)
        {
            if (!answers.TryGetValue(item.Key, out var a) || a.Number is not { } score) continue; // missing: reported by the form check
            if (score < 0 || score > item.MaxScore || score != decimal.Truncate(score))
                violations.Add(V($"第{item.Number}项得分须为0至{item.MaxScore}的整数（现为{score.ToString(CultureInfo.InvariantCulture)}）",
                    $"item {item.Number}: the score must be a whole number from 0 to {item.MaxScore} (is {score.ToString(CultureInfo.InvariantCulture)})"));
            else sum += score;
        }
        if (violations.Count > 0) return (null, new RuleOutcome(violations));
        if (answers.TryGetValue(YunnanForms.TotalKey, out var total) && total.Number is { } given && given != sum)
            return (null, RuleOutcome.Fail(V($"总分应为各项得分之和 {sum}（现为{given.ToString(CultureInfo.InvariantCulture)}）",
                $"the total must be the sum of the item scores, {sum} (is {given.ToString(CultureInfo.InvariantCulture)})")));
        return (sum, RuleOutcome.Pass);
    }

    private static Violation V(string zh, string en) => YunnanRules.TaskAnnualInspection.Violated(new LocalizedText(zh, en));
}
