using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Registry;

/// <summary>Why a text is not a resident ID number.</summary>
public enum ResidentIdNumberProblem
{
    /// <summary>Not 18 characters (or 15 for a legacy number).</summary>
    Length = 1,

    /// <summary>A character other than a digit (and X as the 18th).</summary>
    Characters = 2,

    /// <summary>The first two digits are not a province code (GB/T 2260, 11–82).</summary>
    Region = 3,

    /// <summary>Positions 7–14 are not a real date between 1800-01-01 and today.</summary>
    BirthDate = 4,

    /// <summary>The 18th character is not the ISO 7064 MOD 11-2 check character.</summary>
    CheckDigit = 5,
}

/// <summary>A failed parse: the first problem found, with a message in Chinese and English.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Message">Why, naming the positions; never repeats the full number.</param>
public sealed record ResidentIdNumberError(ResidentIdNumberProblem Problem, LocalizedText Message);

/// <summary>
/// 公民身份号码 (resident ID number), GB 11643-1999: 6-digit region code (GB/T 2260), 8-digit birth date yyyyMMdd,
/// 3-digit sequence (odd 17th digit male, even female) and a check character by ISO 7064 MOD 11-2 (weights
/// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, characters <c>10X98765432</c>).
/// <para>Readings: a lower-case <c>x</c> is accepted and normalised to <c>X</c>; surrounding white space is ignored.
/// A 15-digit legacy number (GB 11643-1989: yyMMdd birth date) is converted by inserting <c>19</c> before the year
/// and computing the check character. Birth dates from 1800-01-01 are accepted, because the standard's own example
/// <c>440524188001010014</c> is born in 1880; a birth date after <c>today</c> (the date of the act, passed in, no clock)
/// is refused. Only the province (first two digits, 11–82 per GB/T 2260) of the region code is checked: county codes
/// change every year and old numbers keep the code of their time.</para>
/// <para>Personal data: <see cref="ToString"/> returns the masked form (<c>110105********002X</c>) so the number cannot
/// leak into logs by accident; the full number is only in <see cref="Value"/>.</para>
/// </summary>
public sealed class ResidentIdNumber : IEquatable<ResidentIdNumber>
{
    /// <summary>Earliest birth date accepted (the standard's own example is born in 1880).</summary>
    public static readonly DateOnly EarliestBirthDate = new(1800, 1, 1);

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // GB/T 2260 province-level codes (the card table 3 without 00 MOHRSS and 66 the Corps, which issues no ID numbers).
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The full 18-character number (upper-case X). Personal data: never log or publish it; use <see cref="Masked"/>.</summary>
    public string Value { get; }

    /// <summary>The 6-digit region code (positions 1–6).</summary>
    public string RegionCode => Value[..6];

    /// <summary>The 2-digit province code (positions 1–2).</summary>
    public string ProvinceCode => Value[..2];

    /// <summary>Birth date (positions 7–14).</summary>
    public DateOnly BirthDate { get; }

    /// <summary>Sex from the 17th digit: odd male, even female.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The form for public output: first 6, eight asterisks, last 4 (<c>110105********002X</c>).</summary>
    public string Masked => Mask(Value);

    /// <summary>The masked form (<see cref="Masked"/>), never the full number.</summary>
    public override string ToString() => Masked;

    /// <summary>Parses a number; throws when it is not one.</summary>
    /// <param name="text">18 characters (or a 15-digit legacy number).</param>
    /// <param name="today">The date of the act (China time): the birth date may not be after it.</param>
    /// <exception cref="FormatException">Not a valid number; the message is the English reason.</exception>
    public static ResidentIdNumber Parse(string text, DateOnly today) =>
        TryParse(text, today, out var number, out var error) ? number : throw new FormatException(error.Message.En);

    /// <summary>Parses a number, giving the first problem found when it is not one.</summary>
    /// <param name="text">18 characters (or a 15-digit legacy number).</param>
    /// <param name="today">The date of the act (China time): the birth date may not be after it.</param>
    /// <param name="number">The number, when valid.</param>
    /// <param name="error">The reason, when not.</param>
    public static bool TryParse(
        string? text,
        DateOnly today,
        [NotNullWhen(true)] out ResidentIdNumber? number,
        [NotNullWhen(false)] out ResidentIdNumberError? error)
    {
        number = null;
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 15)
        {
            if (!s.All(char.IsAsciiDigit))
            {
                error = Characters();
                return false;
            }
            var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6));
            s = first17 + CheckCharacterOf(first17);
        }
        if (s.Length != 18)
        {
            error = new(ResidentIdNumberProblem.Length, new LocalizedText(
                $"公民身份号码须为18位（或15位旧号码），现为{s.Length}位",
                $"A resident ID number has 18 characters (or 15 digits for a legacy number); this one has {s.Length}"));
            return false;
        }
        s = string.Concat(s.AsSpan(0, 17), s[17] == 'x' ? "X" : s[17..]);
        if (!s.AsSpan(0, 17).ToString().All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            error = Characters();
            return false;
        }
        if (!Provinces.Contains(s[..2]))
        {
            error = new(ResidentIdNumberProblem.Region, new LocalizedText(
                $"第1–2位省级行政区划代码“{s[..2]}”无效（GB/T 2260，11–82）",
                $"Positions 1–2: '{s[..2]}' is not a province code (GB/T 2260, 11–82)"));
            return false;
        }
        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error = BirthDateError("不是有效日期", "is not a real date");
            return false;
        }
        if (birth < EarliestBirthDate)
        {
            error = BirthDateError("早于1800-01-01", "is before 1800-01-01");
            return false;
        }
        if (birth > today)
        {
            error = BirthDateError($"晚于{today:yyyy-MM-dd}", $"is after {today:yyyy-MM-dd}");
            return false;
        }
        if (CheckCharacterOf(s[..17]) != s[17])
        {
            error = new(ResidentIdNumberProblem.CheckDigit, new LocalizedText(
                "第18位校验码错误（GB 11643 ISO 7064 MOD 11-2）",
                "Position 18: wrong check character (GB 11643, ISO 7064 MOD 11-2)"));
            return false;
        }
        number = new ResidentIdNumber(s, birth);
        error = null;
        return true;
    }

    /// <summary>The check character (<c>0</c>–<c>9</c> or <c>X</c>) of the first 17 digits.</summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not 17 ASCII digits.</exception>
    public static char CheckCharacterOf(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
            throw new ArgumentException("Expected the first 17 digits of a resident ID number.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Masks any 18-character number for public output (first 6, eight asterisks, last 4); other text becomes all asterisks.</summary>
    public static string Mask(string? value) =>
        value is { Length: 18 } ? string.Concat(value.AsSpan(0, 6), "********", value.AsSpan(14)) : new string('*', value?.Length ?? 0);

    /// <inheritdoc />
    public bool Equals(ResidentIdNumber? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResidentIdNumber);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    private static ResidentIdNumberError Characters() => new(ResidentIdNumberProblem.Characters, new LocalizedText(
        "公民身份号码前17位须为数字，第18位为数字或X",
        "A resident ID number has 17 digits followed by a digit or X"));

    private static ResidentIdNumberError BirthDateError(string zh, string en) => new(ResidentIdNumberProblem.BirthDate, new LocalizedText(
        $"第7–14位出生日期{zh}",
        $"Positions 7–14: the birth date {en}"));
}
