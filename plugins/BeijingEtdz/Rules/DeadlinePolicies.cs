using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
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
public sealed class RecognitionRecordDeadline : IDeadlinePolicy, IParameterised<RecognitionRecordDeadline>
{
    private readonly ParameterSet _parameters;

    /// <summary>The policy at the seed's days.</summary>
    public RecognitionRecordDeadline() : this(ParameterSet.Empty)
    {
    }

    private RecognitionRecordDeadline(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The policy reading its days from <paramref name="parameters"/> (the Host binds a set reduced to the end day).</summary>
    public RecognitionRecordDeadline With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;

    /// <inheritdoc />
    /// <remarks>Calendar days, not working days: the latest value of <c>bj.record.deadline.recognition-days</c> in the set bound (the Host binds the set of the end day).</remarks>
    public Deadline Allowed => Deadline.InCalendarDays(_parameters.At(BeijingEtdzParameters.RecognitionRecordDays, DateOnly.MaxValue).AsInt());

    /// <inheritdoc />
    public bool AppliesTo(TaskKind kind) => RecognitionDeadlines.IsRecognition(kind);

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => RecognitionDeadlines.DueAfter(end, _parameters);
}

/// <summary>
/// 外督员情况反馈表 (institution feedback, 附件4): the institution evaluates the external supervisor and files within
/// "5天内" after the supervision. BJ 第二十二条 (<c>bj.record.deadline</c>); 5 calendar days, as
/// <see cref="RecognitionRecordDeadline"/> (the seed wins over RULES.md's "working days").
/// </summary>
public sealed class InstitutionFeedbackDeadline : IDeadlinePolicy, IParameterised<InstitutionFeedbackDeadline>
{
    private readonly ParameterSet _parameters;

    /// <summary>The policy at the seed's days.</summary>
    public InstitutionFeedbackDeadline() : this(ParameterSet.Empty)
    {
    }

    private InstitutionFeedbackDeadline(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The policy reading its days from <paramref name="parameters"/> (the Host binds a set reduced to the end day).</summary>
    public InstitutionFeedbackDeadline With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.InstitutionFeedback;

    /// <inheritdoc />
    /// <remarks>Calendar days, not working days: the latest value of <c>bj.record.deadline.recognition-days</c> in the set bound (the Host binds the set of the end day).</remarks>
    public Deadline Allowed => Deadline.InCalendarDays(_parameters.At(BeijingEtdzParameters.RecognitionRecordDays, DateOnly.MaxValue).AsInt());

    /// <inheritdoc />
    public bool AppliesTo(TaskKind kind) => RecognitionDeadlines.IsRecognition(kind);

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => RecognitionDeadlines.DueAfter(end, _parameters);
}

/// <summary>
/// 竞赛督导记录 (competition record, 附件7): "外督员应在任务完成后5个工作日内…报送事中、事后…记录表". BJ 第二十六条
/// (<c>bj.record.deadline</c>): the fifth working day after the task ends, on the official calendar (调休 included).
/// Competition tasks only; BJ prescribes no institution feedback for competitions.
/// </summary>
public sealed class CompetitionRecordDeadline : IDeadlinePolicy, IParameterised<CompetitionRecordDeadline>
{
    /// <summary>Working days allowed, as the seed says (default of <c>bj.record.deadline.competition-working-days</c>).</summary>
    public const int Days = 5;

    private readonly ParameterSet _parameters;

    /// <summary>The policy at the seed's days.</summary>
    public CompetitionRecordDeadline() : this(ParameterSet.Empty)
    {
    }

    private CompetitionRecordDeadline(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The policy reading its days from <paramref name="parameters"/> (the Host binds a set reduced to the end day).</summary>
    public CompetitionRecordDeadline With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));


    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.RecordDeadline;

    /// <inheritdoc />
    public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;

    /// <inheritdoc />
    /// <remarks>The latest value of <c>bj.record.deadline.competition-working-days</c> in the set bound (the Host binds the set of the end day).</remarks>
    public Deadline Allowed => Deadline.InWorkingDays(_parameters.At(BeijingEtdzParameters.CompetitionRecordWorkingDays, DateOnly.MaxValue).AsInt());

    /// <inheritdoc />
    public bool AppliesTo(TaskKind kind) => kind is TaskKind.CompetitionInProgress or TaskKind.CompetitionAfter;

    /// <inheritdoc />
    public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) =>
        WorkingDays.After(calendar, end, _parameters.At(BeijingEtdzParameters.CompetitionRecordWorkingDays, end).AsInt());
}

/// <summary>The calendar-day reading of BJ 第二十二条 "5天内", shared by the record and feedback deadlines.</summary>
public static class RecognitionDeadlines
{
    /// <summary>Calendar days allowed after the end of the supervision, as the seed says (default of <c>bj.record.deadline.recognition-days</c>).</summary>
    public const int Days = 5;

    /// <summary>The period: five calendar days.</summary>
    public static Deadline Allowed { get; } = Deadline.InCalendarDays(Days);

    /// <summary>True for the task kinds of recognition supervision (BJ 第三章): daily (on-site), special, after-the-fact.</summary>
    public static bool IsRecognition(TaskKind kind) => kind is TaskKind.Daily or TaskKind.Special or TaskKind.AfterTheFact;

    /// <summary>
    /// The due date: <paramref name="end"/> + 5 calendar days (the end day not counted). Never assumed: calendar days
    /// need no published holiday arrangement.
    /// </summary>
    public static WorkingDayDeadline DueAfter(DateOnly end) => DueAfter(end, ParameterSet.Empty);

    /// <summary>The due date with the days of <c>bj.record.deadline.recognition-days</c> in force on <paramref name="end"/>.</summary>
    public static WorkingDayDeadline DueAfter(DateOnly end, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new(end.AddDays(parameters.At(BeijingEtdzParameters.RecognitionRecordDays, end).AsInt()), Assumed: false);
    }
}
