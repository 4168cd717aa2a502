using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Forms;

/// <summary>
/// The forms of BJ 附件3至附件7 (<c>bj.forms</c>), version 1, as printed in the seed.
/// <para>Modelling: every 是/否 item keeps the number printed in the source (<see cref="FormItem.Number"/>) and a stable
/// key <c>item-N</c>; its 备注 column is a separate optional text item <c>item-N-remark</c> without a number. Annex 3
/// prints no item 15 (on-site record: 1–14, 16, 17): the printed numbers are kept, nothing is renumbered. The printed
/// groups (政策制度执行情况; 考前督导检查 › 评价计划 …) become one section each, titled "group · sub-group", in printed
/// order, because the kernel's sections do not nest. Annex 6 (安排表) is a table of 7 printed rows: each row is a
/// section <c>row-N</c> with the table's nine columns as items <c>row-N.kind</c> … <c>row-N.remark</c>; row 1 is
/// required (a schedule has at least one line), rows 2–7 are optional.</para>
/// </summary>
public sealed class BeijingEtdzForms : IFormCatalogue
{
    /// <summary>附件3 on-site record.</summary>
    public const string RecognitionOnSiteId = "bj-etdz.annex-3-onsite";

    /// <summary>附件3 after-the-fact record.</summary>
    public const string RecognitionAfterId = "bj-etdz.annex-3-after";

    /// <summary>附件4 feedback.</summary>
    public const string FeedbackId = "bj-etdz.annex-4";

    /// <summary>附件5 venue check.</summary>
    public const string VenueCheckId = "bj-etdz.annex-5";

    /// <summary>附件6 competition schedule.</summary>
    public const string CompetitionScheduleId = "bj-etdz.annex-6";

    /// <summary>附件7 in-progress record.</summary>
    public const string CompetitionInProgressId = "bj-etdz.annex-7-in-progress";

    /// <summary>附件7 after record.</summary>
    public const string CompetitionAfterId = "bj-etdz.annex-7-after";

    /// <summary>Rows printed in annex 6.</summary>
    public const int ScheduleRows = 7;

    private static readonly FormOptionSet YesNo = new("yes-no",
    [
        new("yes", new("是", "Yes")),
        new("no", new("否", "No")),
    ]);

    private static readonly FormOptionSet Phase = new("supervision-phase",
    [
        new("in-progress", new("事中", "In progress")),
        new("after", new("事后", "After")),
    ]);

    private static readonly FormOptionSet CompetitionContent = new("competition-content",
    [
        new("theory", new("理论知识", "Theoretical knowledge")),
        new("practical", new("技能操作", "Practical skills")),
    ]);

    private static Citation Annex(int n) => new("BJ", $"annex {n}", $"附件{n}");

    private static FormItem Text(string key, string zh, string en, bool required = true) =>
        new(key, null, new LocalizedText(zh, en), FormItemKind.Text, required);

