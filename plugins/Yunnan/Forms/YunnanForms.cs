using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Forms;

/// <summary>
/// YN's form: 《职业技能等级认定现场质量督导情况报告表》, filled during the site visit of a supervision (YN 第十一条第（二）项:
/// "填写《职业技能等级认定现场质量督导情况报告表》,打分评议"), used by the annual inspection (年检评估, 第十条第（三）项).
/// <para>Reading (the seed names the form but does not print it): the scored items are the supervision contents the
/// measures themselves list — 第八条 (一)(二)(三)(四)(五)(八)(九) and 第十二条 — in that order, each scored as a whole
/// number from 0 to 10, with the total (总分, 0–100) their sum; then the preliminary opinion (初步督导意见), the problems
/// found, and the signatures of the supervisor (group) and the supervised institution. The weights are this reading's; a
/// published form with other items or weights is a new version of the form, not an edit.</para>
/// </summary>
public sealed class YunnanForms : IFormCatalogue
{
    /// <summary>Id of the report form.</summary>
    public const string ReportFormId = "yn.site-report";

    /// <summary>Key of the total.</summary>
    public const string TotalKey = "total";

    /// <summary>Key of the preliminary opinion.</summary>
    public const string OpinionKey = "opinion";

    /// <summary>Highest score of one item.</summary>
    public const int ItemMaxScore = 10;

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public IReadOnlyList<FormDefinition> Forms { get; } = [Report];

    /// <summary>A scored item: key, printed number, highest score, source and text.</summary>
    public sealed record ScoredItem(string Key, string Number, int MaxScore, string Source, LocalizedText Text);

    /// <summary>The scored items in printed order.</summary>
    public static IReadOnlyList<ScoredItem> ScoredItems { get; } =
    [
        S(1, "8(一)", "贯彻执行职业技能等级认定政策、法规和考务制度情况", "Implementation of recognition policies, regulations and examination rules"),
        S(2, "8(二)", "保密制度执行情况", "Confidentiality rules"),
        S(3, "8(三)", "考务流程执行及考评人员管理情况", "Examination procedure and management of examiners"),
        S(4, "8(三)", "理论知识考核过程", "Theory examination"),
        S(5, "8(三)", "实际操作考核过程", "Practical skills examination"),
        S(6, "8(四)", "试卷组卷、印制、阅卷、成绩登录、发布和保密情况", "Papers: compilation, printing, marking, recording and publishing of results, confidentiality"),
        S(7, "8(五)", "职业技能等级证书印制、核发、管理情况", "Certificates: printing, issue and management"),
        S(8, "8(八)", "回避制度与考场规则执行情况", "Recusal and examination-room rules"),
        S(9, "8(九)", "考风考纪情况", "Examination discipline"),
        S(10, "12", "内部质量督导员全程督导情况", "Full-process internal supervision"),
    ];

    private static ScoredItem S(int n, string source, string zh, string en) =>
        new($"item-{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), ItemMaxScore, source, new LocalizedText(zh, en));

    /// <summary>职业技能等级认定现场质量督导情况报告表 (version 1).</summary>
    public static FormDefinition Report { get; } = new(
        ReportFormId, 1,
        new LocalizedText("职业技能等级认定现场质量督导情况报告表", "Report of on-site quality supervision of skill-level recognition"),
        new Citation("YN", "11(二)", "第十一条第（二）项"),
        [
            new FormSection("basic", new LocalizedText("基本情况", "Particulars"),
            [
                new FormItem("institution", null, new LocalizedText("被督导机构", "Supervised institution"), FormItemKind.Text, true),
                new FormItem("visit-date", null, new LocalizedText("督导日期", "Date of the visit"), FormItemKind.Date, true),
                new FormItem("supervisors", null, new LocalizedText("质量督导员（组）", "Supervisor(s)"), FormItemKind.Text, true),
            ]),
            new FormSection("scores", new LocalizedText("打分评议", "Scoring"),
            [
                .. ScoredItems.Select(i => new FormItem(i.Key, i.Number,
                    new LocalizedText($"{i.Text.Zh}（满分{i.MaxScore}分，第{ArticleZh(i.Source)}）", $"{i.Text.En} (0–{i.MaxScore}, YN {EnSource(i.Source)})"), FormItemKind.Number, true)),
                new FormItem(TotalKey, null, new LocalizedText($"总分（满分{ItemMaxScore * 10}分）", $"Total (0–{ItemMaxScore * 10})"), FormItemKind.Number, false),
            ]),
            new FormSection("findings", new LocalizedText("督导意见", "Findings"),
            [
                new FormItem("problems", null, new LocalizedText("存在问题", "Problems found"), FormItemKind.Text, false),
                new FormItem(OpinionKey, null, new LocalizedText("初步督导意见", "Preliminary supervision opinion"), FormItemKind.Text, true),
            ]),
        ],
        [],
        [
            new FormSignature("supervisor-signature", new LocalizedText("质量督导员（组）", "the supervisor (group)"), Dated: true),
            new FormSignature("institution-signature", new LocalizedText("被督导机构", "the supervised institution"), Dated: true, Seal: true),
        ]);

    /// <summary>The source in English: Chinese item numerals as digits (<c>8(一)</c> → <c>8(1)</c>).</summary>
    private static string EnSource(string source) =>
        string.Concat(source.Select(c => "一二三四五六七八九十".IndexOf(c) is var n and >= 0 ? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    private static string ArticleZh(string source) => source switch
    {
        "12" => "十二条",
        _ => "八条第（" + source[2..^1] + "）项",
    };
}
