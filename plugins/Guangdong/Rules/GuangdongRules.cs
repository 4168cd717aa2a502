using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// The GD rule catalogue: 《广东省技能人才评价质量督导工作实施细则》 and its annexes 1–5, one descriptor per
/// <c>gd.*</c> row of RULES.md, jurisdiction 44.
/// </summary>
public static class GuangdongRules
{
    /// <summary>Pack id.</summary>
    public const string PackId = "gd";

    /// <summary>
    /// First day in force. The seed carries no date: 第二十四条 says "自印发之日起实施" without the date of issue, and the
    /// annex examples cite 2020/2021 card years. 2021-01-01 is the default until the issue date is confirmed; a
    /// confirmed date is a new descriptor version, not an edit.
    /// </summary>
    public static readonly DateOnly EffectiveFrom = new(2021, 1, 1);

    /// <summary>The province.</summary>
    public static readonly JurisdictionCode Jurisdiction = JurisdictionCode.Parse("44");

    /// <summary>The source document GD.</summary>
    public static readonly SourceDocument Source = new(
        "GD",
        new LocalizedText("广东省技能人才评价质量督导工作实施细则",
            "Guangdong Implementation Rules for Quality Supervision of Skills-Talent Evaluation"),
        "",
        null);

    /// <summary>外督证卡编码 (external card): R 44 yy + 0 (省直) or city letter (表3) + serial 001–999. GD 附件1 一.</summary>
    public static readonly RuleDescriptor CardExternalFormat = Gd("gd.card.external-format", "annex 1 一", "附件1 一",
        "外督证卡编码：R + 44 + 2位年份 + 第6位（0为省直，字母为地级以上市，见表3）+ 3位序列码（001－999），按颁发机构按年度取值",
        "External card: R + 44 + 2-digit year + position 6 (0 provincial, or the city letter of table 3) + 3-digit serial 001–999 per issuing centre per year");

    /// <summary>内督证卡编码 (internal card): as CN, 13 characters; class letter per table 5 (H/Y/S), not the "N" of the text. GD 附件1 二.</summary>
    public static readonly RuleDescriptor CardInternalFormat = Gd("gd.card.internal-format", "annex 1 二", "附件1 二",
        "内督证卡编码同全国规则（13位）；正文称类别代码为N，表5列H/Y/S，本系统从表5及全国规则",
        "Internal card as CN (13 characters). The text says class letter N but table 5 lists H/Y/S; the system follows table 5 and CN");

    /// <summary>发证范围 (issuer scope): the provincial centre issues 0 cards, a city centre only its letter; valid province-wide. GD 第五条、第七条.</summary>
    public static readonly RuleDescriptor CardIssuerScope = Gd("gd.card.issuer-scope", "5, 7", "第五条、第七条",
        "省技能中心核发省直（0）证卡，市鉴定中心只核发本市字母证卡；证卡全省通用",
        "The provincial centre issues 0 cards; a city centre issues only its own letter. Cards are valid province-wide");

    /// <summary>工作经历 (experience): evaluation administration/technical management, or ≥ 1 year organising evaluations. GD 第六条第（五）项.</summary>
    public static readonly RuleDescriptor EligibilityExperience = Gd("gd.eligibility.experience", "6(五)", "第六条第（五）项",
        "外督须从事技能人才评价行政或技术管理工作，或从事过一年以上技能人才评价组织实施工作",
        "External supervisors need evaluation administration/technical management work, or at least 1 year organising evaluations");

    /// <summary>连续委派限制 (consecutive-dispatch cap): not 3 times in a row to the same institution within a year. GD 第十二条.</summary>
    public static readonly RuleDescriptor DispatchConsecutiveCap = Gd("gd.dispatch.consecutive-cap", "12", "第十二条",
        "一年之内，同一外督不得连续委派3次参与同一评价机构的质量督导工作",
        "Within one year the same external supervisor may not be dispatched 3 times in a row to the same institution: the 3rd consecutive dispatch is refused");

