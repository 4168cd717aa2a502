using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Sanctions;

/// <summary>
/// 外督处理情形 (GD 21) and 评价机构处理情形 (GD 22): the grounds and measures the Host accepts for supervisors and
/// institutions of 44 (<c>gd.sanction.supervisor</c>).
/// <para>GD 21: "视其情节轻重给予批评教育或暂停质量督导任务委派处理。情节严重的，可向当事人所在单位进行通报，并取消其资格或不予续聘 …
/// 情节特别严重构成犯罪的，移交司法机关" — every one of the eight grounds allows every measure; which one fits is the
/// seriousness (情节), judged by the deciding centre, not by a rule. Measures: <c>criticism</c> (批评教育), <c>suspension</c>
/// (暂停委派), <c>notify-employer</c> (向所在单位通报), <c>revocation</c> (取消资格), <c>non-renewal</c> (不予续聘),
/// <c>judicial-referral</c> (移交司法机关). The national dismissal (解聘, CN 17) and ban are not GD 21 measures: on a GD
/// ground they are refused (CN grounds remain available with CN measures).</para>
/// <para>Reading of 不予续聘: the person "不得再从事我省…质量督导相关工作" — may no longer do supervision work — so the
/// appointment ends and the card is withdrawn on the day of the decision, as for a revocation; both bar the person in
/// Guangdong for good (<see cref="LifetimeBanRule"/>).</para>
/// <para>GD 22 (institutions): the same six grounds and ladder as CN 18 (通报批评并责令改正 → 处分建议 → 取消评价工作资格),
/// listed here with GD's citation; the national ladder rule judges them.</para>
/// </summary>
public sealed class GuangdongSanctionGrounds : ISanctionGrounds
{
    /// <summary>不予续聘 (non-renewal).</summary>
    public const string NonRenewal = "non-renewal";

    /// <summary>向当事人所在单位进行通报 (notice to the person's employer).</summary>
    public const string NotifyEmployer = "notify-employer";

    /// <summary>移交司法机关 (referral to the judicial authorities).</summary>
    public const string JudicialReferral = "judicial-referral";

    /// <summary>The measures GD 21 allows on each of its grounds.</summary>
    public static readonly IReadOnlyList<string> SupervisorMeasures = ["criticism", "suspension", NotifyEmployer, "revocation", NonRenewal, JudicialReferral];

    /// <summary>The steps of the GD 22 / CN 18 ladder.</summary>
    public static readonly IReadOnlyList<string> InstitutionMeasures = ["notice-and-correction", "disciplinary-recommendation", "disqualification"];

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.SanctionSupervisor;

    /// <inheritdoc />
    public IReadOnlyList<SanctionMeasureDefinition> Measures { get; } =
    [
        new(NotifyEmployer, new LocalizedText("向当事人所在单位进行通报", "notice to the person's employer"), EndsAppointment: false),
        new(NonRenewal, new LocalizedText("不予续聘", "non-renewal"), EndsAppointment: true),
        new(JudicialReferral, new LocalizedText("移交司法机关依法追究刑事责任", "referral to the judicial authorities"), EndsAppointment: false),
    ];

    /// <inheritdoc />
    public IReadOnlyList<SanctionGroundDefinition> Grounds { get; } =
    [
        Supervisor("gd.unauthorised-or-refused", "一", "未经委派擅自参加或无故不接受质量督导工作任务的", "took part without being dispatched, or refused a supervision task without reason"),
        Supervisor("gd.undisclosed-recusal", "二", "应当回避质量督导工作却隐瞒不报的", "concealed a reason to recuse"),
        Supervisor("gd.dereliction", "三", "玩忽职守，贻误质量督导工作的", "neglected the duties and delayed the supervision"),
        Supervisor("gd.abuse-of-office", "四", "利用职权谋取私利或干扰评价机构正常工作的", "used the office for private gain or interfered with the institution's normal work"),
        Supervisor("gd.falsification", "五", "弄虚作假，徇私舞弊，影响质量督导结果客观公正的", "falsified or acted with favouritism, affecting the objectivity of the supervision"),
        Supervisor("gd.leak", "六", "因失职或个人主观意志导致试题内容等工作秘密泄露，经查实泄密的", "leaked examination content or other work secrets, through negligence or intent, as established"),
        Supervisor("gd.shielding-or-retaliation", "七", "利用职权包庇或打击报复他人、侵害他人合法权益的", "used the office to shield others or retaliate, infringing others' lawful rights"),
        Supervisor("gd.other-obstruction", "八", "其它妨碍技能人才评价工作有序开展或造成不良影响的情况", "otherwise hindered the orderly conduct of evaluation or caused bad influence"),
        Institution("gd.institution.refused-information", "一", "拒绝向质量督导员提供与其质量督导内容相关情况和文件资料的", "refused supervisors information and documents on the matters supervised"),
        Institution("gd.institution.obstructed-reporting", "二", "阻扰有关人员向质量督导员反应情况的", "obstructed people from reporting to supervisors"),
        Institution("gd.institution.ignored-opinion", "三", "对质量督导意见拒不采取改进措施的", "refused to act on the supervision opinion"),
        Institution("gd.institution.deception", "四", "弄虚作假、采取欺骗手段干扰质量督导工作的", "falsified or deceived to interfere with the supervision"),
        Institution("gd.institution.retaliation", "五", "打击、报复质量督导员的", "retaliated against supervisors"),
        Institution("gd.institution.other", "六", "其他影响质量督导工作的行为", "other conduct affecting the supervision"),
    ];

    private static SanctionGroundDefinition Supervisor(string key, string item, string zh, string en) =>
        new(key, SanctionTarget.Supervisor, new LocalizedText(zh, en), GuangdongRules.SanctionSupervisor.Id,
            new Citation("GD", $"21({item})", $"第二十一条第（{item}）项"), SupervisorMeasures);

    private static SanctionGroundDefinition Institution(string key, string item, string zh, string en) =>
        new(key, SanctionTarget.Institution, new LocalizedText(zh, en), NationalRules.InstitutionSanctionLadder.Id,
            new Citation("GD", $"22({item})", $"第二十二条第（{item}）项"), InstitutionMeasures);
}
