using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards;

/// <summary>Shared checks of the two national card formats (positions are 1-based, as the annex's tables count).</summary>
internal static class CardText
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    public static bool Digits(string s, int start, int length)
    {
        for (var i = start; i < start + length; i++)
            if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    public static bool Digits(string? s) => !string.IsNullOrEmpty(s) && Digits(s, 0, s.Length);

    public static string Positions(int start, int length) => length == 1 ? $"{start}" : $"{start}–{start + length - 1}";

    public static Violation Length(RuleDescriptor rule, int expected, int actual, string shape) => rule.Violated(new LocalizedText(
        $"证卡编码须为{expected}位（{shape}），现为{actual}位",
        $"A card number of this kind has {expected} characters ({shape}); this one has {actual}"));

    public static Violation? Year(RuleDescriptor rule, string s, int start) =>
        Digits(s, start, 2) ? null : rule.Violated(new LocalizedText(
            $"第{Positions(start + 1, 2)}位核发年份代码须为2位数字（公元纪年后两位），现为“{s.Substring(start, 2)}”",
            $"Positions {Positions(start + 1, 2)}: the issue year must be 2 digits (last two of the year); found '{s.Substring(start, 2)}'"));

    public static Violation? Serial(RuleDescriptor rule, string s, int start) =>
        Digits(s, start, 4) && s.Substring(start, 4) != "0000" ? null : rule.Violated(new LocalizedText(
            $"第{Positions(start + 1, 4)}位序列码须为0001—9999，现为“{s.Substring(start, 4)}”",
            $"Positions {Positions(start + 1, 4)}: the serial must be 0001–9999; found '{s.Substring(start, 4)}'"));

    public static Violation? YearInRange(RuleDescriptor rule, int year) =>
        year is >= FirstYear and <= LastYear ? null : rule.Violated(new LocalizedText(
            $"核发年份{year}无法以公元纪年后两位（{FirstYear}—{LastYear}）表示",
            $"Issue year {year} cannot be written as the last two digits of {FirstYear}–{LastYear}"));

    public static int YearOf(string s, int start) => 2000 + ((s[start] - '0') * 10) + (s[start + 1] - '0');

    public static int SerialOf(string s, int start) =>
        int.Parse(s.AsSpan(start, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
}
