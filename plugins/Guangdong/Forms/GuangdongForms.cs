using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Forms;

/// <summary>
/// GD's forms as data (<c>gd.forms</c>): 附件3 (daily record of qualification evaluation and special-ability assessment),
/// 附件4 (daily record of skill-level recognition), 附件5 (the institution's feedback on the external supervisor).
/// <para>Readings: every tick item is a single choice over the options printed after it, in printed order, labels as
/// printed (附件4 item 7's "失 职" is printed with a typesetting space, kept as 失职). Annex 3: the three 一票否决项 and the
/// 异常情况记录 are check boxes (a multiple choice, none ticked = none found); each item has its own 补充说明 (optional
/// text, key <c>…-note</c>); the theory-room and skill-site items apply by subject (注2), so they are optional; each
/// section has its 综合评定 优秀/良好/一般/差. Annex 4 prints "11" twice: both keep the printed number 11, with keys
/// <c>item-11a</c> and <c>item-11b</c>. Annex 5's 填报单位（盖章） is a sealed signature.</para>
/// </summary>
public sealed class GuangdongForms : IFormCatalogue
{
    /// <summary>Id of 附件3.</summary>
    public const string Annex3Id = "gd.annex-3";

    /// <summary>Id of 附件4.</summary>
    public const string Annex4Id = "gd.annex-4";

    /// <summary>Id of 附件5.</summary>
    public const string Annex5Id = "gd.annex-5";

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public IReadOnlyList<FormDefinition> Forms { get; } = [Annex3, Annex4, Annex5, MeasureForms.ReminderLetter, MeasureForms.QualityNotice];

    private static readonly FormOptionSet Rating = new("rating",
    [
        new("excellent", new("优秀", "Excellent")),
        new("good", new("良好", "Good")),
        new("fair", new("一般", "Fair")),
        new("poor", new("差", "Poor")),
    ]);

    private static Citation AnnexCitation(int annex) =>
        new(GuangdongRules.Forms.Citation.Document, $"annex {annex}", $"附件{annex}");

    private static FormOption O(string key, string zh, string en) => new(key, new LocalizedText(zh, en));

    /// <summary>附件3 广东省职业资格评价、专项职业能力考核日常督导情况记录表.</summary>
    public static FormDefinition Annex3 { get; } = BuildAnnex3();

    /// <summary>附件4 广东省职业技能等级认定日常督导情况记录表.</summary>
    public static FormDefinition Annex4 { get; } = BuildAnnex4();

    /// <summary>附件5 广东省技能人才评价外部质量督导员情况反馈表.</summary>
    public static FormDefinition Annex5 { get; } = new(
        Annex5Id,
        1,
        new LocalizedText("广东省技能人才评价外部质量督导员情况反馈表", "Guangdong feedback form on the external quality supervisor"),
        AnnexCitation(5),
        [
            new FormSection("details", new("情况反馈", "Feedback"),
            [
                new("evaluated-on", null, new("评价日期", "Date of evaluation"), FormItemKind.Date, true),
                new("occupation", null, new("评价职业（项目）", "Occupation (programme) evaluated"), FormItemKind.Text, true),
                new("supervisor-name", null, new("督导员姓名", "Supervisor's name"), FormItemKind.Text, true),
                new("card-number", null, new("督导证卡号", "Supervisor card number"), FormItemKind.Text, true),
                new("entry-at", null, new("督导员进场时间", "Supervisor's entry time"), FormItemKind.DateTime, true),
                new("exit-at", null, new("督导员离场时间", "Supervisor's exit time"), FormItemKind.DateTime, true),
                new("feedback", null, new(
                    "反馈情况（是否佩戴督导员证卡、是否认真履行职责、是否越权进行督导或干预正常考评工作、是否自觉遵守廉洁纪律等）",
                    "Feedback (whether the supervisor wore the card, performed the duties conscientiously, exceeded their authority or interfered with examining, and observed the integrity rules)"),
                    FormItemKind.Text, true),
            ]),
        ],
        [],
        [new FormSignature("reporting-unit", new("填报单位", "Reporting institution"), Dated: false, Seal: true)]);

