using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// The BJ rule catalogue: 《北京经济技术开发区职业技能等级认定和竞赛督导工作实施细则（试行）》 and annexes 1–7, one
/// descriptor per <c>bj.*</c> row of RULES.md, jurisdiction <c>11.ETDZ</c> (经开区).
/// </summary>
public static class BeijingEtdzRules
{
    /// <summary>Pack id.</summary>
    public const string PackId = "bj-etdz";

    /// <summary>Prefix of the pack's rule ids (RULES.md writes <c>bj.*</c>).</summary>
    public const string RulePrefix = "bj";

    /// <summary>
    /// First day in force. The seed carries no date (第三十三条 "自发布之日起试行"); it cites 京职技鉴发〔2023〕2号, so it was
    /// issued in 2023 or later. 2023-01-01 is the default until the date is confirmed; a confirmed date is a new
    /// descriptor version, not an edit.
    /// </summary>
    public static readonly DateOnly EffectiveFrom = new(2023, 1, 1);

    /// <summary>The zone.</summary>
    public static readonly JurisdictionCode Jurisdiction = JurisdictionCode.Parse("11.ETDZ");

    /// <summary>The source document BJ.</summary>
    public static readonly SourceDocument Source = new(
        "BJ",
        new LocalizedText("北京经济技术开发区职业技能等级认定和竞赛督导工作实施细则（试行）",
            "Beijing Economic-Technological Development Area Implementation Rules for Supervision of Skill-Level Recognition and Competitions (Trial)"),
        "",
        null);

    /// <summary>年龄限制 (age limit): men ≤ 65, women ≤ 60 周岁 on appointment and every dispatched activity. BJ 第十条第（五）项.</summary>
    public static readonly RuleDescriptor EligibilityAge = Bj("bj.eligibility.age", "10(五)", "第十条第（五）项",
        "男性不超过65周岁、女性不超过60周岁（聘任之日及每次委派活动之日），性别与出生日期取自居民身份证号码",
        "Men at most 65, women at most 60 completed years of age on the date of appointment and of every dispatched activity; sex and birth date come from the resident ID number");

    /// <summary>内督证卡编码 (internal card): Y/S + 11 + last 4 digits of the institution number + year + serial. BJ 附件1.</summary>
    public static readonly RuleDescriptor CardInternalFormat = Bj("bj.card.internal-format", "annex 1", "附件1",
        "内督员证卡编码：Y/S + 11 + 评价机构编号后四位 + 2位年份 + 4位序列码（例：Y112001220001）",
        "Internal card: Y/S + 11 + last 4 digits of the institution number + 2-digit year + 4-digit serial (example Y112001220001)");

    /// <summary>内督证卡范围 (internal card scope): valid only inside its institution. BJ 第十三条.</summary>
    public static readonly RuleDescriptor CardInternalScope = Bj("bj.card.internal-scope", "13", "第十三条",
        "内督证卡仅限本评价机构内部使用，内督员只委派到本机构",
        "An internal card is valid only inside its institution: internal supervisors are dispatched only to their own institution");

    /// <summary>认定督导人数 (recognition staffing): at least 2 external supervisors; more only above 200 candidates. BJ 第十九条.</summary>
    public static readonly RuleDescriptor StaffingRecognition = Bj("bj.staffing.recognition", "19", "第十九条",
        "现场和事后督导至少委派2名外督员，超过200人的认定计划可增加外督员",
        "On-site and after-the-fact recognition supervision: at least 2 external supervisors; more only when the plan has over 200 candidates");

    /// <summary>竞赛督导人数 (competition staffing): per venue, ≤ 200 contestants → 2 external supervisors; more only above 200. BJ 第二十六条.</summary>
    public static readonly RuleDescriptor StaffingCompetition = Bj("bj.staffing.competition", "26", "第二十六条",
        "一个竞赛地点参赛选手在200人以内的委派2名外督员，200人以上的可加派",
        "Competitions: per venue, at most 200 contestants means 2 external supervisors; more only above 200");

