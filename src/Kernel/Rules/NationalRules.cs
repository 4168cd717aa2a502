using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Rules;

/// <summary>
/// The national procedure (CN): 人社职司便函〔2020〕53号《技能人才评价质量督导工作规程（试行）》 and its annex
/// 证卡编码规则, issued 2020-09-01 and in force "自颁布之日起" (第二十条). One descriptor per <c>cn.*</c> row of RULES.md,
/// each also a named field so code can cite it (<c>NationalRules.MaxTerms.Violated(…)</c>).
/// </summary>
public static class NationalRules
{
    /// <summary>Pack id of the kernel's own rules.</summary>
    public const string PackId = "cn";

    /// <summary>First day in force: the date of issue (第二十条 本规程自颁布之日起试行).</summary>
    public static readonly DateOnly EffectiveFrom = new(2020, 9, 1);

    /// <summary>The source document CN.</summary>
    public static readonly SourceDocument Source = new(
        "CN",
        new LocalizedText("技能人才评价质量督导工作规程（试行）",
            "Procedure for Quality Supervision of Skills-Talent Evaluation (Trial)"),
        "人社职司便函〔2020〕53号",
        new DateOnly(2020, 9, 1));

    /// <summary>外督/内督 (supervisor kinds): external, appointed by an HRSS authority; internal, by an institution or industry department. CN 第四条.</summary>
    public static readonly RuleDescriptor SupervisorKinds = Cn("cn.supervisor.kinds", "4", "第四条",
        "质量督导员分为外部质量督导员（外督）和内部质量督导员（内督）",
        "A supervisor is external (appointed by an HRSS authority) or internal (appointed by an evaluation institution or industry department)");

    /// <summary>任职条件 (conditions): the five conditions are attested at registration; without all five, no appointment. CN 第六条.</summary>
    public static readonly RuleDescriptor SupervisorConditions = Cn("cn.supervisor.conditions", "6", "第六条",
        "质量督导员应具备第六条规定的五项条件，缺一不得聘任",
        "A supervisor attests the five conditions of article 6; without all five they are not eligible for appointment");

    /// <summary>培训考核合格 (training passed): a card only after a passed qualification training/assessment. CN 第七条.</summary>
    public static readonly RuleDescriptor CardRequiresTraining = Cn("cn.card.requires-training", "7", "第七条",
        "经培训考核合格后方可颁发质量督导员证卡",
        "A card is issued only to a person with a passed qualification training/assessment record");

    /// <summary>发证机构层级 (issuer level): external cards from a provincial-or-higher appraisal centre; internal by the institution or industry department. CN 第七条.</summary>
    public static readonly RuleDescriptor CardIssuerLevel = Cn("cn.card.issuer-level", "7", "第七条",
        "外督证卡由省级及以上职业技能鉴定中心颁发，内督证卡由评价机构或相关行业部门颁发",
        "External cards are issued by a provincial-or-higher skill appraisal centre; internal cards by the evaluation institution or industry department");

    /// <summary>外督证卡编码 (external card number): R + authority code (表3) + year + serial 0001–9999, 9 characters. CN 附件 证卡编码规则 一.</summary>
    public static readonly RuleDescriptor CardExternalFormat = Cn("cn.card.external-format", "annex 一", "附件 证卡编码规则 一",
        "外督证卡编码：R + 2位颁发机构代码（表3）+ 2位核发年份 + 4位序列码（0001—9999），共9位",
        "External card: 9 characters = R + 2-digit authority code (table 3) + 2-digit issue year + 4-digit serial 0001–9999");

    /// <summary>内督证卡编码 (internal card number): H/Y/S + 6-digit issuer code + year + serial, 13 characters. CN 附件 证卡编码规则 二.</summary>
    public static readonly RuleDescriptor CardInternalFormat = Cn("cn.card.internal-format", "annex 二", "附件 证卡编码规则 二",
        "内督证卡编码：H/Y/S + 6位颁发机构代码 + 2位核发年份 + 4位序列码（0001—9999），共13位",
        "Internal card: 13 characters = H/Y/S (industry department / employer / social training-evaluation organisation) + 6-digit issuer code + 2-digit year + 4-digit serial 0001–9999");

    /// <summary>序列码 (serial sequence): in order from 0001 per issuer per year, never reused or duplicated; 9999 exhausts. CN 附件 证卡编码规则.</summary>
    public static readonly RuleDescriptor CardSerialSequence = Cn("cn.card.serial-sequence", "annex", "附件 证卡编码规则",
        "证卡序列码由颁发机构按年度从0001起依次取值，不重用、不重复；9999用尽后拒绝",
        "Serials are taken in order from 0001 per issuing authority per year, never reused or duplicated; after 9999 issuing is refused");

    /// <summary>随机抽调 (random dispatch): supervisors are drawn at random from card holders. CN 第八条.</summary>
    public static readonly RuleDescriptor DispatchRandom = Cn("cn.dispatch.random", "8", "第八条",
        "委派机构从持证人员中采取随机抽调的方式派遣质量督导员",
        "Supervisors are dispatched by random draw from active card holders");