    private sealed record Choice(string Key, string Zh, string En, bool Required, FormOption[] Options);

    private static FormDefinition BuildAnnex3()
    {
        Choice[] preparation =
        [
            new("candidate-lists", "试室张贴考生名单及座签（工位号）", "Candidate lists and seat (workstation) labels posted in the room", true,
                [O("all", "全部张贴", "All posted"), O("some", "部分张贴", "Partly posted"), O("none", "未张贴", "Not posted")]),
            new("theory-room-layout", "理论科目（含智能化）试室桌椅（计算机）布置是否符合要求", "Theory (incl. computer-based) room: desks and computers laid out as required", false,
                [O("conforms", "符合要求", "Conforms"), O("partly", "部分符合要求", "Partly conforms"), O("not", "不符合要求", "Does not conform")]),
            new("skill-site-equipment", "技能操作科目场地设备、材料等是否满足本次考试需求", "Skill subjects: site, equipment and materials meet this examination's needs", false,
                [O("meets", "满足", "Meets the needs"),
                 O("tight-no-impact", "场地相对拥挤，或部分设备、材料不足，但不影响考试", "Site rather crowded or some equipment/materials short, without affecting the examination"),
                 O("affects", "场地拥挤，或设备、材料不足，影响考试正常开展", "Site crowded or equipment/materials short, affecting the examination")]),
            new("room-conditions", "考场防疫、卫生、照明、通风、防火等情况", "Epidemic prevention, hygiene, lighting, ventilation and fire safety of the rooms", true,
                [O("good", "良好", "Good"), O("fair", "一般", "Fair"), O("poor", "差", "Poor")]),
            new("staffing", "考评、考务人员配备及分工是否合理，是否满足本次考试需求", "Examiners and administrative staff: numbers and division of work reasonable and sufficient", true,
                [O("reasonable", "配备及分工合理，满足需求", "Staffing and division reasonable, needs met"),
                 O("division-unreasonable", "配备充足，但分工不合理", "Enough staff, but division of work unreasonable"),
                 O("insufficient", "配备及分工不合理，或不满足鉴定需求", "Staffing and division unreasonable, or needs not met")]),
            new("staff-cards", "考评、考务人员是否佩戴相应证卡", "Examiners and administrative staff wear their cards", true,
                [O("all", "全部佩戴", "All wear them"), O("some", "部分佩戴", "Some wear them"), O("none", "未佩带", "None wears them")]),
        ];
        Choice[] conduct =
        [
            new("procedure", "考试现场组织管理和工作程序是否符合业务规范", "On-site organisation and procedures follow the rules of practice", true,
                [O("conforms", "符合要求", "Conforms"), O("deficient", "存在不足", "Has shortcomings"), O("not", "不符合要求", "Does not conform")]),
            new("identity-checks", "是否严格检查考生身份", "Candidates' identities strictly checked", true,
                [O("strict", "严格检查，并严格执行考生持“双证”进场制度", "Strictly checked, and the two-document entry rule strictly applied"),
                 O("lax", "未检查，或检查不认真，导致身份（证件）不符、不全的考生进入考场", "Not checked or checked carelessly, so candidates with wrong or missing documents entered")]),
            new("timing", "是否准时开始/结束考试", "Examination started and ended on time", true,
                [O("on-time", "准时", "On time"), O("late", "不准时", "Not on time")]),
            new("staff-duties", "考评、考务人员是否认真履行职责", "Examiners and administrative staff perform their duties conscientiously", true,
                [O("diligent", "尽职尽责", "Diligent"),
                 O("some-lacking", "部分人员工作不到位，但不影响考试正常开展", "Some fall short, without affecting the examination"),
                 O("dereliction", "有考评、考务人员失职，影响考试正常开展", "Dereliction by examiners or staff, affecting the examination")]),
            new("paper-handling", "试卷交接、回收、封装和保管过程是否符合要求", "Handover, collection, sealing and custody of papers as required", true,
                [O("conforms", "符合要求", "Conforms"), O("deficient", "存在不足", "Has shortcomings"), O("not", "不符合要求", "Does not conform")]),
            new("discipline", "考场纪律情况", "Discipline in the examination room", true,
                [O("good", "良好", "Good"), O("fair", "一般", "Fair"), O("poor", "差", "Poor")]),
            new("cooperation", "被督导单位是否配合督导员工作", "The supervised unit cooperates with the supervisor", true,
                [O("active", "积极配合", "Actively"), O("passive", "被动配合", "Passively"), O("none", "不配合", "Does not cooperate")]),
        ];
        Choice[] marking =
        [
            new("anonymised", "阅卷评分（评审）前是否按要求屏蔽考生个人信息", "Candidates' personal data masked before marking (review) as required", true,
                [O("conforms", "符合要求", "Conforms"), O("not", "不符合要求", "Does not conform")]),
            new("markers", "阅卷评分（评审）人员的资格与配备、分工是否符合本次阅卷评分（评审）要求", "Markers' (reviewers') qualifications, numbers and division of work meet this marking's requirements", true,
                [O("conforms", "符合要求", "Conforms"), O("deficient", "存在不足", "Has shortcomings"), O("not", "不符合要求", "Does not conform")]),
            new("marking-process", "阅卷评分（评审）过程是否规范、严谨", "Marking (review) process regular and rigorous", true,
                [O("conforms", "符合要求", "Conforms"), O("deficient", "存在不足", "Has shortcomings"), O("not", "不符合要求", "Does not conform")]),
            new("score-recording", "成绩登统过程是否规范、准确", "Scores recorded regularly and accurately", true,
                [O("conforms", "符合要求", "Conforms"), O("not", "不符合要求", "Does not conform")]),
        ];
        var sets = new List<FormOptionSet> { Rating };
        FormSection Section(string key, string zh, string en, Choice[] choices)
        {
            var items = new List<FormItem>();
            foreach (var c in choices)
            {
                sets.Add(new FormOptionSet(c.Key, c.Options));
                items.Add(new FormItem(c.Key, null, new LocalizedText(c.Zh, c.En), FormItemKind.SingleChoice, c.Required, c.Key));
                items.Add(new FormItem($"{c.Key}-note", null, new LocalizedText("补充说明", "Supplementary note"), FormItemKind.Text, false));
            }
            return new FormSection(key, new LocalizedText(zh, en), items, Rating.Key);
        }
        var veto = new FormOptionSet("veto",
        [
            O("outside-approved-site", "未经允许在证书核发机构核准的考场外开展鉴定考核", "Assessment held outside the examination site approved by the certificate-issuing authority without permission"),
            O("misconduct", "被督导单位、考评人员、考务人员存在违规、违纪行为，影响考试秩序或公平公正。", "The supervised unit, examiners or staff broke rules or discipline, affecting order or fairness."),
            O("other-dereliction", "存在其他工作失职、失误，造成不良影响。", "Other dereliction or errors with adverse effects."),
        ]);
        var anomalies = new FormOptionSet("anomalies",
        [
            O("mass-absence", "存在大量考生缺考的情况", "Many candidates absent"),
            O("unskilled-candidates", "存在大量考生“滥竽充数”，明显不掌握相应技能的情况", "Many candidates plainly lacking the skill (making up the numbers)"),
            O("blank-signatures", "存在考评员在空白评分表或成绩册上签名的情况", "Examiners signing blank score sheets or score books"),
        ]);
        List<FormSection> sections =
        [
            new("header", new("基本信息", "Header"),
            [
                new("unit", null, new("被督导单位", "Supervised unit"), FormItemKind.Text, true),
                new("occupation", null, new("督导职业（项目）", "Occupation (programme) supervised"), FormItemKind.Text, true),
                new("supervised-on", null, new("督导日期", "Date of supervision"), FormItemKind.Date, true),
            ]),
            new("veto", new("一票否决项", "Veto items"),
            [
                new("veto-items", null, new("一票否决项（勾选存在的情形）", "Veto items (tick those found)"), FormItemKind.MultipleChoice, false, veto.Key),
            ]),
            Section("preparation", "考场准备", "Examination preparation", preparation),
            Section("conduct", "考试实施管理", "Conduct of the examination", conduct),
            Section("marking", "阅卷评分（评审）", "Marking (review)", marking),
            new("anomaly-record", new("异常情况记录", "Anomalies"),
            [
                new("anomalies", null, new("异常情况记录（勾选存在的情形）", "Anomalies (tick those found)"), FormItemKind.MultipleChoice, false, anomalies.Key),
                new("other", null, new("其他情况", "Other"), FormItemKind.Text, false),
            ]),
        ];
        sets.Add(veto);
        sets.Add(anomalies);
        return new FormDefinition(
            Annex3Id,
            1,
            new LocalizedText("广东省职业资格评价、专项职业能力考核日常督导情况记录表",
                "Guangdong daily supervision record: vocational qualification evaluation and special vocational ability assessment"),
            AnnexCitation(3),
            sections,
            sets,
            [new FormSignature("supervisor", new("外部质量督导员", "External quality supervisor"), Dated: true)]);
    }

