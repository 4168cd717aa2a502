using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Sanctions;

/// <summary>
/// 外督员管理 (BJ 31) and 被督导机构处理 (BJ 30): the grounds and measures the Host accepts for supervisors and institutions of
/// the zone, on top of the national ones (<c>bj.sanction.supervisor</c>).
/// <para>BJ 31: "对在督导工作中未认真履行职责或利用职务谋取私利的，视情节轻重给予批评教育、暂停督导工作、取消其外督员资格" — two grounds,
/// three measures, all national keys: <c>criticism</c> (批评教育), <c>suspension</c> (暂停督导工作), <c>revocation</c> (取消外督员资格,
/// ends the appointment and withdraws the card). Which one fits is the seriousness (情节), judged by the bureau. The article
/// names 外督员; the extension point does not know a supervisor's kind, so the grounds are offered for every supervisor of
/// the zone (an institution manages its internal supervisors "参照外督员", BJ 24).</para>
/// <para>BJ 30 (institutions): CN 18's six grounds in the zone's words; "由社会事业局报市鉴定管理中心通报批评并责令其改正；拒不改正或情节严重的，
/// 严格按照有关规定处理" — the first step is 通报批评并责令改正, and "有关规定" is the national ladder (CN 18: 处分建议 → 取消评价工作资格),
/// which judges every step.</para>
/// </summary>
public sealed class BeijingEtdzSanctionGrounds : ISanctionGrounds
{
    /// <summary>The measures BJ 31 allows on each of its grounds.</summary>
    public static readonly IReadOnlyList<string> SupervisorMeasures = ["criticism", "suspension", "revocation"];

    /// <summary>The steps of the national ladder BJ 30 refers to.</summary>
    public static readonly IReadOnlyList<string> InstitutionMeasures = ["notice-and-correction", "disciplinary-recommendation", "disqualification"];

    /// <summary>The measures allowed on <paramref name="ground"/> (one of <see cref="Grounds"/>), or null when the pack has no such ground (case tables: <c>point: decide</c>).</summary>
    public static IReadOnlyList<string>? MeasuresFor(string ground) => new BeijingEtdzSanctionGrounds().Grounds.FirstOrDefault(g => g.Key == ground)?.Measures;

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.SanctionSupervisor;

    /// <inheritdoc />
    public IReadOnlyList<SanctionMeasureDefinition> Measures { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<SanctionGroundDefinition> Grounds { get; } =
    [
        new("bj.not-performing-duties", SanctionTarget.Supervisor, new LocalizedText("在督导工作中未认真履行职责的", "did not perform the supervision duties conscientiously"),
            BeijingEtdzRules.SanctionSupervisor.Id, new Citation("BJ", "31", "第三十一条"), SupervisorMeasures),
        new("bj.private-gain", SanctionTarget.Supervisor, new LocalizedText("利用职务谋取私利的", "used the office for private gain"),
            BeijingEtdzRules.SanctionSupervisor.Id, new Citation("BJ", "31", "第三十一条"), SupervisorMeasures),
        Institution("bj.institution.refused-information", "一", "拒绝向外督员提供与其督导内容有关情况和文件资料的", "refused external supervisors information and documents on the matters supervised"),
        Institution("bj.institution.obstructed-reporting", "二", "阻挠有关人员向外督员反映情况的", "obstructed people from reporting to external supervisors"),
        Institution("bj.institution.ignored-opinion", "三", "对提出的督导意见拒不采取改进措施的", "refused to act on the supervision opinion"),
        Institution("bj.institution.deception", "四", "弄虚作假、采取欺骗手段干扰质量督导工作的", "falsified or deceived to interfere with the supervision"),
        Institution("bj.institution.retaliation", "五", "打击、报复外督员的", "retaliated against external supervisors"),
        Institution("bj.institution.other", "六", "其他影响质量督导工作的行为", "other conduct affecting the supervision"),
    ];

    private static SanctionGroundDefinition Institution(string key, string item, string zh, string en) =>
        new(key, SanctionTarget.Institution, new LocalizedText(zh, en), NationalRules.InstitutionSanctionLadder.Id,
            new Citation("BJ", $"30({item})", $"第三十条第（{item}）项"), InstitutionMeasures);
}
