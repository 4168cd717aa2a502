using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Forms;

/// <summary>
/// The printed measures of GD 第十七条(三): 提醒函 (reminder letter) and 质量通报 (quality notice). The seed prints no sample of
/// either, so the forms hold what such a document of a provincial office carries: its number (文号), the institution
/// addressed, the task it follows, the problems the supervisors found, what the institution must do and by when, and the
/// issuing body's seal and date. Served in the pack's catalogue (<c>GET /api/v1/forms</c>) and printed by
/// <c>GET /api/v1/regions/gd/measures/{id}?format=html</c>.
/// </summary>
public static class MeasureForms
{
    /// <summary>Id of the reminder letter.</summary>
    public const string ReminderLetterId = "gd.reminder-letter";

    /// <summary>Id of the quality notice.</summary>
    public const string QualityNoticeId = "gd.quality-notice";

    private static readonly Citation Article17 = GuangdongRules.DailyMeasures.Citation;

    private static FormItem T(string key, string zh, string en, bool required = true) => new(key, null, new LocalizedText(zh, en), FormItemKind.Text, required);

    /// <summary>提醒函.</summary>
    public static FormDefinition ReminderLetter { get; } = new(
        ReminderLetterId, 1,
        new LocalizedText("技能人才评价质量督导提醒函", "Reminder letter on the quality supervision of skills-talent evaluation"),
        Article17,
        [
            new FormSection("letter", new("提醒函", "Letter"),
            [
                T("number", "文号", "Reference number"),
                T("institution", "评价机构", "Evaluation institution"),
                T("task", "督导任务（评价活动）", "Supervision task (evaluation activity)"),
                T("findings", "督导发现的问题", "Problems found by the supervisors"),
                T("requirements", "提醒事项及整改要求", "Reminders and what must be rectified"),
                new("rectification-due", null, new("整改期限", "Rectify by"), FormItemKind.Date, true),
            ]),
        ],
        [],
        [new FormSignature("issuing-body", new("委派机构", "Dispatching body"), Dated: true, Seal: true)]);

    /// <summary>质量通报.</summary>
    public static FormDefinition QualityNotice { get; } = new(
        QualityNoticeId, 1,
        new LocalizedText("技能人才评价质量通报", "Quality notice on skills-talent evaluation"),
        Article17,
        [
            new FormSection("notice", new("质量通报", "Notice"),
            [
                T("number", "文号", "Reference number"),
                T("scope", "通报范围", "Circulated to"),
                T("institution", "被通报评价机构", "Institution concerned"),
                T("task", "督导任务（评价活动）", "Supervision task (evaluation activity)"),
                T("findings", "存在问题", "Problems found"),
                T("requirements", "处理意见及整改要求", "Handling and what must be rectified"),
                new("rectification-due", null, new("整改期限", "Rectify by"), FormItemKind.Date, true),
            ]),
        ],
        [],
        [new FormSignature("issuing-body", new("委派机构", "Dispatching body"), Dated: true, Seal: true)]);

    /// <summary>The printed form of a measure kind, or null when the measure prints none (investigation, interview).</summary>
    public static FormDefinition? For(string measure) => measure switch
    {
        DailySupervisionKinds.ReminderLetter => ReminderLetter,
        DailySupervisionKinds.QualityNotice => QualityNotice,
        _ => null,
    };
}