    /// <summary>不得兼任 (dual role): an external supervisor is not internal supervisor or examiner of the same session. GD 第十二条.</summary>
    public static readonly RuleDescriptor RecusalDualRole = Gd("gd.recusal.dual-role", "12", "第十二条",
        "外督不得兼任同场次内督或考评工作",
        "An external supervisor may not be internal supervisor or examiner of the same session");

    /// <summary>内督全覆盖 (full coverage): every evaluation activity has at least one internal supervisor. GD 第十三条.</summary>
    public static readonly RuleDescriptor InternalFullCoverage = Gd("gd.internal.full-coverage", "13", "第十三条",
        "内督遵循全覆盖原则，每次评价活动至少委派一名内督",
        "Every evaluation activity has at least one internal supervisor assigned");

    /// <summary>记录表时限 (record deadline): annex 3/4 within 5 working days after the supervision ends; late is flagged. GD 第二十条.</summary>
    public static readonly RuleDescriptor RecordDeadline = Gd("gd.record.deadline", "20", "第二十条",
        "外督应在日常督导工作结束后5个工作日内提交督导情况记录表（附件3、附件4），逾期予以标记",
        "The external supervisor files the daily record (annex 3 or 4) within 5 working days after the supervision ends; late filing is flagged, not lost");

    /// <summary>机构反馈 (institution feedback): the institution files feedback on the external supervisor (附件5). GD 第二十条.</summary>
    public static readonly RuleDescriptor FeedbackInstitution = Gd("gd.feedback.institution", "20", "第二十条",
        "评价机构在评价结束后向委派机构反馈外督工作情况（附件5）",
        "The institution files feedback on the external supervisor (annex 5)");

    /// <summary>外督处理 (supervisor sanctions): eight grounds; revoked or not renewed means never again in Guangdong; integrity file. GD 第二十一条.</summary>
    public static readonly RuleDescriptor SanctionSupervisor = Gd("gd.sanction.supervisor", "21", "第二十一条",
        "外督有八种情形之一的，批评教育或暂停委派；情节严重的通报所在单位并取消资格或不予续聘，且不得再从事我省质量督导工作；建立诚信档案",
        "Eight grounds; criticism or suspension of dispatch; if serious, notify the employer and revoke or not renew, after which the person may never again supervise in Guangdong. Integrity file per external supervisor");

    /// <summary>表格 (forms): annex 3 and 4 daily records, annex 5 institution feedback. GD 附件3、附件4、附件5.</summary>
    public static readonly RuleDescriptor Forms = Gd("gd.forms", "annexes 3, 4, 5", "附件3、附件4、附件5",
        "表格：附件3（职业资格评价、专项职业能力考核日常督导情况记录表）、附件4（职业技能等级认定日常督导情况记录表）、附件5（外部质量督导员情况反馈表）",
        "Forms: annex 3 (qualification/special-ability daily record), annex 4 (skill-level recognition daily record), annex 5 (institution feedback)");

    /// <summary>
    /// 记录表适用 (record form by use): the daily record goes on annex 3 for 职业资格评价 and 专项职业能力考核, on annex 4 for
    /// 职业技能等级认定 (the annexes' titles); another form is refused. GD 第二十条、附件3、附件4. Not in RULES.md (added for
    /// issue #16 item 3; RULES.md's <c>gd.forms</c> only catalogues the forms).
    /// </summary>
    public static readonly RuleDescriptor FormsRecord = Gd("gd.forms.record", "20, annexes 3, 4", "第二十条、附件3、附件4",
        "督导情况记录表按评价类型填写：职业资格评价、专项职业能力考核用附件3，职业技能等级认定用附件4",
        "The daily record is filed on the form of the evaluation's kind: annex 3 for vocational qualification and special-ability assessment, annex 4 for skill-level recognition");

