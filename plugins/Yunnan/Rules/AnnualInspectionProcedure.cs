using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 年检评估程序 (annual inspection procedure): the steps of YN 第十一条 for the task kind 年检评估 of 第十条
/// (<c>yn.task.annual-inspection</c>), strictly in order, each once:
/// (一) 督导工作通知 notice → (二) 现场考察、填写报告表、打分评议 site visit and scoring → (二) 初步督导意见、反馈督导意见书
/// preliminary opinion → (三) 整改并报告 rectification → (四) 提交督导报告 report.
/// </summary>
public static class AnnualInspectionProcedure
{
    /// <summary>指派机构发出督导工作通知 (YN 11(一)).</summary>
    public const string Notice = "notice";

    /// <summary>现场考察、听取意见、填写报告表、打分评议 (YN 11(二)).</summary>
    public const string SiteVisit = "site-visit";

    /// <summary>形成初步督导意见并反馈督导意见书 (YN 11(二)).</summary>
    public const string PreliminaryOpinion = "preliminary-opinion";

    /// <summary>被督导机构整改并报告指派机构 (YN 11(三)).</summary>
    public const string Rectification = "rectification";

    /// <summary>督导组向指派机构提交督导报告 (YN 11(四)).</summary>
    public const string Report = "report";

    /// <summary>The steps in order.</summary>
    public static IReadOnlyList<string> Steps { get; } = [Notice, SiteVisit, PreliminaryOpinion, Rectification, Report];

    /// <summary>The next step after <paramref name="done"/> (steps already recorded, in order), or null when finished.</summary>
    public static string? Next(IReadOnlyList<string> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return done.Count < Steps.Count ? Steps[done.Count] : null;
    }

    /// <summary>Passes when <paramref name="step"/> is the next step after <paramref name="done"/>; otherwise a violation naming the expected one.</summary>
    public static RuleOutcome CanRecord(IReadOnlyList<string> done, string step)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (!Steps.Contains(step))
            return RuleOutcome.Fail(YunnanRules.TaskAnnualInspection.Violated(new LocalizedText(
                $"年检评估程序没有“{step}”这一步（{string.Join(" → ", Steps)}）", $"the annual inspection has no step '{step}' ({string.Join(" → ", Steps)})")));
        var next = Next(done);
        if (step == next) return RuleOutcome.Pass;
        return RuleOutcome.Fail(YunnanRules.TaskAnnualInspection.Violated(next is null
            ? new LocalizedText("依第十一条：年检评估程序已完成，不能再记录步骤", "YN 11: the annual inspection procedure is complete; no further step can be recorded")
            : done.Contains(step)
                ? new LocalizedText($"依第十一条：“{step}”已记录，下一步应为“{next}”", $"YN 11: '{step}' is already recorded; the next step is '{next}'")
                : new LocalizedText($"依第十一条：程序须按顺序进行，下一步应为“{next}”，不能跳到“{step}”", $"YN 11: the steps go in order; the next step is '{next}', not '{step}'")));
    }
}