    /// <summary>聘期 (term): an appointment lasts 3 years and ends by itself. CN 第八条.</summary>
    public static readonly RuleDescriptor AppointmentTerm = Cn("cn.appointment.term", "8", "第八条",
        "聘期3年，聘期届满自动解聘",
        "An appointment lasts 3 years and ends by itself at its end date");

    /// <summary>连任限制 (term limit): renewal allowed, at most three terms in all (不得超过三届). CN 第八条.</summary>
    public static readonly RuleDescriptor MaxTerms = Cn("cn.appointment.max-terms", "8", "第八条",
        "可续聘，但不得超过三届",
        "Renewal is allowed, at most three terms in all: a fourth appointment is refused");

    /// <summary>书面反馈 (written report): an assignment is complete only with the supervisor's report. CN 第十条.</summary>
    public static readonly RuleDescriptor ReportRequired = Cn("cn.report.required", "10", "第十条",
        "督导工作结束后，须向委派机构书面反馈质量督导结果情况",
        "After a task the supervisor files a written report with the dispatching authority; the assignment is not complete without it");

    /// <summary>考核不合格 (failed assessment): blocks renewal and may revoke the qualification. CN 第十一条.</summary>
    public static readonly RuleDescriptor AssessmentFailed = Cn("cn.assessment.failed", "11", "第十一条",
        "考核不合格的人员，视情况取消其资格或不予续聘",
        "A failed assessment blocks renewal and may revoke the qualification");

    /// <summary>日常督导/专项督导 (task kinds): daily or special. CN 第十三条.</summary>
    public static readonly RuleDescriptor TaskKinds = Cn("cn.task.kinds", "13", "第十三条",
        "质量督导分为日常督导和专项督导",
        "Supervision tasks are daily or special");

    /// <summary>双随机、一公开 (double random, one public): random institutions, random supervisors, published results. CN 第十四条、第十五条.</summary>
    public static readonly RuleDescriptor TaskDoubleRandom = Cn("cn.task.double-random", "14, 15", "第十四条、第十五条",
        "日常督导和专项督导可采取“双随机、一公开”方式",
        "Daily and special tasks may use \"double random, one public\": random institutions/activities, random supervisors, published results");

    /// <summary>督导小组 (special group): at least 3 supervisors (3名以上 includes 3). CN 第十五条.</summary>
    public static readonly RuleDescriptor SpecialGroupSize = Cn("cn.special.group-size", "15", "第十五条",
        "专项督导小组原则上由3名以上质量督导员组成",
        "A special supervision group has at least 3 supervisors");

    /// <summary>专项督导程序 (special procedure): visit → preliminary opinion → rebuttal (申辩) → opinion letter (督导意见书) → rectification. CN 第十五条.</summary>
    public static readonly RuleDescriptor SpecialProcedure = Cn("cn.special.procedure", "15", "第十五条",
        "专项督导依次为：现场考察、初步督导意见反馈、综合申辩意见、发出督导意见书、整改，不得跳步",
        "Special procedure in order: site visit, preliminary opinion, rebuttal considered, opinion letter, rectification; no step may be skipped");

    /// <summary>督导事项 (matters of a special task): fixed before the group is formed — no draw or assignment for a special task without them. CN 第十五条 "督导前，应当明确督导事项，成立督导小组".</summary>
    public static readonly RuleDescriptor SpecialMatters = Cn("cn.special.matters", "15", "第十五条",
        "专项督导前应当明确督导事项：未明确督导事项的专项督导任务不得抽取或委派督导员（成立督导小组），小组成立后督导事项不再变更",
        "The matters of a special task are fixed before the group is formed: no supervisor is drawn or assigned to a special task without them, and they do not change once the group is formed");

    /// <summary>自评报告 (the institution's self-evaluation report): reviewed with the site visit's findings before the preliminary opinion. CN 第十五条第（二）项.</summary>
    public static readonly RuleDescriptor SpecialSelfReport = Cn("cn.special.self-report", "15(二)", "第十五条第（二）项",
        "督导小组对评价机构的自评报告、现场考察情况进行评议后形成初步督导意见：未收到自评报告的，不得形成初步督导意见",
        "The group reviews the institution's self-evaluation report together with the site visit before forming its preliminary opinion: no preliminary opinion without the self-report");

    /// <summary>回避 (recusal for conflict): a supervisor with a conflict with the institution is never drawn for it. CN 第十六条.</summary>
    public static readonly RuleDescriptor RecusalConflict = Cn("cn.recusal.conflict", "16", "第十六条",
        "质量督导员不能参加可能影响其客观公正督导的工作",
        "A supervisor with a declared or recorded conflict with the institution is never drawn for it");

