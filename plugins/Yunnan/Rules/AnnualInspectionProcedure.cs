using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Forms;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>Opening an annual inspection for a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="TaskKind">Its kind.</param>
/// <param name="TaskInstitutionId">The institution it supervises.</param>
/// <param name="InstitutionId">The institution the inspection is opened for.</param>
public sealed record InspectionOpenFacts(Guid TaskId, TaskKind TaskKind, string? TaskInstitutionId, string InstitutionId);

/// <summary>Recording the next step of an annual inspection.</summary>
/// <param name="Done">Steps already recorded, in order.</param>
/// <param name="LastOn">Day of the latest step recorded, if any.</param>
/// <param name="Step">The step asked for.</param>
/// <param name="On">Its day.</param>
/// <param name="Answers">The site visit's report form.</param>
public sealed record InspectionStepFacts(IReadOnlyList<string> Done, DateOnly? LastOn, string Step, DateOnly On, IReadOnlyDictionary<string, FormAnswer>? Answers)
{
    /// <summary>The step is out of the order of YN 11 (answered 409 rather than 422).</summary>
    public bool OutOfOrder => !AnnualInspectionProcedure.CanRecord(Done, Step).Passed;
}

/// <summary>The step to store.</summary>
/// <param name="Sequence">Its place in the procedure (1-based).</param>
/// <param name="Step">The step.</param>
/// <param name="Total">The site visit's total score.</param>
public sealed record InspectionStepEntry(int Sequence, string Step, decimal? Total);

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

    /// <summary>An annual inspection is opened only for an annual-inspection task (年检评估, YN 10) of that institution.</summary>
    public static RuleOutcome CanOpen(InspectionOpenFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.TaskKind == TaskKind.AnnualInspection && facts.TaskInstitutionId == facts.InstitutionId) return RuleOutcome.Pass;
        return RuleOutcome.Fail(YunnanRules.TaskAnnualInspection.Violated(new LocalizedText(
            $"任务 {facts.TaskId} 不是机构 {facts.InstitutionId} 的年检评估任务", $"task {facts.TaskId} is not an annual-inspection task of institution {facts.InstitutionId}")));
    }

    /// <summary>
    /// Recording a step (YN 11): the next step in order, dated no earlier than the previous one; the site visit's report
    /// form complete and its scores whole, in range and summed (<see cref="InspectionScoring"/>).
    /// </summary>
    public static Decision<InspectionStepEntry> DecideStep(InspectionStepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var order = CanRecord(facts.Done, facts.Step);
        if (!order.Passed) return Decision.Refuse<InspectionStepEntry>(order);
        if (facts.LastOn is { } last && facts.On < last)
            return Decision.Refuse<InspectionStepEntry>(RuleOutcome.Fail(YunnanRules.TaskAnnualInspection.Violated(new LocalizedText(
                "步骤日期不能早于上一步", "a step cannot be dated before the previous one"))));
        decimal? total = null;
        if (facts.Step == SiteVisit)
        {
            var answers = facts.Answers ?? new Dictionary<string, FormAnswer>();
            List<Violation> problems = [.. FormSubmission.Validate(YunnanForms.Report, answers).Select(p =>
                YunnanRules.TaskAnnualInspection.Violated(new LocalizedText($"报告表 {p.Key}：{p.Message.Zh}", $"report form {p.Key}: {p.Message.En}")))];
            var (sum, scoring) = InspectionScoring.Total(answers);
            problems.AddRange(scoring.Violations);
            if (problems.Count > 0) return Decision.Refuse<InspectionStepEntry>(problems);
            total = sum;
        }
        return Decision.Allow(new InspectionStepEntry(facts.Done.Count + 1, facts.Step, total));
    }
}