    /// <summary>报送时限 (record deadline): records (附件3/7) and feedback (附件4) within 5 working days after the task. BJ 第二十二条、第二十六条.</summary>
    public static readonly RuleDescriptor RecordDeadline = Bj("bj.record.deadline", "22, 26", "第二十二条、第二十六条",
        "督导记录表（附件3、附件7）和机构反馈表（附件4）在任务结束后5个工作日内报送",
        "Records (annex 3 / 7) and the institution's feedback (annex 4) within 5 working days after the task ends");

    /// <summary>劳务费 (fee schedule): 400 yuan per half day, 800 per day; ≤ 4 h is a half day. BJ 第二十七条.</summary>
    public static readonly RuleDescriptor FeeSchedule = Bj("bj.fee.schedule", "27", "第二十七条",
        "劳务费标准为400元/半天、800元/天；督导活动不足4小时（含4小时）按半天计算，超过4小时按一天计算",
        "Fee 400 yuan per half day, 800 per day; an activity of at most 4 hours (4 h included) is a half day, over 4 h a day; per supervisor per activity day from entry/exit times");

    /// <summary>场地检查 (venue inspection): institutions register venues; external supervisors inspect them (附件5). BJ 第二十三条.</summary>
    public static readonly RuleDescriptor VenueInspection = Bj("bj.venue.inspection", "23", "第二十三条",
        "评价机构对认定场地备案，外督员对照备案信息检查场地（附件5）",
        "Institutions register venues; external supervisors inspect them against the registration (annex 5)");

    /// <summary>表格 (forms): recognition records, feedback, venue check, competition schedule and records. BJ 附件3至附件7.</summary>
    public static readonly RuleDescriptor Forms = Bj("bj.forms", "annexes 3–7", "附件3至附件7",
        "表格：认定督导记录表（现场1—17项、事后1—16项）、外督员情况反馈表、场地核查单、竞赛督导安排表、竞赛督导记录表（事中11项、事后13项）",
        "Forms: recognition record on-site (items 1–17) and after-the-fact (items 1–16), feedback (annex 4), venue check (annex 5), competition schedule (annex 6), competition records in-progress (11 items) and after (13 items)");

    /// <summary>
    /// 记录表适用 (record form by use): 现场督导 on annex 3 (on-site), 事后认定资料督导 on annex 3 (after the fact), competition
    /// supervision on annex 7 (事中 / 事后); another form is refused. BJ 第十八条、第二十二条、第二十六条、附件3、附件7. Not in
    /// RULES.md (added for issue #16 item 3; RULES.md's <c>bj.forms</c> only catalogues the forms).
    /// </summary>
    public static readonly RuleDescriptor FormsRecord = Bj("bj.forms.record", "18, 22, 26, annexes 3, 7", "第十八条、第二十二条、第二十六条、附件3、附件7",
        "督导记录按督导形式填写：现场督导用附件3（现场），事后认定资料督导用附件3（事后），竞赛事中、事后监督检查用附件7",
        "The record is filed on the form of the supervision: annex 3 on-site for on-site supervision, annex 3 after-the-fact for after-the-fact review, annex 7 for competition supervision (in progress / after)");

    /// <summary>
    /// 外督员情况反馈 (institution feedback): the institution evaluates the external supervisor's work on annex 4. BJ 第二十二条、
    /// 附件4. Not in RULES.md (added for issue #16 item 3, BJ's counterpart of <c>gd.feedback.institution</c>).
    /// </summary>
    public static readonly RuleDescriptor FeedbackInstitution = Bj("bj.feedback.institution", "22, annex 4", "第二十二条、附件4",
        "评价机构对其外督员工作进行评价，填写《北京市技能人才评价外督员情况反馈表》（附件4）",
        "The institution evaluates the external supervisor's work on the feedback form (annex 4)");

