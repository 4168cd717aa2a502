using System.Diagnostics.CodeAnalysis;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Registry;

/// <summary>
/// 人力资源社会保障部门代码表 (table 3 of the CN card annex): the two-digit authority code at positions 2–3 of an
/// external card. <c>00</c> is the ministry (MOHRSS, jurisdiction <c>CN</c>); <c>11</c>…<c>82</c> are the provincial
/// HRSS departments, whose jurisdiction code is the same two digits. Each entry is a
/// <see cref="JurisdictionDefinition"/> whose <see cref="JurisdictionDefinition.Code"/> is the jurisdiction
/// (<c>CN</c> for <c>00</c>). CN 附件 证卡编码规则 一（二）2.
/// </summary>
public static class CardAuthorities
{
    /// <summary>The authority code of the ministry.</summary>
    public const string MinistryCode = "00";

    private static readonly (string CardCode, JurisdictionDefinition Definition)[] Table =
    [
        ("00", new("CN", new("人力资源社会保障部", "Ministry of Human Resources and Social Security (MOHRSS)"))),
        ("11", P("11", "北京市", "Beijing")),
        ("12", P("12", "天津市", "Tianjin")),
        ("13", P("13", "河北省", "Hebei")),
        ("14", P("14", "山西省", "Shanxi")),
        ("15", P("15", "内蒙古自治区", "Inner Mongolia Autonomous Region")),
        ("21", P("21", "辽宁省", "Liaoning")),
        ("22", P("22", "吉林省", "Jilin")),
        ("23", P("23", "黑龙江省", "Heilongjiang")),
        ("31", P("31", "上海市", "Shanghai")),
        ("32", P("32", "江苏省", "Jiangsu")),
        ("33", P("33", "浙江省", "Zhejiang")),
        ("34", P("34", "安徽省", "Anhui")),
        ("35", P("35", "福建省", "Fujian")),
        ("36", P("36", "江西省", "Jiangxi")),
        ("37", P("37", "山东省", "Shandong")),
        ("41", P("41", "河南省", "Henan")),
        ("42", P("42", "湖北省", "Hubei")),
        ("43", P("43", "湖南省", "Hunan")),
        ("44", P("44", "广东省", "Guangdong")),
        ("45", P("45", "广西壮族自治区", "Guangxi Zhuang Autonomous Region")),
        ("46", P("46", "海南省", "Hainan")),
        ("50", P("50", "重庆市", "Chongqing")),
        ("51", P("51", "四川省", "Sichuan")),
        ("52", P("52", "贵州省", "Guizhou")),
        ("53", P("53", "云南省", "Yunnan")),
        ("54", P("54", "西藏自治区", "Tibet Autonomous Region")),
        ("61", P("61", "陕西省", "Shaanxi")),
        ("62", P("62", "甘肃省", "Gansu")),
        ("63", P("63", "青海省", "Qinghai")),
        ("64", P("64", "宁夏回族自治区", "Ningxia Hui Autonomous Region")),
        ("65", P("65", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region")),
        ("66", new("66", new("新疆生产建设兵团", "Xinjiang Production and Construction Corps"),
            "In MOHRSS's card table 3 but not a GB/T 2260 division code: the Corps is kept as its own authority and jurisdiction.")),
        ("71", P("71", "台湾省", "Taiwan")),
        ("81", P("81", "香港特别行政区", "Hong Kong Special Administrative Region")),
        ("82", P("82", "澳门特别行政区", "Macao Special Administrative Region")),
    ];

    private static readonly Dictionary<string, JurisdictionDefinition> ByCode =
        Table.ToDictionary(e => e.CardCode, e => e.Definition, StringComparer.Ordinal);

    /// <summary>Every authority of table 3, in the table's order (<c>00</c> first).</summary>
    public static IReadOnlyList<JurisdictionDefinition> All { get; } = Table.Select(e => e.Definition).ToArray();

    /// <summary>The two-digit card codes of table 3, in order.</summary>
    public static IReadOnlyList<string> Codes { get; } = Table.Select(e => e.CardCode).ToArray();

    /// <summary>Looks up a two-digit authority code (<c>00</c>, <c>44</c>).</summary>
    public static bool TryGet([NotNullWhen(true)] string? cardCode, [NotNullWhen(true)] out JurisdictionDefinition? authority)
    {
        authority = null;
        return cardCode is not null && ByCode.TryGetValue(cardCode, out authority);
    }

    /// <summary>The authority for a two-digit code, or null when the code is not in table 3.</summary>
    public static JurisdictionDefinition? Find(string? cardCode) => TryGet(cardCode, out var a) ? a : null;

    /// <summary>The two-digit card code of an issuing jurisdiction: <c>00</c> for <c>CN</c>, the province code otherwise.</summary>
    /// <returns>Null when the province is not in table 3.</returns>
    public static string? CardCodeOf(JurisdictionCode jurisdiction) =>
        jurisdiction.IsNational ? MinistryCode
        : jurisdiction.Province is { } p && ByCode.ContainsKey(p) ? p
        : null;

    private static JurisdictionDefinition P(string code, string zh, string en) => new(code, new LocalizedText(zh, en));
}
