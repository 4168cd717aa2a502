using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Assessments;

/// <summary>考核结果 (assessment grade). Sent as <c>excellent</c> | <c>passed</c> | <c>failed</c>.</summary>
public enum AssessmentGrade
{
    /// <summary>优秀: passed, and outstanding (YN 22 commends it).</summary>
    Excellent = 1,

    /// <summary>合格.</summary>
    Passed = 2,

    /// <summary>不合格 (CN 11: the body may then not renew or revoke, 视情况).</summary>
    Failed = 3,
}

/// <summary>Wire names of <see cref="AssessmentGrade"/>.</summary>
public static class AssessmentGrades
{
    /// <summary>The wire names, in order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["excellent", "passed", "failed"];

    /// <summary>The grade of a wire name, or null.</summary>
    public static AssessmentGrade? Parse(string? key) => key switch
    {
        "excellent" => AssessmentGrade.Excellent,
        "passed" => AssessmentGrade.Passed,
        "failed" => AssessmentGrade.Failed,
        _ => null,
    };

    /// <summary>The wire name.</summary>
    public static string Key(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Excellent => "excellent",
        AssessmentGrade.Passed => "passed",
        _ => "failed",
    };

    /// <summary>合格 or better.</summary>
    public static bool IsPass(this AssessmentGrade grade) => grade != AssessmentGrade.Failed;

    /// <summary>The grade in Chinese and English.</summary>
    public static LocalizedText Name(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Excellent => new("优秀", "excellent"),
        AssessmentGrade.Passed => new("合格", "passed"),
        _ => new("不合格", "failed"),
    };
}

/// <summary>The facts of recording a supervisor's annual assessment.</summary>
/// <param name="Year">The year assessed.</param>
/// <param name="AssessedOn">China day of the assessment decision.</param>
/// <param name="Grade">The result.</param>
/// <param name="Grounds">What the result rests on (依据); required for 不合格.</param>
/// <param name="Today">Today (China).</param>
/// <param name="ServedInYear">True when the supervisor held an appointment or a valid card on a day of <paramref name="Year"/>.</param>
public sealed record AssessmentFacts(int Year, DateOnly AssessedOn, AssessmentGrade Grade, string? Grounds, DateOnly Today, bool ServedInYear);

/// <summary>An assessment allowed: what to record and the rules it applies.</summary>
/// <param name="Year">The year assessed.</param>
/// <param name="Grade">The result.</param>
/// <param name="Rules">Rule ids recorded with it (<c>cn.assessment.record</c>, and <c>cn.assessment.failed</c> for a failure).</param>
public sealed record AssessmentRecorded(int Year, AssessmentGrade Grade, IReadOnlyList<string> Rules);

/// <summary>A supervisor's annual result, as commendation rules read it.</summary>
/// <param name="Year">Year assessed.</param>
/// <param name="Grade">Result.</param>
public sealed record AnnualGrade(int Year, AssessmentGrade Grade);

/// <summary>The facts of recording a commendation (表彰 / 激励).</summary>
/// <param name="On">China day of the decision.</param>
/// <param name="Today">Today (China).</param>
/// <param name="Year">The year the commendation is for, when it is for one (YN 22: the year's assessment).</param>
/// <param name="Reason">What is commended (突出表现或贡献).</param>
/// <param name="Subject">The supervisor.</param>
/// <param name="Rules">Every enabled pack's commendation rule (the extension point); the decision picks those in force there.</param>
public sealed record CommendationFacts(DateOnly On, DateOnly Today, int? Year, string? Reason, CommendationSubject Subject, IReadOnlyList<ICommendationRule> Rules);

/// <summary>A commendation allowed.</summary>
/// <param name="Rules">Rule ids recorded with it: <c>cn.supervisor.file</c> and the regional rule(s) that provide it.</param>
/// <param name="Citations">The citations of the regional rules (<c>YN 22</c>).</param>
public sealed record CommendationRecorded(IReadOnlyList<string> Rules, IReadOnlyList<string> Citations);