    /// <summary>督导形式 (task kinds): on-site and after-the-fact recognition supervision, in-progress and after competition checks. BJ 第十八条、第二十五条.</summary>
    public static readonly RuleDescriptor TaskKinds = Bj("bj.task.kinds", "18, 25", "第十八条、第二十五条",
        "质量督导分为现场督导、事后认定资料督导；竞赛监督检查分为事中监督检查和事后监督检查",
        "Supervision is on-site or after-the-fact review of recognition records; competitions are checked in progress and after");

    /// <summary>聘任制 (appointment system): supervisors are dispatched only during an appointment. BJ 第十一条、第十四条.</summary>
    public static readonly RuleDescriptor DispatchAppointed = Bj("bj.dispatch.appointed", "11, 14", "第十一条、第十四条",
        "质量督导员实行聘任制，聘期3年，聘期届满自动解聘：只在聘期内委派",
        "Supervisors serve by appointment (3 years, ending by itself): they are dispatched only during an appointment");

    /// <summary>
    /// 证卡有效期 (card validity): the internal card is valid three years from issue, as the card sample prints it
    /// ("有效期限：2022.06-2025.06") and as the term of appointment (第十四条 聘期为3年). BJ 附件2.
    /// </summary>
    public static readonly RuleDescriptor CardValidity = Bj("bj.card.validity", "annex 2, 14", "附件2、第十四条",
        "内督员证卡自颁发之日起有效期3年（证卡样式：有效期限2022.06-2025.06）",
        "An internal card is valid for three years from issue (card sample: valid 2022.06-2025.06)");

    /// <summary>
    /// 轮换制 (rotation): an external supervisor is not dispatched to the same institution twice in a row within a year. BJ 第九条.
    /// Not in RULES.md (added for issue #19; reading in docs/readings.md).
    /// </summary>
    public static readonly RuleDescriptor DispatchRotation = Bj("bj.dispatch.rotation", "9", "第九条",
        "质量督导员执行轮换制：外督员不连续两次（一年之内，按活动日期排列）委派至同一评价机构",
        "Rotation: an external supervisor is not dispatched to the same institution twice in a row within a year (in the order of the activities' dates)");

    /// <summary>
    /// 内督全面覆盖 (internal coverage): every recognition activity has at least one internal supervisor. BJ 第二十四条. Not in
    /// RULES.md (added for issue #19, as GD 13's <c>gd.internal.full-coverage</c>).
    /// </summary>
    public static readonly RuleDescriptor InternalFullCoverage = Bj("bj.internal.full-coverage", "24", "第二十四条",
        "评价机构日常督导检查应全面覆盖：每次认定活动至少委派一名内督员",
        "The institution's own supervision covers every recognition activity: at least one internal supervisor each");

    /// <summary>
    /// 外督员处理 (supervisor sanctions): not performing duties or private gain → criticism, suspension, revocation. BJ 第三十一条
    /// (institutions: BJ 第三十条, judged by the national ladder). Not in RULES.md (added for issue #19).
    /// </summary>
    public static readonly RuleDescriptor SanctionSupervisor = Bj("bj.sanction.supervisor", "31", "第三十一条",
        "外督员未认真履行职责或利用职务谋取私利的，视情节轻重给予批评教育、暂停督导工作、取消其外督员资格",
        "An external supervisor who does not perform the duties or uses the office for private gain is criticised, suspended or has the qualification revoked, by seriousness");

    /// <summary>Every BJ rule, in RULES.md order (then the rules this project added, docs/rules.md).</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        EligibilityAge, CardInternalFormat, CardInternalScope, StaffingRecognition, StaffingCompetition,
        RecordDeadline, FeeSchedule, VenueInspection, Forms, FormsRecord, FeedbackInstitution, TaskKinds, DispatchAppointed, CardValidity,
        DispatchRotation, InternalFullCoverage, SanctionSupervisor,
    ];

    private static RuleDescriptor Bj(string id, string article, string articleZh, string zh, string en) =>
        new(id, new LocalizedText(zh, en), new Citation("BJ", article, articleZh), Jurisdiction, PackId, EffectiveFrom);
}
