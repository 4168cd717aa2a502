using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.BeijingEtdz.Forms;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 记录表适用 (<c>bj.forms.record</c>, BJ 第十八条、第二十二条、第二十六条): 现场督导 files annex 3 (on-site), 事后认定资料督导
/// annex 3 (after the fact), competition supervision annex 7 (事中 / 事后). Reading: a special task (CN 15) begins with a site
/// visit, so it files the on-site annex 3. The task kind decides (BJ 18 and 25 name the forms of supervision); an annual
/// inspection is not a BJ task kind, so the national default applies to it.
/// </summary>
public sealed class RecordFormBinding : IFormBinding
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.FormsRecord;

    /// <inheritdoc />
    public IReadOnlyList<string>? FormsFor(FormUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.Purpose != FormPurpose.Record) return null;
        return use.TaskKind switch
        {
            TaskKind.Daily or TaskKind.Special => [BeijingEtdzForms.RecognitionOnSiteId],
            TaskKind.AfterTheFact => [BeijingEtdzForms.RecognitionAfterId],
            TaskKind.CompetitionInProgress => [BeijingEtdzForms.CompetitionInProgressId],
            TaskKind.CompetitionAfter => [BeijingEtdzForms.CompetitionAfterId],
            _ => null,
        };
    }
}

/// <summary>
/// 外督员情况反馈 (<c>bj.feedback.institution</c>, BJ 第二十二条, 附件4): the institution's feedback on the external supervisor
/// goes on annex 4, for every zone task.
/// </summary>
public sealed class FeedbackFormBinding : IFormBinding
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.FeedbackInstitution;

    /// <inheritdoc />
    public IReadOnlyList<string>? FormsFor(FormUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return use.Purpose == FormPurpose.Feedback ? [BeijingEtdzForms.FeedbackId] : null;
    }

    /// <inheritdoc />
    public (string Entry, string Exit)? AttendanceItems(string formId) => formId == BeijingEtdzForms.FeedbackId ? ("entered-at", "left-at") : null;
}
