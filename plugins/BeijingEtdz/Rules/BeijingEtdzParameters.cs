using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// The BJ numbers a revision of the rules may change without a release (docs/parameters.md): each with its default from
/// the seed and the rules that read it. The Host overlays the values the zone's administrator adds.
/// </summary>
public sealed class BeijingEtdzParameters : IParameterCatalogue
{
    private static readonly string[] Fee = [BeijingEtdzRules.FeeSchedule.Id];

    /// <summary>劳务费 半天 (fee per half day): 400 元/半天. BJ 第二十七条.</summary>
    public static readonly ParameterDefinition FeeHalfDay = Money("bj.fee.per-activity.half-day", 400m,
        new("外督员劳务费：每半天（督导活动不足4小时，含4小时）", "Supervisor fee per half day (an activity of at most 4 hours)"),
        Cite("27", "第二十七条"), Fee);

    /// <summary>劳务费 一天 (fee per day): 800 元/天. BJ 第二十七条.</summary>
    public static readonly ParameterDefinition FeeDay = Money("bj.fee.per-activity.day", 800m,
        new("外督员劳务费：每天（督导活动超过4小时）", "Supervisor fee per day (an activity over 4 hours)"),
        Cite("27", "第二十七条"), Fee);

    /// <summary>半天的上限 (longest half day): "不足4小时（含4小时）按半天计算" = 240 minutes. BJ 第二十七条.</summary>
    public static readonly ParameterDefinition FeeHalfDayMaxMinutes = Number("bj.fee.per-activity.half-day-max-minutes", ParameterKind.WholeNumber, "minutes", 240,
        new("按半天计费的最长督导时长（分钟，含）", "Longest activity billed as a half day (minutes, inclusive)"),
        Cite("27", "第二十七条"), Fee, min: 1, max: 24 * 60 - 1);

    /// <summary>男性年龄上限 (men's age limit): "男性不超过65周岁". BJ 第十条第（五）项.</summary>
    public static readonly ParameterDefinition AgeMaxMen = Number("bj.eligibility.age.max-men", ParameterKind.WholeNumber, "years", AgeLimitRule.MaxAgeMen,
        new("男性外督员年龄上限（周岁，含）", "Oldest completed age of a male supervisor (inclusive)"),
        Cite("10(五)", "第十条第（五）项"), [BeijingEtdzRules.EligibilityAge.Id], min: 18, max: 80);

    /// <summary>女性年龄上限 (women's age limit): "女性不超过60周岁". BJ 第十条第（五）项.</summary>
    public static readonly ParameterDefinition AgeMaxWomen = Number("bj.eligibility.age.max-women", ParameterKind.WholeNumber, "years", AgeLimitRule.MaxAgeWomen,
        new("女性外督员年龄上限（周岁，含）", "Oldest completed age of a female supervisor (inclusive)"),
        Cite("10(五)", "第十条第（五）项"), [BeijingEtdzRules.EligibilityAge.Id], min: 18, max: 80);

    /// <summary>认定督导最少人数: "至少委派2名外督员". BJ 第十九条.</summary>
    public static readonly ParameterDefinition StaffingRecognitionMinimum = Number("bj.staffing.recognition.minimum", ParameterKind.WholeNumber, "persons",
        RecognitionStaffingRule.Minimum, new("现场和事后督导委派的外督员人数（不超过加派门槛时恰为此数）", "External supervisors for on-site and after-the-fact supervision (exactly this many up to the threshold)"),
        Cite("19", "第十九条"), [BeijingEtdzRules.StaffingRecognition.Id], min: 1, max: 50);

    /// <summary>认定计划加派门槛: "超过200人的认定计划可增加外督员". BJ 第十九条.</summary>
    public static readonly ParameterDefinition StaffingRecognitionForMore = Number("bj.staffing.recognition.candidates-for-more", ParameterKind.WholeNumber, "persons",
        RecognitionStaffingRule.CandidatesForMore, new("认定计划人数超过此数可加派外督员", "A plan with more candidates than this may have more external supervisors"),
        Cite("19", "第十九条"), [BeijingEtdzRules.StaffingRecognition.Id], min: 1, max: 100_000);