    private static FormItem[] Check(int number, string zh, string en) =>
    [
        new($"item-{number}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), new LocalizedText(zh, en), FormItemKind.SingleChoice, Required: true, OptionSet: YesNo.Key),
        new($"item-{number}-remark", null, new LocalizedText($"第{number}项备注", $"Remark on item {number}"), FormItemKind.Text, Required: false),
    ];

    private static FormSection Group(string key, string zh, string en, params FormItem[][] checks) =>
        new(key, new LocalizedText(zh, en), [.. checks.SelectMany(c => c)]);

    private static FormSection RecognitionHeader() => new("header", new("基本信息", "Basics"),
    [
        Text("institution", "被督导评价机构", "Institution supervised"),
        Text("plan-name", "评价计划名称", "Evaluation plan"),
        Text("recognition-form", "认定形式", "Form of recognition"),
    ]);

    private static FormSection RecognitionOpinions() => new("opinions", new("意见", "Opinions"),
    [
        Text("problems", "存在问题", "Problems found", required: false),
    ]);

    private static FormSignature[] RecognitionSignatures() =>
    [
        new("supervisor-signature", new("外督员", "External supervisor"), Dated: true),
        new("institution-head-signature", new("机构负责人", "Head of the institution"), Dated: false),
    ];

    /// <summary>北京市职业技能等级认定督导记录表（现场督导）: items 1–14, 16, 17. BJ 附件3, 第二十二条.</summary>
    public static FormDefinition RecognitionOnSite { get; } = new(
        RecognitionOnSiteId, 1,
        new LocalizedText("北京市职业技能等级认定督导记录表（现场督导）", "Beijing skill-level recognition supervision record (on site)"),
        Annex(3),
        [
            RecognitionHeader(),
            Group("policy", "政策制度执行情况", "Implementation of policies and systems",
                Check(1, "贯彻执行有关法律法规、规章和有关政策及其质量管理体系建设等情况", "Implementation of laws, regulations and policies, and the quality management system"),
                Check(2, "执行考务、题库/卷库、人员管理、证书等管理办法情况", "Application of the rules on examination affairs, item/paper banks, staff and certificates")),
            Group("pre-exam.plan", "考前督导检查 · 评价计划", "Before the examination · Evaluation plan",
                Check(3, "理论知识考试、技能操作考核、综合评审等评价方式与备案方案内容一致", "Theory tests, practical assessments, comprehensive reviews match the filed scheme"),
                Check(4, "评价时间、评价人数及评价内容与评价计划一致", "Time, number of candidates and contents match the evaluation plan")),
            Group("pre-exam.eligibility", "考前督导检查 · 资格审核", "Before the examination · Eligibility review",
                Check(5, "对认定对象进行资格条件复核抽查合格", "Spot re-check of candidates' eligibility passed")),
            Group("pre-exam.staffing", "考前督导检查 · 人员安排", "Before the examination · Staffing",
                Check(6, "考评人员、考务人员、内督员的安排合理与评价计划一致", "Examiners, examination staff and internal supervisors are arranged reasonably and as planned"),
                Check(7, "考评人员、考务人员、内督员和工作人员配备数量及分工合理", "Numbers and division of work of examiners, staff and internal supervisors are reasonable")),
            Group("pre-exam.site", "考前督导检查 · 现场布置", "Before the examination · Site",
                Check(8, "评价现场环境符合各项要求（安静、整洁、通风、灯光、防火、考场防疫与安全出口标识等）", "The site meets every requirement (quiet, clean, ventilated, lit, fire safety, epidemic prevention, exit signs, …)"),
                Check(9, "考核现场仪器设备、材料和工具符合本次评价需求考场布置规范且科学、有备用考场及设施", "Instruments, materials and tools fit the evaluation; the room is laid out properly, with a spare room and facilities"),
                Check(10, "考核现场张贴考场须等相关要求，醒目，便于考生知晓", "Examination rules are posted visibly for candidates")),
            Group("in-exam.duties", "考中督导检查 · 人员履职", "During the examination · Performance of duties",
                Check(11, "考评人员、考务人员、内督员认真履行职责，有工作记录表", "Examiners, staff and internal supervisors perform their duties and keep work records"),
                Check(12, "现场工作人员全程佩带相应工作证卡", "Staff on site wear their work cards throughout")),
            Group("in-exam.process", "考中督导检查 · 认定过程", "During the examination · Recognition process",
                Check(13, "考试开始/结束时间与评价计划报备一致", "Start and end times match the filed evaluation plan"),
                Check(14, "按要求核对考生的证件信息、做好考生签到与考场记录", "Candidates' identity documents are checked; sign-in and room records are kept")),
            Group("in-exam.scoring", "考中督导检查 · 评分过程", "During the examination · Scoring",
                Check(16, "评价现场秩序有序", "The site is orderly"),
                Check(17, "评价过程进行录像、拍照有影像资料", "The evaluation is filmed or photographed; image records exist")),
            RecognitionOpinions(),
        ],
        [YesNo],
        RecognitionSignatures());

    /// <summary>北京市职业技能等级认定督导记录表（事后认定材料督导）: items 1–16. BJ 附件3, 第二十二条.</summary>
    public static FormDefinition RecognitionAfter { get; } = new(
        RecognitionAfterId, 1,
        new LocalizedText("北京市职业技能等级认定督导记录表（事后认定材料督导）", "Beijing skill-level recognition supervision record (after-the-fact review of records)"),
        Annex(3),
        [
            RecognitionHeader(),
            Group("policy", "政策制度执行情况", "Implementation of policies and systems",
                Check(1, "贯彻执行有关法律法规、规章和有关政策及其质量管理体系建设等情况", "Implementation of laws, regulations and policies, and the quality management system"),
                Check(2, "执行考务、题库/卷库、人员管理、证书等管理办法情况", "Application of the rules on examination affairs, item/paper banks, staff and certificates")),
            Group("before.plan", "认定前资料督导检查 · 评价计划", "Records before recognition · Evaluation plan",
                Check(3, "理论知识考试、技能操作考核、综合评审等评价方式与实施方案一致", "Theory tests, practical assessments, comprehensive reviews match the implementation scheme"),
                Check(4, "评价时间、评价人数及评价内容与评价计划一致", "Time, number of candidates and contents match the evaluation plan")),
            Group("before.duties", "认定前资料督导检查 · 人员履职", "Records before recognition · Performance of duties",
                Check(5, "认定机构负责人有履职情况记录", "The head of the institution has records of performing duties"),
                Check(6, "考评人员、考务人员、内督员的安排合理与评价计划一致", "Examiners, examination staff and internal supervisors are arranged reasonably and as planned"),
                Check(7, "考评人员、考务人员、内督员认真履行职责，有工作记录表", "Examiners, staff and internal supervisors perform their duties and keep work records")),
            Group("process.candidates", "认定过程资料督导检查 · 考生信息", "Records of the process · Candidates",
                Check(8, "复核抽查考生资格信息合格", "Spot re-check of candidates' eligibility records passed")),
            Group("process.recognition", "认定过程资料督导检查 · 认定过程", "Records of the process · Recognition process",
                Check(9, "考试开始、结束时间与评价计划报备一致", "Start and end times match the filed evaluation plan"),
                Check(10, "按要求核对考生的证件信息、做好考生签到与考场记录", "Candidates' identity documents were checked; sign-in and room records were kept"),
                Check(11, "评价过程有影像资料", "Image records of the evaluation exist"),
                Check(12, "被督导单位配合外督员人员工作", "The institution cooperated with the external supervisors")),
            Group("process.scoring", "认定过程资料督导检查 · 评分过程", "Records of the process · Scoring",
                Check(13, "评分过程符合规范要求，有评分记录表", "Scoring followed the rules; score sheets exist"),
                Check(14, "有考评人员对实操评分签名确认", "Examiners signed the practical scores")),
            Group("results.assessment", "认定结果资料督导检查 · 结果评定", "Records of the results · Results",
                Check(15, "评价机构对评价结果进行公示", "The institution published the results"),
                Check(16, "按规定保存考核结果及相关资料(评分表、考场情况记录单、考件等)；档案资料完整，管理规范有序", "Results and records (score sheets, room records, test pieces) are kept as required; files are complete and orderly")),
            RecognitionOpinions(),
        ],
        [YesNo],
        RecognitionSignatures());

    /// <summary>北京市技能人才评价外督员情况反馈表. BJ 附件4, 第二十二条.</summary>
    public static FormDefinition Feedback { get; } = new(
        FeedbackId, 1,
        new LocalizedText("北京市技能人才评价外督员情况反馈表", "Beijing skills-talent evaluation feedback on the external supervisor"),
        Annex(4),
        [
            new FormSection("feedback", new("反馈", "Feedback"),
            [
                Text("supervisor-name", "外督员姓名", "External supervisor's name"),
                new("entered-at", null, new("外督员进场时间", "Time the supervisor entered"), FormItemKind.DateTime, true),
                new("left-at", null, new("外督员离场时间", "Time the supervisor left"), FormItemKind.DateTime, true),
                Text("work-feedback", "工作反馈情况（是否佩戴督导员证卡、是否认真履行职责、是否自觉遵守廉洁纪律等）",
                    "Feedback on the work (card worn, duties performed, integrity rules kept, …)"),
            ]),
        ],
        [],
        [new FormSignature("reporting-unit", new("填报单位（盖章/签字）", "Reporting institution (seal / signature)"), Dated: false, Seal: true)]);

    /// <summary>北京市社会培训评价组织职业技能等级认定场地核查单. BJ 附件5, 第二十三条.</summary>
    public static FormDefinition VenueCheck { get; } = new(
        VenueCheckId, 1,
        new LocalizedText("北京市社会培训评价组织职业技能等级认定场地核查单", "Beijing venue check of a social training-evaluation organisation's recognition venue"),
        Annex(5),
        [
            new FormSection("venue", new("场地核查", "Venue check"),
            [
                Text("organisation", "社会培训评价组织名称", "Social training-evaluation organisation"),
                Text("venue-name", "场地名称", "Venue name"),
                Text("venue-address", "场地地址", "Venue address"),
                Text("occupations-and-levels", "所涉及的职业名称及等级", "Occupations and levels concerned"),
                new("matches-filing", null, new("场地相关信息与备案材料相符", "The venue matches the filed registration"), FormItemKind.SingleChoice, true, YesNo.Key),
                new("checked-on", null, new("核查日期", "Date of the check"), FormItemKind.Date, true),
            ]),
        ],
        [YesNo],
        [
            new FormSignature("organisation-seal", new("社会培训评价组织（盖章）", "Organisation (seal)"), Dated: false, Seal: true),
            new FormSignature("inspector-signature", new("核查人员（签字）", "Inspector (signature)"), Dated: false),
            new FormSignature("inspecting-body-seal", new("核查机构（盖章）", "Inspecting body (seal)"), Dated: false, Seal: true),
        ]);

    private static FormSection ScheduleRow(int row)
    {
        var required = row == 1;
        string K(string column) => $"row-{row}.{column}";
        return new FormSection($"row-{row}", new LocalizedText($"第{row}行", $"Row {row}"),
        [
            new(K("kind"), null, new("督导类型（事中/事后）", "Type (in progress / after)"), FormItemKind.SingleChoice, required, Phase.Key),
            new(K("project"), null, new("竞赛项目名称", "Competition"), FormItemKind.Text, required),
            new(K("venue"), null, new("竞赛地点", "Venue"), FormItemKind.Text, required),
            new(K("occupation"), null, new("职业（工种）", "Occupation (trade)"), FormItemKind.Text, required),
            new(K("contestants"), null, new("人数", "Contestants"), FormItemKind.Number, required),
            new(K("starts-at"), null, new("开始时间", "Start"), FormItemKind.DateTime, required),
            new(K("ends-at"), null, new("结束时间", "End"), FormItemKind.DateTime, required),
            new(K("supervisors"), null, new("督导员姓名", "Supervisors"), FormItemKind.Text, required),
            new(K("remark"), null, new("备注", "Remark"), FormItemKind.Text, false),
        ]);
    }

    /// <summary>北京市职业技能竞赛质量督导安排表: 7 rows of 9 columns. BJ 附件6, 第二十六条.</summary>
    public static FormDefinition CompetitionSchedule { get; } = new(
        CompetitionScheduleId, 1,
        new LocalizedText("北京市职业技能竞赛质量督导安排表", "Beijing competition quality supervision schedule"),
        Annex(6),
        [.. Enumerable.Range(1, ScheduleRows).Select(ScheduleRow)],
        [Phase],
        [
            new FormSignature("filled-by", new("填表人", "Filled in by"), Dated: false),
            new FormSignature("reviewed-by", new("审核人", "Reviewed by"), Dated: false),
        ]);

    private static FormSection CompetitionHeader(bool inProgress) => new("header", new("基本信息", "Basics"),
        inProgress
            ?
            [
                Text("unit", "被督导单位", "Unit supervised"),
                Text("project", "竞赛项目名称", "Competition"),
                new("content", null, new("督导内容（理论知识/技能操作）", "What is supervised (theory / practical)"), FormItemKind.SingleChoice, true, CompetitionContent.Key),
            ]
            :
            [
                Text("unit", "被督导单位", "Unit supervised"),
                Text("project", "竞赛项目名称", "Competition"),
            ]);

    private static FormSection CompetitionOpinions() => new("opinions", new("意见", "Opinions"),
    [
        Text("supervisor-opinion", "督导人员意见（竞赛过程是否符合相关规定，不符合的需注明具体情况）", "Supervisors' opinion (whether the competition complied; details of any breach)"),
        Text("unit-opinion", "被督导单位意见", "Opinion of the unit supervised", required: false),
    ]);

    /// <summary>北京市职业技能竞赛质量督导记录表（事中现场督导）: items 1–11. BJ 附件7, 第二十六条.</summary>
    public static FormDefinition CompetitionInProgress { get; } = new(
        CompetitionInProgressId, 1,
        new LocalizedText("北京市职业技能竞赛质量督导记录表（事中现场督导）", "Beijing competition quality supervision record (on site, in progress)"),
        Annex(7),
        [
            CompetitionHeader(inProgress: true),
            Group("contents", "督导内容", "What was supervised",
                Check(1, "执行职业技能竞赛有关政策规定", "Competition policies and rules applied"),
                Check(2, "执行赛务、试题、成绩管理规定", "Rules on competition affairs, test items and scores applied"),
                Check(3, "竞赛实施过程与备案方案一致", "The competition ran as in the filed scheme"),
                Check(4, "竞赛开始结束时间、地点、职业、人数与竞赛计划一致", "Start and end, venue, occupation and numbers match the plan"),
                Check(5, "赛务人员、裁判人员安排与竞赛计划一致", "Competition staff and judges are arranged as planned"),
                Check(6, "赛务人员、裁判人员佩戴证卡上岗，认真履行职责", "Competition staff and judges wear their cards and perform their duties"),
                Check(7, "竞赛选手入场，登记、核查选手资质无误", "Contestants' entry, registration and eligibility checks are correct"),
                Check(8, "试卷密封完好", "Test papers are sealed intact"),
                Check(9, "竞赛选手遵守竞赛规则", "Contestants keep the competition rules"),
                Check(10, "竞赛选手成绩核算符合竞赛程序和工作要求", "Scores are computed by the competition procedure"),
                Check(11, "竞赛现场条件符合竞赛方案要求", "Site conditions meet the competition scheme")),
            CompetitionOpinions(),
        ],
        [YesNo, CompetitionContent],
        [
            new FormSignature("supervisor-signature", new("督导人员", "Supervisors"), Dated: true),
            new FormSignature("site-head-signature", new("竞赛现场负责人", "Head of the competition site"), Dated: true),
        ]);

    /// <summary>北京市职业技能竞赛质量督导记录表（事后竞赛结果督导）: items 1–13. BJ 附件7, 第二十六条.</summary>
    public static FormDefinition CompetitionAfter { get; } = new(
        CompetitionAfterId, 1,
        new LocalizedText("北京市职业技能竞赛质量督导记录表（事后竞赛结果督导）", "Beijing competition quality supervision record (results, after)"),
        Annex(7),
        [
            CompetitionHeader(inProgress: false),
            Group("contents", "督导内容（竞赛结果）", "What was supervised (results)",
                Check(1, "执行职业技能竞赛有关政策规定", "Competition policies and rules applied"),
                Check(2, "竞赛通知、实施方案、竞赛应急预案符合要求", "Notice, scheme and contingency plan meet the requirements"),
                Check(3, "竞赛组委会、裁判人员、仲裁人员名单符合要求", "Lists of the organising committee, judges and arbitrators meet the requirements"),
                Check(4, "竞赛开始结束时间、地点、职业、人数与竞赛计划一致", "Start and end, venue, occupation and numbers match the plan"),
                Check(5, "赛务人员、裁判人员安排与竞赛计划一致", "Competition staff and judges were arranged as planned"),
                Check(6, "赛务人员、裁判人员、相关工作人员履行职责", "Competition staff, judges and others performed their duties"),
                Check(7, "竞赛试题与竞赛职业、等级、场次信息一致", "Test items match the occupation, level and session"),
                Check(8, "评分记录齐全，有裁判人员签字，成绩计算无误", "Score records are complete, signed by judges, computed correctly"),
                Check(9, "仲裁委员会工作记录齐全", "Arbitration committee records are complete"),
                Check(10, "竞赛选手信息、选手入场签到表齐全", "Contestant records and sign-in sheets are complete"),
                Check(11, "竞赛结果公示，竞赛表彰通知齐全", "Results were published; award notices are complete"),
                Check(12, "申请核发技能等级证书职业、等级、人数符合晋升比例要求", "Certificates applied for meet the promotion ratios by occupation, level and number"),
                Check(13, "竞赛过程有影像资料", "Image records of the competition exist")),
            CompetitionOpinions(),
        ],
        [YesNo],
        [
            new FormSignature("supervisor-signature", new("督导人员", "Supervisors"), Dated: true),
            new FormSignature("organiser-head-signature", new("竞赛主办单位负责人", "Head of the organiser"), Dated: true),
        ]);

    /// <summary>Every BJ form, in annex order.</summary>
    public static IReadOnlyList<FormDefinition> All { get; } =
    [
        RecognitionOnSite, RecognitionAfter, Feedback, VenueCheck, CompetitionSchedule, CompetitionInProgress, CompetitionAfter,
    ];

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public IReadOnlyList<FormDefinition> Forms => All;
}