    /// <summary>不兼任考评 (no examiner role): not an examiner in the same activity. CN 第十六条.</summary>
    public static readonly RuleDescriptor RecusalExaminer = Cn("cn.recusal.examiner", "16", "第十六条",
        "质量督导员不能兼任同场次考评工作",
        "A supervisor may not be an examiner in the same activity");

    /// <summary>群众举报 (complaints): a report of suspected violations in evaluation work is investigated and verified (调查核实). CN 第十二条第（三）项.</summary>
    public static readonly RuleDescriptor ComplaintInvestigation = Cn("cn.complaint.investigation", "12(三)", "第十二条第（三）项",
        "对群众举报的技能人才评价工作中涉嫌违规违纪情况进行调查核实：受理、分派调查（专项督导）、核实结论，不予调查的须记录理由",
        "A public report of suspected violations in evaluation work is investigated and verified: received, assigned to an investigation (special supervision), concluded with a finding; one not investigated needs a recorded reason");

    /// <summary>年度考核 (annual assessment): one result per supervisor and year, grounds for a failure, kept in the file. CN 第十一条.</summary>
    public static readonly RuleDescriptor AssessmentRecord = Cn("cn.assessment.record", "11", "第十一条",
        "委派机构对委派的质量督导员实施考核制度：每人每年度一次考核（优秀、合格、不合格），在考核年度或次年作出，不合格须记录依据，记入考核档案",
        "The dispatching body assesses the supervisors it dispatches: one result a year (excellent, passed, failed), decided in the year or the year after, a failure with its grounds, kept in the assessment file");

    /// <summary>考核档案 (supervisor file): what the file holds and on what basis; a commendation only where a regional text provides it. CN 第十一条.</summary>
    public static readonly RuleDescriptor SupervisorFile = Cn("cn.supervisor.file", "11", "第十一条",
        "委派机构建立考核档案：培训、聘任、委派、督导记录、机构反馈、考核、处理和表彰；表彰须有施行中的地方规定（广东第二十一条、云南第二十二条）",
        "The dispatching body keeps a file per supervisor: trainings, appointments, dispatches, records, feedback, assessments, sanctions and commendations; a commendation needs a regional text in force (GD 21, YN 22)");

    /// <summary>解聘 (dismissal): three grounds; ends the appointment and withdraws the card. CN 第十七条.</summary>
    public static readonly RuleDescriptor SupervisorDismissal = Cn("cn.sanction.supervisor-dismissal", "17", "第十七条",
        "擅自参加或无故拒绝参加、不履行督导职责、造成不良影响的，予以解聘",
        "Dismissal for unauthorised participation or refusal without reason, not performing duties, or bad influence; ends the appointment and withdraws the card");

    /// <summary>评价机构处理 (institution sanctions): criticism and order to correct → disciplinary recommendation → disqualification. CN 第十八条.</summary>
    public static readonly RuleDescriptor InstitutionSanctionLadder = Cn("cn.sanction.institution-ladder", "18", "第十八条",
        "评价机构有六种情形之一的，通报批评并责令改正；拒不改正或情节严重的，建议处分责任人员，直至取消评价工作资格",
        "Institution sanctions on six grounds: public criticism and order to correct, then a disciplinary recommendation, up to disqualification");

    /// <summary>
    /// 不溯及既往 (not retroactive): a value added to a policy parameter takes effect after today, never on or before it, so
    /// acts already decided keep the value in force on their date. CN 第二十条 ("自颁布之日起试行": a text governs from its
    /// date; 《立法法》第一百零四条 法不溯及既往 is the general principle). Added by this project (docs/parameters.md).
    /// </summary>
    public static readonly RuleDescriptor ParametersNotRetroactive = Cn("cn.parameters.not-retroactive", "20", "第二十条",
        "参数新值的生效日期须晚于当日，不溯及既往（已作出的决定按其行为日有效的取值）",
        "A new parameter value takes effect after today, never retroactively (acts already decided keep the value in force on their date)");

    /// <summary>Every national rule, in RULES.md order (then the rules this project added).</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        SupervisorKinds, SupervisorConditions, CardRequiresTraining, CardIssuerLevel, CardExternalFormat,
        CardInternalFormat, CardSerialSequence, DispatchRandom, AppointmentTerm, MaxTerms, ReportRequired,
        AssessmentFailed, TaskKinds, TaskDoubleRandom, SpecialGroupSize, SpecialProcedure, RecusalConflict,
        RecusalExaminer, SupervisorDismissal, InstitutionSanctionLadder,
        // Added by this project beyond RULES.md (docs/rules.md).
        ComplaintInvestigation, SpecialMatters, SpecialSelfReport, AssessmentRecord, SupervisorFile, ParametersNotRetroactive,
    ];

    /// <summary>The national rule with <paramref name="id"/>, or null.</summary>
    public static RuleDescriptor? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    private static RuleDescriptor Cn(string id, string article, string articleZh, string zh, string en) =>
        new(id, new LocalizedText(zh, en), new Citation("CN", article, articleZh), JurisdictionCode.National, PackId, EffectiveFrom);
}
