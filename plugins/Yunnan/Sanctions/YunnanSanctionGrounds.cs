using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Sanctions;

/// <summary>
/// 质量督导人员处理情形 (YN 21) and 评价机构处理情形 (YN 20): the grounds and measures the Host accepts for supervisors and
/// institutions of 53, on top of the national ones (<c>yn.sanction.supervisor</c>).
/// <para>YN 21: "由其所在部门给予批评教育或行政处分；情节严重的，由质量督导人员证卡核发机构取消其督导资格；构成犯罪的，移送司法机关" — six grounds,
/// each allowing <c>criticism</c> (批评教育), <c>administrative-sanction</c> (行政处分, by the person's department; recorded, ends
/// nothing), <c>revocation</c> (取消督导资格: ends the appointment, withdraws the card and blacklists, YN 23) and
/// <c>judicial-referral</c> (移送司法机关). Which one fits is the seriousness, judged by the deciding body.</para>
/// <para>YN 20 (institutions): CN 18's six grounds in YN's words; "批评，责令改正；拒不改正或情节严重的，由云南省人力资源社会保障部门责令整改，
/// 直至取消评价机构职业技能认定工作资格" — the national ladder judges every step (通报批评并责令改正 → 处分建议 → 取消评价工作资格).</para>
/// </summary>
public sealed class YunnanSanctionGrounds : ISanctionGrounds
{
    /// <summary>行政处分 (administrative sanction by the person's department).</summary>
    public const string AdministrativeSanction = "admin-sanction";

    /// <summary>移送司法机关 (referral to the judicial authorities); the same key as GD 21's.</summary>
    public const string JudicialReferral = "judicial-referral";

    /// <summary>The measures YN 21 allows on each of its grounds.</summary>
    public static readonly IReadOnlyList<string> SupervisorMeasures = ["criticism", AdministrativeSanction, "revocation", JudicialReferral];

    /// <summary>The steps of the national ladder YN 20 follows.</summary>
    public static readonly IReadOnlyList<string> InstitutionMeasures = ["notice-and-correction", "disciplinary-recommendation", "disqualification"];

    /// <summary>The measures allowed on <paramref name="ground"/> (one of <see cref="Grounds"/>), or null when the pack has no such ground (case tables: <c>point: decide</c>).</summary>
    public static IReadOnlyList<string>? MeasuresFor(string ground) => new YunnanSanctionGrounds().Grounds.FirstOrDefault(g => g.Key == ground)?.Measures;

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.SanctionSupervisor;

    /// <inheritdoc />
    public IReadOnlyList<SanctionMeasureDefinition> Measures { get; } =
    [
        new(AdministrativeSanction, new LocalizedText("行政处分", "administrative sanction"), EndsAppointment: false),
        new(JudicialReferral, new LocalizedText("移送司法机关依法追究刑事责任", "referral to the judicial authorities"), EndsAppointment: false),
    ];

    /// <inheritdoc />
    public IReadOnlyList<SanctionGroundDefinition> Grounds { get; } =
    [
        Supervisor("yn.dereliction", "一", "玩忽职守，贻误认定有关规定的", "neglected the duties, delaying the recognition work"),
        Supervisor("yn.falsification", "二", "弄虚作假，徇私舞弊，影响督导结果公正的", "falsified or acted with favouritism, affecting the fairness of the supervision"),
        Supervisor("yn.abuse-of-power", "三", "滥用职权，干扰被督导机构正常工作的", "abused the office, interfering with the institution's normal work"),
        Supervisor("yn.shielding-or-retaliation", "四", "利用职权包庇或打击报复他人，侵害他人合法权益的", "used the office to shield others or retaliate, infringing others' lawful rights"),
        Supervisor("yn.improper-gain", "五", "违反廉洁有关要求不当得利的", "obtained improper gain against the integrity requirements"),
        Supervisor("yn.other-obstruction", "六", "其他妨碍工作正常进行，并造成恶劣影响的", "otherwise hindered the work and caused a very bad influence"),
        Institution("yn.institution.refused-information", "一", "拒绝向质量督导人员提供有关情况和文件资料的", "refused supervisors information and documents"),
        Institution("yn.institution.obstructed-reporting", "二", "阻挠有关人员向质量督导人员反映情况的", "obstructed people from reporting to supervisors"),
        Institution("yn.institution.ignored-opinion", "三", "对提出督导意见，拒不采取改进措施的", "refused to act on the supervision opinion"),
        Institution("yn.institution.deception", "四", "弄虚作假、采取欺骗手段干扰质量督导工作的", "falsified or deceived to interfere with the supervision"),
        Institution("yn.institution.retaliation", "五", "打击、报复质量督导人员的", "retaliated against supervisors"),
        Institution("yn.institution.other", "六", "其他影响质量督导工作的行为", "other conduct affecting the supervision"),
    ];

    private static SanctionGroundDefinition Supervisor(string key, string item, string zh, string en) =>
        new(key, SanctionTarget.Supervisor, new LocalizedText(zh, en), YunnanRules.SanctionSupervisor.Id,
            new Citation("YN", $"21({item})", $"第二十一条第（{item}）项"), SupervisorMeasures);

    private static SanctionGroundDefinition Institution(string key, string item, string zh, string en) =>
        new(key, SanctionTarget.Institution, new LocalizedText(zh, en), NationalRules.InstitutionSanctionLadder.Id,
            new Citation("YN", $"20({item})", $"第二十条第（{item}）项"), InstitutionMeasures);
}