    /// <summary>竞赛督导人数: "应当委派2名外督员". BJ 第二十六条.</summary>
    public static readonly ParameterDefinition StaffingCompetitionMinimum = Number("bj.staffing.competition.minimum", ParameterKind.WholeNumber, "persons",
        RecognitionStaffingRule.Minimum, new("每个竞赛地点委派的外督员人数（不超过加派门槛时恰为此数）", "External supervisors per competition venue (exactly this many up to the threshold)"),
        Cite("26", "第二十六条"), [BeijingEtdzRules.StaffingCompetition.Id], min: 1, max: 50);

    /// <summary>竞赛加派门槛: "参赛选手在200人以上的可加派外督员". BJ 第二十六条.</summary>
    public static readonly ParameterDefinition StaffingCompetitionForMore = Number("bj.staffing.competition.contestants-for-more", ParameterKind.WholeNumber, "persons",
        RecognitionStaffingRule.CandidatesForMore, new("竞赛地点参赛选手超过此数可加派外督员", "A venue with more contestants than this may have more external supervisors"),
        Cite("26", "第二十六条"), [BeijingEtdzRules.StaffingCompetition.Id], min: 1, max: 100_000);

    /// <summary>认定督导记录期限: "在当次督导工作结束后5天内提交". BJ 第二十二条 (calendar days).</summary>
    public static readonly ParameterDefinition RecognitionRecordDays = Number("bj.record.deadline.recognition-days", ParameterKind.Days, "calendar-days",
        RecognitionDeadlines.Days, new("认定督导记录与机构反馈的提交期限（督导结束后自然日）", "Days after the supervision ends to file the recognition record and the institution's feedback (calendar days)"),
        Cite("22", "第二十二条"), [BeijingEtdzRules.RecordDeadline.Id], min: 1, max: 90);

    /// <summary>竞赛督导记录期限: "任务完成后5个工作日内". BJ 第二十六条 (working days).</summary>
    public static readonly ParameterDefinition CompetitionRecordWorkingDays = Number("bj.record.deadline.competition-working-days", ParameterKind.Days, "working-days",
        CompetitionRecordDeadline.Days, new("竞赛督导记录的提交期限（任务完成后工作日）", "Working days after a competition task ends to file its record"),
        Cite("26", "第二十六条"), [BeijingEtdzRules.RecordDeadline.Id], min: 1, max: 60);

    /// <summary>
    /// A staffing requirement read from parameters at the activity's first day: exactly the minimum up to the threshold, at
    /// least the minimum above it (BJ 19, 26).
    /// </summary>
    public static StaffingRequirement Staffing(ParameterSet parameters, ParameterDefinition minimum, ParameterDefinition forMore, TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(task);
        var required = parameters.At(minimum, task.ActivityDate).AsInt();
        return new StaffingRequirement(SupervisorKind.External, required, task.CandidateCount > parameters.At(forMore, task.ActivityDate).AsInt() ? null : required);
    }

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <summary>Every BJ parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        FeeHalfDay, FeeDay, FeeHalfDayMaxMinutes, AgeMaxMen, AgeMaxWomen, StaffingRecognitionMinimum, StaffingRecognitionForMore,
        StaffingCompetitionMinimum, StaffingCompetitionForMore, RecognitionRecordDays, CompetitionRecordWorkingDays,
    ];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Parameters => All;

    private static Citation Cite(string article, string articleZh) => new("BJ", article, articleZh);

    private static ParameterDefinition Money(string id, decimal value, LocalizedText description, Citation citation, string[] rules) =>
        Number(id, ParameterKind.Money, "yuan", value, description, citation, rules, min: 0, max: 1_000_000);

    private static ParameterDefinition Number(string id, ParameterKind kind, string unit, decimal value, LocalizedText description, Citation citation, string[] rules, decimal min, decimal max) =>
        new(id, BeijingEtdzRules.PackId, kind, unit, description, citation, rules,
            [new ParameterValue(BeijingEtdzRules.EffectiveFrom, ParameterDefinition.Canonical(value), $"{citation} (seed)")], min, max);
}
