using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 记录表时限 (record deadline): "外督应在日常督导工作结束后5个工作日向委派机构提交督导情况记录表(附件3和附件4)". GD 第二十条
/// (<c>gd.record.deadline</c>); annexes 3 and 4 repeat it ("请于督导工作结束后5个工作日内…反馈").
/// <para>Reading: due on the fifth working day after the day the supervision ends (<see cref="WorkingDays.After"/>; the
/// end day is not counted); a later filing is flagged, not refused. The institution's feedback (附件5,
/// <c>gd.feedback.institution</c>) is due "在评价结束后" with no period, so the pack gives no deadline policy for it.</para>
/// </summary>
public sealed class RecordDeadlinePolicy : IDeadlinePolicy
{
    /// <summary>Working days allowed (第二十条).</summary>
    public const int Days = 5;

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;

    /// <inheritdoc />
    public Deadline Allowed => Deadline.InWorkingDays(Days);

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => Allowed.DueAfter(end, calendar);
}
