using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Records;

/// <summary>Everything the filing of a supervision record (督导记录) is decided on, loaded by the Host in one place.</summary>
/// <param name="Assignment">The assignment's state now.</param>
/// <param name="FormId">The form the record is filed on.</param>
/// <param name="FormVersion">Its version (the one in force that the submission names, or the newest).</param>
/// <param name="Forms">The forms a record of this task must use (<see cref="FormBindings.Resolve"/>).</param>
/// <param name="Deadline">The filing period (<see cref="FilingDeadlines.For"/>).</param>
/// <param name="FiledOn">The China day of the filing.</param>
public sealed record RecordFilingFacts(AssignmentState Assignment, string FormId, int FormVersion, FormRequirement Forms, FilingDeadline Deadline, DateOnly FiledOn);

/// <summary>What filing a record changes: the assignment is completed, the record is kept with its period and late flag.</summary>
/// <param name="AssignmentFrom">The assignment's state before (accepted).</param>
/// <param name="AssignmentTo">After: <see cref="AssignmentState.Completed"/>.</param>
/// <param name="FormId">The form filed on.</param>
/// <param name="FormVersion">Its version.</param>
/// <param name="DueOn">Last day in time, or null where no period is set.</param>
/// <param name="DueAssumed">True when the due date assumed Mon–Fri working days.</param>
/// <param name="Late">True when filed after <paramref name="DueOn"/> (flagged, never refused).</param>
/// <param name="Rules">The rules applied, for the audit entry (<c>cn.report.required</c>, the deadline and the forms rule).</param>
public sealed record RecordFiled(
    AssignmentState AssignmentFrom, AssignmentState AssignmentTo, string FormId, int FormVersion, DateOnly? DueOn, bool DueAssumed, bool Late,
    IReadOnlyList<string> Rules);

/// <summary>
/// 提交督导记录 (filing the supervision record), CN 第十条 (<c>cn.report.required</c>): after the task the supervisor reports
/// in writing to the dispatching authority, and the record completes the assignment. Only an accepted assignment files a
/// record, once (v1 keeps no corrections). The record goes on the form its task and activity call for where a pack binds
/// record forms (<c>gd.forms.record</c>, <c>bj.forms.record</c>); another form is refused naming that rule. Late filing is
/// flagged, never refused (GD 20, BJ 22/26 keep the filing).
/// </summary>
public static class RecordFiling
{
    /// <summary>Decides the filing.</summary>
    public static Decision<RecordFiled> Decide(RecordFilingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Conflict(facts.Assignment) is { } conflict)
            return Decision.Refuse<RecordFiled>(RuleOutcome.Fail(NationalRules.ReportRequired.Violated(conflict)));
        if (!facts.Forms.Allows(facts.FormId))
            return Decision.Refuse<RecordFiled>(RuleOutcome.Fail(WrongForm(facts.Forms, facts.FormId, "督导记录", "the record")));

        var deadline = facts.Deadline;
        IReadOnlyList<string> rules =
        [
            NationalRules.ReportRequired.Id,
            .. deadline.Rule is { } d ? [d.Id] : Array.Empty<string>(),
            .. facts.Forms.Rule is { } f ? [f.Id] : Array.Empty<string>(),
        ];
        return Decision.Allow(new RecordFiled(facts.Assignment, AssignmentState.Completed, facts.FormId, facts.FormVersion,
            deadline.Due, deadline.Assumed, deadline.IsLate(facts.FiledOn), rules));
    }

    /// <summary>
    /// Why an assignment in <paramref name="state"/> cannot file a record (a conflict with its state, HTTP 409), or null when
    /// it can (accepted).
    /// </summary>
    public static LocalizedText? Conflict(AssignmentState state) => state switch
    {
        AssignmentState.Accepted => null,
        AssignmentState.Completed => new LocalizedText(
            "该委派已提交记录；每个委派只有一份记录，v1 不支持更正（如需更正，由委派机构在记录之外另行说明）",
            "this assignment already has its record: one record per assignment, and v1 does not support corrections"),
        _ => new LocalizedText($"委派状态为 {state.Text()}，只有已接受的委派可以提交记录", $"the assignment is {state.Text()}: only an accepted assignment files a record"),
    };

    /// <summary>The violation of a use's forms rule by <paramref name="formId"/>.</summary>
    internal static Violation WrongForm(FormRequirement forms, string formId, string whatZh, string whatEn)
    {
        var rule = forms.Rule ?? throw new InvalidOperationException("Only a bound requirement refuses a form.");
        var allowed = string.Join("、", forms.FormIds);
        return rule.Violated(new LocalizedText(
            $"{whatZh}应使用表格 {allowed}（{rule.Citation.Document} {rule.Citation.ArticleZh}），不能使用 {formId}",
            $"{whatEn} must be filed on {string.Join(", ", forms.FormIds)} ({rule.Citation}), not on {formId}"));
    }
}
