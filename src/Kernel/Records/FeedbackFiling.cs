using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Records;

/// <summary>Everything the institution's feedback on a supervisor (情况反馈) is decided on, loaded by the Host in one place.</summary>
/// <param name="Assignment">The assignment's state now.</param>
/// <param name="AlreadyGiven">True when the assignment already has the institution's feedback.</param>
/// <param name="FormId">The form the feedback is given on, or null for the national shape (entry, exit, conduct, text).</param>
/// <param name="FormVersion">Its version, or null with the national shape.</param>
/// <param name="Forms">The forms feedback on this task must use (<see cref="FormBindings.Resolve"/>, purpose feedback).</param>
/// <param name="Deadline">The feedback period (<see cref="FilingDeadlines.For"/>).</param>
/// <param name="FiledOn">The China day of the feedback.</param>
public sealed record FeedbackFacts(
    AssignmentState Assignment, bool AlreadyGiven, string? FormId, int? FormVersion, FormRequirement Forms, FilingDeadline Deadline, DateOnly FiledOn);

/// <summary>What giving feedback changes: one feedback is kept for the assignment, with its period and late flag.</summary>
/// <param name="FormId">The pack form used, or null for the national shape.</param>
/// <param name="FormVersion">Its version.</param>
/// <param name="DueOn">Last day in time, or null where no period is set.</param>
/// <param name="DueAssumed">True when the due date assumed Mon–Fri working days.</param>
/// <param name="Late">True when given after <paramref name="DueOn"/> (flagged, never refused).</param>
/// <param name="Rules">The rules applied, for the audit entry.</param>
public sealed record FeedbackGiven(string? FormId, int? FormVersion, DateOnly? DueOn, bool DueAssumed, bool Late, IReadOnlyList<string> Rules);

/// <summary>
/// 被督导机构情况反馈 (the institution's feedback on the supervisor). Where a pack binds feedback to its form (GD 第二十条
/// 附件5, <c>gd.feedback.institution</c>; BJ 第二十二条 附件4, <c>bj.feedback.institution</c>), feedback goes through that form
/// and nothing else; elsewhere it keeps the national shape — entry, exit and the conduct CN 第十条 asks of a supervisor
/// (佩戴证卡、认真履行职责、客观公正、廉洁), which is why the national conflicts cite <c>cn.report.required</c>. Only an
/// assignment that was carried out (accepted or completed) gets feedback, once. Late feedback is flagged, never refused.
/// </summary>
public static class FeedbackFiling
{
    /// <summary>Decides the feedback.</summary>
    public static Decision<FeedbackGiven> Decide(FeedbackFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = facts.Forms.Rule ?? NationalRules.ReportRequired;
        if (Conflict(facts) is { } conflict)
            return Decision.Refuse<FeedbackGiven>(RuleOutcome.Fail(rule.Violated(conflict)));
        if (facts.Forms.IsBound && (facts.FormId is not { } formId || !facts.Forms.Allows(formId)))
            return Decision.Refuse<FeedbackGiven>(RuleOutcome.Fail(facts.FormId is null
                ? rule.Violated(new LocalizedText(
                    $"机构反馈应使用表格 {string.Join("、", facts.Forms.FormIds)}（{rule.Citation.Document} {rule.Citation.ArticleZh}）填写：请提交 formId 与 answers",
                    $"the institution's feedback is given on {string.Join(", ", facts.Forms.FormIds)} ({rule.Citation}): send formId and answers"))
                : RecordFiling.WrongForm(facts.Forms, facts.FormId, "机构反馈", "the institution's feedback")));

        var deadline = facts.Deadline;
        IReadOnlyList<string> rules =
        [
            .. deadline.Rule is { } d ? [d.Id] : Array.Empty<string>(),
            .. facts.Forms.Rule is { } f && f.Id != deadline.Rule?.Id ? [f.Id] : Array.Empty<string>(),
        ];
        return Decision.Allow(new FeedbackGiven(facts.Forms.IsBound ? facts.FormId : null, facts.Forms.IsBound ? facts.FormVersion : null,
            deadline.Due, deadline.Assumed, deadline.IsLate(facts.FiledOn), rules));
    }

    /// <summary>Why feedback cannot be given now (a conflict with the assignment's state, HTTP 409), or null.</summary>
    public static LocalizedText? Conflict(FeedbackFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.Assignment.IsDispatched())
            return new LocalizedText($"委派状态为 {facts.Assignment.Text()}，督导员未到场，无需反馈", $"the assignment is {facts.Assignment.Text()}: there is no supervision to give feedback on");
        if (facts.AlreadyGiven)
            return new LocalizedText("该委派已有机构反馈；每个委派一份", "this assignment already has the institution's feedback: one per assignment");
        return null;
    }
}