    /// <summary>
    /// 日常督导检查 (daily supervision checks): the supervisors learn the activity's overall situation beforehand (听取汇报) and
    /// supervise on site, by data comparison, by sampling the evaluation files including video (抽查评价资料（含录像）) and by
    /// remote monitoring; each check is recorded on the daily task. GD 第十七条第（一）（二）项. Added for issue #19.
    /// </summary>
    public static readonly RuleDescriptor DailyChecks = Gd("gd.daily.checks", "17(一)(二)", "第十七条第（一）（二）项",
        "日常督导：质量督导员提前了解当次评价活动总体情况，通过现场督导、数据比对、抽查评价资料（含录像）、远程监控等形式进行，检查情况记入日常督导任务",
        "Daily supervision: the supervisors learn the activity's overall situation beforehand and supervise on site, by data comparison, by sampling evaluation files (video included) and by remote monitoring; each check is recorded on the daily task");

    /// <summary>
    /// 日常督导处理措施 (measures): as the supervisors' feedback warrants, the dispatching body investigates and verifies
    /// (调查核实), holds a reminder interview (约谈提醒), sends a reminder letter (提醒函) or issues a quality notice (质量通报) to
    /// the institution. GD 第十七条第（三）项. Added for issue #19.
    /// </summary>
    public static readonly RuleDescriptor DailyMeasures = Gd("gd.daily.measures", "17(三)", "第十七条第（三）项",
        "委派机构视质量督导员反馈的情况向评价机构进行调查核实、约谈提醒、发出提醒函或质量通报：须以该日常督导任务的督导情况为依据，约谈、提醒函、质量通报须明确整改期限",
        "As the supervisors' feedback warrants, the dispatching body investigates and verifies, holds a reminder interview, sends a reminder letter or issues a quality notice to the institution: grounded on the daily task's supervision; an interview, letter or notice sets a rectification deadline");

    /// <summary>
    /// 整改 (rectification): the institution improves or rectifies its work as the interview and the reminder require and
    /// reports it; the dispatching body accepts the report (the measure is closed) or returns it. GD 第十七条第（四）项.
    /// Added for issue #19.
    /// </summary>
    public static readonly RuleDescriptor DailyRectification = Gd("gd.daily.rectification", "17(四)", "第十七条第（四）项",
        "评价机构应根据约谈内容和提醒事项完善或整改相关工作：提交整改情况（逾期予以标记），经委派机构审核通过后结案，未通过的退回重新整改",
        "The institution improves or rectifies its work as the interview and the reminder require: it reports the rectification (late reports are flagged), and the dispatching body accepts it (the measure is closed) or returns it for another round");

    /// <summary>
    /// 激励机制 (incentive): an external supervisor with outstanding performance or contribution may be commended, recorded in
    /// the integrity file. GD 第二十一条. Not in RULES.md (added for issue #19).
    /// </summary>
    public static readonly RuleDescriptor Incentive = Gd("gd.incentive", "21", "第二十一条",
        "省技能中心和市鉴定中心建立外督激励机制：工作中有突出表现或贡献的外督，可给予肯定（记入诚信档案）",
        "An external supervisor with outstanding performance or contribution may be commended (the incentive mechanism), recorded in the integrity file");

    /// <summary>Every GD rule, in RULES.md order (then the rules added since).</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        CardExternalFormat, CardInternalFormat, CardIssuerScope, EligibilityExperience, DispatchConsecutiveCap,
        RecusalDualRole, InternalFullCoverage, RecordDeadline, FeedbackInstitution, SanctionSupervisor, Forms, FormsRecord,
        DailyChecks, DailyMeasures, DailyRectification,
        Incentive,
    ];

    private static RuleDescriptor Gd(string id, string article, string articleZh, string zh, string en) =>
        new(id, new LocalizedText(zh, en), new Citation("GD", article, articleZh), Jurisdiction, PackId, EffectiveFrom);
}