/// <summary>
/// 考核档案 (the supervisor's file, CN 第十一条 "委派机构对委派的质量督导员实施考核制度，建立考核档案"): the decisions of the records the
/// dispatching body keeps in it besides dispatches, records and sanctions — the annual assessment (<c>cn.assessment.record</c>)
/// and the commendation (<c>cn.supervisor.file</c>, provided by a regional text: GD 21 激励, YN 22 表彰).
/// </summary>
public static class SupervisorFileDecisions
{
    /// <summary>
    /// 年度考核 (annual assessment), <c>cn.assessment.record</c>: one result per supervisor and year (the Host answers 409 for
    /// a second), decided in the year assessed or the year after and not on a future day, of a supervisor who served (held
    /// an appointment or a valid card) in that year; a failure (不合格) records its grounds, since it is what a non-renewal
    /// (CN 11 "视情况……不予续聘") or a revocation then rests on.
    /// </summary>
    public static Decision<AssessmentRecorded> Assess(AssessmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var v = new List<Violation>();
        var first = new DateOnly(facts.Year, 1, 1);
        var last = new DateOnly(facts.Year + 1, 12, 31);
        if (facts.AssessedOn < first)
            v.Add(Record($"{facts.Year}年度的考核不能早于{first:yyyy-MM-dd}作出", $"The assessment of {facts.Year} cannot be decided before {first:yyyy-MM-dd}"));
        else if (facts.AssessedOn > last)
            v.Add(Record($"{facts.Year}年度的考核最迟在次年（{last:yyyy-MM-dd}前）作出", $"The assessment of {facts.Year} is decided by {last:yyyy-MM-dd} (the year after) at the latest"));
        if (facts.AssessedOn > facts.Today)
            v.Add(Record($"考核日期{facts.AssessedOn:yyyy-MM-dd}晚于今天，不能预先登记", $"The assessment day {facts.AssessedOn:yyyy-MM-dd} is after today: it cannot be recorded in advance"));
        if (facts.Grade == AssessmentGrade.Failed && string.IsNullOrWhiteSpace(facts.Grounds))
            v.Add(Record("考核不合格须记录依据（考核档案）", "A failed assessment records its grounds (the assessment file)"));
        if (!facts.ServedInYear)
            v.Add(Record($"该督导员{facts.Year}年度既无聘任也无有效证卡，委派机构只考核其委派的质量督导员",
                $"The supervisor held neither an appointment nor a valid card in {facts.Year}: the body assesses the supervisors it dispatches"));
        string[] rules = facts.Grade == AssessmentGrade.Failed ? [NationalRules.AssessmentRecord.Id, NationalRules.AssessmentFailed.Id] : [NationalRules.AssessmentRecord.Id];
        return Decision.When(new RuleOutcome(v), () => new AssessmentRecorded(facts.Year, facts.Grade, rules));
    }

    /// <summary>
    /// 表彰 / 激励 (commendation), <c>cn.supervisor.file</c>: recorded in the file only where a regional text in force provides
    /// it (the national procedure does not: GD 21 激励机制, YN 22 表彰奖励), with its reason, not on a future day; each such
    /// rule then judges its own condition (GD: an external supervisor; YN: an 优秀 assessment of the year).
    /// </summary>
    public static Decision<CommendationRecorded> Commend(CommendationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var v = new List<Violation>();
        if (facts.On > facts.Today)
            v.Add(File($"表彰日期{facts.On:yyyy-MM-dd}晚于今天", $"The commendation day {facts.On:yyyy-MM-dd} is after today"));
        if (string.IsNullOrWhiteSpace(facts.Reason))
            v.Add(File("表彰须记录事由（突出表现或贡献）", "A commendation records its reason (outstanding performance or contribution)"));
        var where = facts.Subject.Jurisdiction;
        var rules = facts.Rules.Applicable(where, facts.On).ToList();
        if (rules.Count == 0)
            v.Add(File($"{where}辖区没有施行中的质量督导员表彰规定（全国规程未作规定；广东第二十一条、云南第二十二条有规定）",
                $"No regulation in force in {where} provides commendation of supervisors (the national procedure does not; GD 21 and YN 22 do)"));
        foreach (var rule in rules) v.AddRange(rule.Check(new CommendationRequest(facts.Subject, facts.On, facts.Year)).Violations);
        return Decision.When(new RuleOutcome(v), () => new CommendationRecorded(
            [NationalRules.SupervisorFile.Id, .. rules.Select(r => r.Rule.Id)], [.. rules.Select(r => r.Rule.Citation.ToString())]));
    }

    private static Violation Record(string zh, string en) => NationalRules.AssessmentRecord.Violated(new LocalizedText(zh, en));

    private static Violation File(string zh, string en) => NationalRules.SupervisorFile.Violated(new LocalizedText(zh, en));
}
