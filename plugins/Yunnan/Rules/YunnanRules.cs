using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// The YN rule catalogue: 云南机电职业技术学院《职业技能等级认定评价质量督导人员管理办法（试行）》 (2023, under
/// 云人社通〔2021〕73号), one descriptor per <c>yn.*</c> row of RULES.md, jurisdiction 53.
/// </summary>
public static class YunnanRules
{
    /// <summary>Pack id.</summary>
    public const string PackId = "yn";

    /// <summary>
    /// First day in force. The seed carries no date (第二十五条 "自发布之日起施行"; adopted at the college's 17th office
    /// meeting of 2023, document (2023)—48). 2023-01-01 is the default until the date is confirmed; a confirmed date is
    /// a new descriptor version, not an edit.
    /// </summary>
    public static readonly DateOnly EffectiveFrom = new(2023, 1, 1);

    /// <summary>The province.</summary>
    public static readonly JurisdictionCode Jurisdiction = JurisdictionCode.Parse("53");

    /// <summary>The source document YN.</summary>
    public static readonly SourceDocument Source = new(
        "YN",
        new LocalizedText("云南机电职业技术学院职业技能等级认定评价质量督导人员管理办法（试行）",
            "Yunnan Vocational College of Mechanical and Electrical Technology Measures for the Management of Skill-Level Recognition Quality Supervisors (Trial)"),
        "(2023)—48",
        null);

    /// <summary>任职条件 (experience): recognition management/technical staff, or examiner ≥ 3 years. YN 第六条第（三）项.</summary>
    public static readonly RuleDescriptor EligibilityExperience = Yn("yn.eligibility.experience", "6(三)", "第六条第（三）项",
        "从事职业技能等级认定管理或技术工作的人员，或承担考评工作3年以上的考评人员",
        "Management/technical staff of recognition work, or examiners with at least 3 years of examining");

    /// <summary>内督全程 (full process): every recognition activity has an internal supervisor throughout. YN 第十二条.</summary>
    public static readonly RuleDescriptor InternalFullProcess = Yn("yn.internal.full-process", "12", "第十二条",
        "评价机构开展职业技能等级认定工作时，必须有内督对评价过程和结果进行全程质量督导",
        "Every recognition activity has an internal supervisor for the whole process");

    /// <summary>年度业务学习 (annual learning): internal supervisors attend once a year; fail or miss → qualification revoked. YN 第十七条.</summary>
    public static readonly RuleDescriptor LearningAnnual = Yn("yn.learning.annual", "17", "第十七条",
        "内督每年参加一次业务学习教育，不合格或未参加的，年度结束时取消其督导资格",
        "Internal supervisors attend one business-learning session a year; whoever fails or misses it loses the qualification when the year is closed");

    /// <summary>拒绝指派 (refusal limit): three consecutive refusals revoke the qualification. YN 第十九条.</summary>
    public static readonly RuleDescriptor DispatchRefusalLimit = Yn("yn.dispatch.refusal-limit", "19", "第十九条",
        "连续3次不接受指派的，由证卡核发机构取消其督导资格",
        "Three consecutive refusals of dispatch revoke the qualification");

    /// <summary>失信黑名单 (blacklist): revocation withdraws the card, unlists and blacklists; never registered again. YN 第二十三条.</summary>
    public static readonly RuleDescriptor RevocationBlacklist = Yn("yn.revocation.blacklist", "23", "第二十三条",
        "取消资格的，撤回证卡，在服务平台删除其信息，列入质量督导失信黑名单，不得再登记或聘任",
        "Revocation withdraws the card, removes the person from the public registry and blacklists them; a blacklisted person (by ID number) cannot be registered or appointed again");

    /// <summary>年度考核 (annual assessment): a failed one revokes the qualification. YN 第二十二条.</summary>
    public static readonly RuleDescriptor AssessmentAnnual = Yn("yn.assessment.annual", "22", "第二十二条",
        "指派机构实施年度考核评估，不合格的取消其督导资格",
        "Annual assessment; a failed one revokes the qualification");

    /// <summary>年检评估 (annual inspection): a task kind besides on-site and special. YN 第十条.</summary>
    public static readonly RuleDescriptor TaskAnnualInspection = Yn("yn.task.annual-inspection", "10", "第十条",
        "质量督导形式包括现场督导、专项督导和年检评估",
        "Task kind \"annual inspection evaluation\" in addition to on-site and special");

    /// <summary>聘任制 (appointment system): supervisors are dispatched only during an appointment. YN 第十八条.</summary>
    public static readonly RuleDescriptor DispatchAppointed = Yn("yn.dispatch.appointed", "18", "第十八条",
        "质量督导人员实行聘任制，聘期一般为3年：只在聘期内指派",
        "Supervisors serve by appointment (usually 3 years): they are dispatched only during an appointment");

    /// <summary>
    /// 质量督导人员处理 (supervisor sanctions): six grounds → criticism or administrative sanction; serious → revocation; crime →
    /// judicial referral. YN 第二十一条 (institutions: YN 第二十条, judged by the national ladder). Not in RULES.md (added for issue #19).
    /// </summary>
    public static readonly RuleDescriptor SanctionSupervisor = Yn("yn.sanction.supervisor", "21", "第二十一条",
        "质量督导人员有第二十一条所列情形之一的，给予批评教育或行政处分；情节严重的，取消其督导资格；构成犯罪的，移送司法机关",
        "A supervisor on one of the grounds of article 21 is criticised or given an administrative sanction; if serious, the qualification is revoked; a crime is referred to the judicial authorities");

    /// <summary>
    /// 表彰奖励 (commendation): "对优秀质量督导人员给予表彰奖励" — commended on an 优秀 annual assessment of the year. YN 第二十二条.
    /// Not in RULES.md (added for issue #19).
    /// </summary>
    public static readonly RuleDescriptor Commendation = Yn("yn.commendation", "22", "第二十二条",
        "指派机构对年度考核优秀的质量督导人员给予表彰奖励",
        "Supervisors assessed excellent in the annual assessment are commended");

    /// <summary>
    /// 资格申报 (qualification application): the person applies, the employer recommends, the appointing body reviews; only an
    /// approved application leads to a first appointment. YN 第十三条. Not in RULES.md (added for issue #19).
    /// </summary>
    public static readonly RuleDescriptor Application = Yn("yn.application", "13", "第十三条",
        "申报质量督导人员资格，由本人提出申请，经所在单位推荐，填写资格申报表，经审核同意后方可聘任",
        "A qualification is applied for by the person, recommended by their employer on the application form and reviewed; only an approved application leads to a first appointment");

    /// <summary>Every YN rule, in RULES.md order (then the rules this project added, docs/rules.md).</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        EligibilityExperience, InternalFullProcess, LearningAnnual, DispatchRefusalLimit, RevocationBlacklist,
        AssessmentAnnual, TaskAnnualInspection, DispatchAppointed,
        SanctionSupervisor, Commendation, Application,
    ];

    private static RuleDescriptor Yn(string id, string article, string articleZh, string zh, string en) =>
        new(id, new LocalizedText(zh, en), new Citation("YN", article, articleZh), Jurisdiction, PackId, EffectiveFrom);
}
