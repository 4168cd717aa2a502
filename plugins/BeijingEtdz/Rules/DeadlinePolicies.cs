using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 认定督导记录 (recognition record, 附件3): "在当次督导工作结束后5天内提交社会事业局". BJ 第二十二条
/// (<c>bj.record.deadline</c>). Tasks of recognition supervision: on-site (daily), special and after-the-fact.
/// <para>Reading — a difference from RULES.md: RULES.md writes "5 working days" for BJ 22, but the article says
/// "5天内" (5 days). The seed text wins: 5 CALENDAR days after the day the supervision ends (that day not counted), so
/// the due date is the end date + 5, whatever the holiday calendar. (Annex 3's printed note asks for feedback "5个工作日内";
/// the article governs the filing, the note is a form's reminder.) See <see cref="RecognitionDeadlines"/>.</para>
/// </summary>
public sealed class RecognitionRecordDeadline : IDeadlinePolicy
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;

    /// <summary>Five calendar days, not working days (<see cref="RecognitionDeadlines"/>).</summary>
    public Deadline Allowed => RecognitionDeadlines.Allowed;

    /// <inheritdoc />
    public bool AppliesTo(TaskKind kind) => RecognitionDeadlines.IsRecognition(kind);

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => RecognitionDeadlines.DueAfter(end);
}

/// <summary>
/// 外督员情况反馈表 (institution feedback, 附件4): the institution evaluates the external supervisor and files within
/// "5天内" after the supervision. BJ 第二十二条 (<c>bj.record.deadline</c>); 5 calendar days, as
/// <see cref="RecognitionRecordDeadline"/> (the seed wins over RULES.md's "working days").
/// </summary>
public sealed class InstitutionFeedbackDeadline : IDeadlinePolicy
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.InstitutionFeedback;

    /// <summary>Five calendar days, not working days (<see cref="RecognitionDeadlines"/>).</summary>
    public Deadline Allowed => RecognitionDeadlines.Allowed;

    /// <inheritdoc />
    public bool AppliesTo(TaskKind kind) => RecognitionDeadlines.IsRecognition(kind);

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => RecognitionDeadlines.DueAfter(end);
}

/// <summary>
/// 竞赛督导记录 (competition record, 附件7): "外督员应在任务完成后5个工作日内…报送事中、事后…记录表". BJ 第二十六条
/// (<c>bj.record.deadline</c>): the fifth working day after the task ends, on the official calendar (调休 included).
/// Competition tasks only; BJ prescribes no institution feedback for competitions.
/// </summary>
public sealed class CompetitionRecordDeadline : IDeadlinePolicy
{
    /// <summary>Working days allowed.</summary>
    public const int Days = 5;

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;

    /// <inheritdoc />
    public Deadline Allowed => Deadline.InWorkingDays(Days);

    /// <inheritdoc />
    public bool AppliesTo(TaskKind kind) => kind is TaskKind.CompetitionInProgress or TaskKind.CompetitionAfter;

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => Allowed.DueAfter(end, calendar);
}

/// <summary>The calendar-day reading of BJ 第二十二条 "5天内", shared by the record and feedback deadlines.</summary>
public static class RecognitionDeadlines
{
    /// <summary>Calendar days allowed after the end of the supervision.</summary>
    public const int Days = 5;

    /// <summary>The period: five calendar days.</summary>
    public static Deadline Allowed { get; } = Deadline.InCalendarDays(Days);

    /// <summary>True for the task kinds of recognition supervision (BJ 第三章): daily (on-site), special, after-the-fact.</summary>
    public static bool IsRecognition(TaskKind kind) => kind is TaskKind.Daily or TaskKind.Special or TaskKind.AfterTheFact;

    /// <summary>
    /// The due date: <paramref name="end"/> + 5 calendar days (the end day not counted). Never assumed: calendar days
    /// need no published holiday arrangement.
    /// </summary>
    public static WorkingDayDeadline DueAfter(DateOnly end) => new(end.AddDays(Days), Assumed: false);
}
