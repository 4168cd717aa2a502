using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.Guangdong;

/// <summary>A 地级以上市 (prefecture-level city) of Guangdong with its card letter.</summary>
/// <param name="Letter">Letter at position 6 of an external card (GD annex 1 表3).</param>
/// <param name="Name">Name in Chinese and English.</param>
public sealed record City(char Letter, LocalizedText Name)
{
    /// <summary>The city's jurisdiction code (<c>44.A</c>).</summary>
    public JurisdictionCode Jurisdiction => JurisdictionCode.Parse($"44.{Letter}");

    /// <summary>The shape of the city's external card numbers: <c>R44yyA</c> + 3-digit serial (yy = issue year).</summary>
    public string CardPrefixHint => $"R44yy{Letter}";
}

/// <summary>
/// 地级以上市人力资源社会保障部门代码表: the 21 cities of GD annex 1 table 3, in the table's reading order
/// (column by column). Position 6 <c>0</c> is the provincial centre (省直), not a city.
/// </summary>
public static class Cities
{
    /// <summary>The 21 cities.</summary>
    public static IReadOnlyList<City> All { get; } =
    [
        new('A', new("广州市", "Guangzhou")),
        new('B', new("深圳市", "Shenzhen")),
        new('C', new("珠海市", "Zhuhai")),
        new('D', new("汕头市", "Shantou")),
        new('E', new("佛山市", "Foshan")),
        new('F', new("韶关市", "Shaoguan")),
        new('P', new("河源市", "Heyuan")),
        new('M', new("梅州市", "Meizhou")),
        new('L', new("惠州市", "Huizhou")),
        new('N', new("汕尾市", "Shanwei")),
        new('S', new("东莞市", "Dongguan")),
        new('T', new("中山市", "Zhongshan")),
        new('J', new("江门市", "Jiangmen")),
        new('Q', new("阳江市", "Yangjiang")),
        new('G', new("湛江市", "Zhanjiang")),
        new('K', new("茂名市", "Maoming")),
        new('H', new("肇庆市", "Zhaoqing")),
        new('R', new("清远市", "Qingyuan")),
        new('U', new("潮州市", "Chaozhou")),
        new('V', new("揭阳市", "Jieyang")),
        new('W', new("云浮市", "Yunfu")),
    ];

    /// <summary>The cities as jurisdiction-tree nodes below 44.</summary>
    public static IReadOnlyList<JurisdictionDefinition> Jurisdictions { get; } =
        All.Select(c => new JurisdictionDefinition(c.Jurisdiction.Value, c.Name)).ToArray();

    /// <summary>The city with card letter <paramref name="letter"/> (case-insensitive), or null.</summary>
    public static City? Find(char letter) => All.FirstOrDefault(c => c.Letter == char.ToUpperInvariant(letter));
}
