using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Guangdong.Forms;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 记录表适用 (<c>gd.forms.record</c>, GD 第二十条, 附件3/附件4): annex 3 is the daily record of 职业资格评价 and 专项职业能力考核,
/// annex 4 that of 职业技能等级认定 (the annexes' own titles). Reading: the annexes are 日常督导 records, and a special
/// task's site visit supervises the same activity, so daily and special tasks both file them; a task without an activity
/// may use either annex (the kind cannot be told); a competition has no GD form, so the national default applies.
/// </summary>
public sealed class RecordFormBinding : IFormBinding
{
    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.FormsRecord;

    /// <inheritdoc />
    public IReadOnlyList<string>? FormsFor(FormUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.Purpose != FormPurpose.Record || use.TaskKind is not (TaskKind.Daily or TaskKind.Special)) return null;
        return use.Activity switch
        {
            ActivityKind.VocationalQualification or ActivityKind.SpecialAbility => [GuangdongForms.Annex3Id],
            ActivityKind.SkillLevelRecognition => [GuangdongForms.Annex4Id],
            null => [GuangdongForms.Annex3Id, GuangdongForms.Annex4Id],
            _ => null,
        };
    }
}

/// <summary>
/// 外部质量督导员情况反馈 (<c>gd.feedback.institution</c>, GD 第二十条, 附件5): the institution's feedback on the external
/// supervisor goes on annex 5, for every GD task.
/// </summary>
public sealed class FeedbackFormBinding : IFormBinding
{
    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.FeedbackInstitution;

    /// <inheritdoc />
    public IReadOnlyList<string>? FormsFor(FormUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return use.Purpose == FormPurpose.Feedback ? [GuangdongForms.Annex5Id] : null;
    }

    /// <inheritdoc />
    public (string Entry, string Exit)? AttendanceItems(string formId) => formId == GuangdongForms.Annex5Id ? ("entry-at", "exit-at") : null;
}
