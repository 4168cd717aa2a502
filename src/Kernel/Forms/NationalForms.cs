using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Forms;

/// <summary>
/// The kernel's forms. CN prescribes no form of its own: 第十条 requires a written report of the results to the
/// dispatching authority (<c>cn.report.required</c>), and 第十二条 lists what supervision covers. The generic national
/// report follows 第十二条's four items (the second split into its enumerated parts, numbered 2.1–2.6) so a jurisdiction
/// without a pack form still files a structured record; packs supply their annex forms (GD 附件3/4, BJ 附件3/7).
/// </summary>
public static class NationalForms
{
    /// <summary>Id of the generic national report form.</summary>
    public const string ReportId = "cn.report";

    private static readonly FormOptionSet Compliance = new("compliance",
    [
        new("conforms", new("符合", "Conforms")),
        new("partly", new("基本符合", "Partly conforms")),
        new("not", new("不符合", "Does not conform")),
        new("not-checked", new("未涉及", "Not checked")),
    ]);

    private static readonly FormOptionSet Rating = new("rating",
    [
        new("excellent", new("优秀", "Excellent")),
        new("good", new("良好", "Good")),
        new("fair", new("一般", "Fair")),
        new("poor", new("差", "Poor")),
    ]);

    private static FormItem Check(string key, string number, string zh, string en) =>
        new(key, number, new LocalizedText(zh, en), FormItemKind.SingleChoice, Required: true, OptionSet: Compliance.Key);

    /// <summary>技能人才评价质量督导情况报告 (generic supervision report), CN 第十条、第十二条.</summary>
    public static FormDefinition Report { get; } = new(
        ReportId,
        1,
        new LocalizedText("技能人才评价质量督导情况报告", "Skills-talent evaluation quality supervision report"),
        NationalRules.ReportRequired.Citation,
        [
            new FormSection("basics", new("基本情况", "Basics"),
            [
                new("institution", null, new("被督导评价机构", "Institution supervised"), FormItemKind.Text, true),
                new("occupation", null, new("督导职业（项目）", "Occupation (programme)"), FormItemKind.Text, true),
                new("supervised-on", null, new("督导日期", "Date of supervision"), FormItemKind.Date, true),
                new("form-of-supervision", null, new("督导形式（现场督导、数据比对、远程监控等）", "Form of supervision (on site, data comparison, remote monitoring, …)"), FormItemKind.Text, false),
            ]),
            new FormSection("contents", new("督导内容（第十二条）", "What was supervised (art. 12)"),
            [
                Check("laws-and-quality-system", "1", "贯彻执行有关法律法规、规章和有关政策及其质量管理体系建设等情况", "Implementation of laws, regulations and policies, and the quality management system"),
                Check("evaluation-scope", "2.1", "评价机构的评价范围", "The institution's evaluation scope"),
                Check("standards-and-item-bank", "2.2", "职业技能标准（或评价规范）及试题（题库）的执行情况", "Use of occupational skill standards (or evaluation specifications) and the item bank"),
                Check("candidate-eligibility", "2.3", "参加评价人员的资格条件", "Eligibility of candidates"),
                Check("examination-order", "2.4", "考场秩序", "Order in the examination room"),
                Check("certificates", "2.5", "证书管理与发放", "Certificate management and issue"),
                Check("examiners-and-staff", "2.6", "考评人员、管理人员工作情况", "Work of examiners and administrative staff"),
                Check("complaints", "3", "对群众举报的涉嫌违规违纪情况进行调查核实", "Investigation of reported irregularities"),
                Check("major-issues", "4", "对重大问题进行调查研究", "Investigation of major issues"),
            ], RatingOptionSet: Rating.Key),
            new FormSection("findings", new("意见", "Opinion"),
            [
                new("problems", null, new("存在问题", "Problems found"), FormItemKind.Text, false),
                new("suggestions", null, new("意见建议（含奖惩建议，第九条第（六）项）", "Suggestions (incl. rewards or sanctions, art. 9(6))"), FormItemKind.Text, false),
            ]),
        ],
        [Compliance, Rating],
        [new FormSignature("supervisor-signature", new("质量督导员", "Quality supervisor"), Dated: true)]);

    /// <summary>Every kernel form; they apply in every jurisdiction.</summary>
    public static IReadOnlyList<FormDefinition> All { get; } = [Report];

    /// <summary>The jurisdiction where the kernel forms apply.</summary>
    public static JurisdictionCode Scope => JurisdictionCode.National;
}