    private static FormDefinition BuildAnnex4()
    {
        var consistency = new FormOptionSet("consistency", [O("consistent", "一致", "Consistent"), O("partly", "部分一致", "Partly consistent"), O("inconsistent", "不一致", "Inconsistent")]);
        var reasonableness = new FormOptionSet("reasonableness", [O("reasonable", "合理", "Reasonable"), O("partly", "部分合理", "Partly reasonable"), O("unreasonable", "不合理", "Unreasonable")]);
        var conformity = new FormOptionSet("conformity", [O("conforms", "符合", "Conforms"), O("partly", "部分符合", "Partly conforms"), O("not", "不符合", "Does not conform")]);
        var diligence = new FormOptionSet("diligence", [O("diligent", "尽职", "Diligent"), O("some-lacking", "部分人员工作不到位", "Some fall short"), O("dereliction", "失职", "Dereliction of duty")]);
        var order = new FormOptionSet("order", [O("good", "良好", "Good"), O("fair", "一般", "Fair"), O("chaotic", "混乱", "Chaotic")]);
        var recording = new FormOptionSet("recording",
        [
            O("full", "有录像且全程、全场覆盖", "Recorded, covering the whole process and site"),
            O("partial", "有录像但未能全程、全场覆盖", "Recorded, but not the whole process or site"),
            O("none", "没录像", "Not recorded"),
        ]);
        var cooperation = new FormOptionSet("cooperation", [O("active", "积极配合", "Actively"), O("passive", "被动配合", "Passively"), O("none", "不配合", "Does not cooperate")]);

        static FormItem I(string key, string number, string zh, string en, FormOptionSet set) =>
            new(key, number, new LocalizedText(zh, en), FormItemKind.SingleChoice, true, set.Key);

        List<FormSection> sections =
        [
            new("header", new("基本信息", "Header"),
            [
                new("institution", null, new("被督导评价机构", "Supervised evaluation institution"), FormItemKind.Text, true),
                new("plan-number", null, new("评价计划编号", "Evaluation plan number"), FormItemKind.Text, true),
                new("supervised-on", null, new("督导日期", "Date of supervision"), FormItemKind.Date, true),
            ]),
            new("organisation-plan", new("评价组织工作检查·评价计划", "Organisation check · evaluation plan"),
            [
                I("item-1", "1", "评价时间、评价人数及评价内容是否与评价计划一致", "Time, number of candidates and content consistent with the evaluation plan", consistency),
            ]),
            new("organisation-staff", new("评价组织工作检查·人员安排", "Organisation check · staffing"),
            [
                I("item-2", "2", "考评人员、内部督导员的安排是否与评价计划一致", "Examiners and internal supervisors as arranged in the evaluation plan", consistency),
                I("item-3", "3", "考评人员、考务人员配备及分工是否合理", "Examiners' and administrative staff's numbers and division of work reasonable", reasonableness),
            ]),
            new("organisation-site", new("评价组织工作检查·现场布置", "Organisation check · site layout"),
            [
                I("item-4", "4", "考核现场、设备、材料和工具是否符合本次评价需求", "Site, equipment, materials and tools meet this evaluation's needs", conformity),
                I("item-5", "5", "评价现场环境符合各项要求（安静、整洁、通风、灯光、防火与安全出口标识等）",
                    "Site environment meets the requirements (quiet, clean, ventilation, lighting, fire safety and exit signs, etc.)", conformity),
                I("item-6", "6", "试室外是否张贴考场须知及试室考生名单", "Room rules and candidate list posted outside the room", conformity),
            ]),
            new("process-staff", new("评价过程检查·人员安排", "Process check · staffing"),
            [
                I("item-7", "7", "考评人员、考务人员、内部质量督导人员是否认真履行职责", "Examiners, administrative staff and internal supervisors perform their duties conscientiously", diligence),
                I("item-8", "8", "出入试室的工作人员是否全程佩带相应胸卡", "Staff entering and leaving the room wear their badges throughout", conformity),
            ]),
            new("process-recognition", new("评价过程检查·认定过程", "Process check · recognition"),
            [
                I("item-9", "9", "考试开始/结束时间是否与评价计划报备一致", "Start and end times consistent with the filed evaluation plan", consistency),
                I("item-10", "10", "是否按要求核对考生的证件信息、做好考生签到与考场记录", "Candidates' documents checked, sign-in and room records kept as required", conformity),
                I("item-11a", "11", "抽查考生信息是否与此次评价计划一致", "Sampled candidate information consistent with this evaluation plan", consistency),
                I("item-11b", "11", "评价现场秩序情况", "Order at the evaluation site", order),
                I("item-12", "12", "评价过程是否进行录像", "Evaluation video-recorded", recording),
                I("item-13", "13", "被督导单位是否配合外部质量督导人员工作", "The supervised unit cooperates with the external supervisor", cooperation),
            ]),
            new("process-scoring", new("评价过程检查·评分过程", "Process check · scoring"),
            [
                I("item-14", "14", "试卷袋拆封前有做好密装，考生试卷有进行密封装订", "Paper bags sealed before opening, candidates' papers sealed and bound", conformity),
                I("item-15", "15", "实操评分过程是否符合规范要求", "Practical scoring follows the rules", conformity),
                I("item-16", "16", "理论阅卷评分（评审、评定）过程是否符合规范要求", "Theory marking (review, assessment) follows the rules", conformity),
                I("item-17", "17", "考评人员是否按规范对试卷、评分表、考场记录表等相关表格或考务档案签名确认",
                    "Examiners sign papers, score sheets, room records and other forms or files as required", conformity),
            ]),
            new("opinion", new("意见", "Opinion"),
            [
                new("problems", null, new("存在问题", "Problems found (by item number)"), FormItemKind.Text, false),
                new("overall", null, new("总体评价", "Overall evaluation"), FormItemKind.Text, true),
            ]),
        ];
        return new FormDefinition(
            Annex4Id,
            1,
            new LocalizedText("广东省职业技能等级认定日常督导情况记录表", "Guangdong daily supervision record: vocational skill level recognition"),
            AnnexCitation(4),
            sections,
            [consistency, reasonableness, conformity, diligence, order, recording, cooperation],
            [new FormSignature("supervisor", new("外部质量督导员", "External quality supervisor"), Dated: true)]);
    }
}
