using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
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
/// <para>The days are a parameter (<c>gd.record.deadline.working-days</c>, docs/parameters.md), read at the end day.</para>
/// </summary>
public sealed class RecordDeadlinePolicy : IDeadlinePolicy, IParameterised<RecordDeadlinePolicy>
{
    /// <summary>Working days allowed (第二十条), as the seed says (default of the parameter).</summary>
    public const int Days = 5;

    private readonly ParameterSet _parameters;

    /// <summary>The policy at the seed's days.</summary>
    public RecordDeadlinePolicy() : this(ParameterSet.Empty)
    {
    }

    private RecordDeadlinePolicy(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The policy reading its days from <paramref name="parameters"/> (the Host binds a set reduced to the end day).</summary>
    public RecordDeadlinePolicy With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;

    /// <inheritdoc />
    /// <remarks>The latest value in the set bound (the Host binds the set of the end day).</remarks>
    public Deadline Allowed => Deadline.InWorkingDays(_parameters.At(GuangdongParameters.RecordWorkingDays, DateOnly.MaxValue).AsInt());

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) =>
        WorkingDays.After(calendar, end, _parameters.At(GuangdongParameters.RecordWorkingDays, end).AsInt());
}
