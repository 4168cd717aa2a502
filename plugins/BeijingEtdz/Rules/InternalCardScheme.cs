using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 内督员证卡编码 (internal card number) in the zone: 13 characters = class letter <c>Y</c> (用人单位) or <c>S</c>
/// (社会培训评价组织) + <c>11</c> (机构备案所在地代码, Beijing) + the last four digits of the institution's number
/// (评价机构编号后四位) + the last two digits of the issue year + a 4-digit serial 0001–9999 "按年度分别…依次顺序取值".
/// BJ 附件1 (<c>bj.card.internal-format</c>); seed example <c>Y112001220001</c> (Y, 11, 2001, 22, 0001).
/// <para>Readings: annex 1 table 2 defines only <c>Y</c> and <c>S</c>, so an industry department (<c>H</c>) cannot
/// number an internal card in the zone under this scheme and is refused. <see cref="CardIssueRequest.InstitutionCode"/>
/// is what the Host passes — the institution's 6-digit internal issuer code (CN annex 二（二）2), or its filing number:
/// both end in the same four digits (a MOHRSS-filed code is <c>00</c> + the 4-digit filing number, a province-filed
/// code is the 6-digit filing number), so the scheme takes the last four digits of a 4- to 6-digit code. The sequence
/// (allocation key) is per printed issuer part and year: <c>bj.internal/Y112001/2022</c>; two institutions whose
/// numbers end alike would print the same prefix, so sharing one sequence is what keeps their numbers unique.
/// Numbers of this shape are also well-formed national internal numbers (issuer code <c>11xxxx</c>); the Host tries
/// pack schemes first, so such a number is read as a zone card.</para>
/// </summary>
public sealed class InternalCardScheme : ICardNumberScheme
{
    /// <summary>Scheme id in allocation keys.</summary>
    public const string SchemeId = "bj.internal";

    /// <summary>Characters in a number.</summary>
    public const int Length = 13;

    /// <summary>机构备案所在地代码: 11 (Beijing).</summary>
    public const string PlaceCode = "11";

    /// <summary>The class letters of annex 1 table 2.</summary>
    public static IReadOnlyList<char> ClassLetters { get; } = ['Y', 'S'];

    private static readonly CardSerialSequenceRule SerialRule = new();

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.CardInternalFormat;

    /// <inheritdoc />
    public SupervisorKind Kind => SupervisorKind.Internal;

    /// <inheritdoc />
    public CardSerialRange Serials { get; } = new(1, 9999);

    /// <summary>评价机构编号后四位 of an institution code (4 to 6 digits), or null when it is not one.</summary>
    public static string? InstitutionDigits(string? code) =>
        code is { Length: >= 4 and <= 6 } && code.All(char.IsAsciiDigit) ? code[^4..] : null;

    /// <inheritdoc />
    public RuleOutcome CanIssue(CardIssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        if (request.Kind != SupervisorKind.Internal)
            violations.Add(Rule.Violated(new LocalizedText("本编码规则只用于内督证卡", "This scheme numbers internal cards only")));
        if (!Scope.Contains(request.Issuer))
            violations.Add(Rule.Violated(new LocalizedText($"经开区内督证卡编码只用于经开区（11.ETDZ）的评价机构，颁发机构位于{request.Issuer}",
                $"The zone's internal card format is for institutions in 11.ETDZ; the issuer is in {request.Issuer}")));
        if (request.ClassLetter is not { } letter)
            violations.Add(Rule.Violated(new LocalizedText("缺少证卡类别代码（Y/S）", "The class letter (Y/S) is missing")));
        else if (!ClassLetters.Contains(letter))
            violations.Add(ClassLetterViolation(letter, "证卡类别代码", "Class letter"));
        if (InstitutionDigits(request.InstitutionCode) is null)
            violations.Add(Rule.Violated(new LocalizedText($"评价机构编号须为4至6位数字（取后四位），现为“{request.InstitutionCode}”",
                $"The institution number must be 4 to 6 digits (its last four are used); found '{request.InstitutionCode}'")));
        if (request.IssuedOn.Year is < 2000 or > 2099)
            violations.Add(Rule.Violated(new LocalizedText($"核发年份{request.IssuedOn.Year}无法以公元纪年后两位表示",
                $"Issue year {request.IssuedOn.Year} cannot be written as two digits")));
        return new RuleOutcome(violations);
    }

    /// <inheritdoc />
    public CardAllocationKey AllocationKey(CardIssueRequest request)
    {
        var outcome = CanIssue(request);
        if (!outcome.Passed) throw new ArgumentException(Describe(outcome), nameof(request));
        return new CardAllocationKey(SchemeId, IssuerPart(request.ClassLetter!.Value, InstitutionDigits(request.InstitutionCode)!), request.IssuedOn.Year);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request or the serial is refused; the message lists the violations.</exception>
    public string Format(CardIssueRequest request, int serial)
    {
        var key = AllocationKey(request);
        var check = SerialRule.Check(serial, Serials);
        if (!check.Passed) throw new ArgumentException(Describe(check), nameof(serial));
        return string.Create(CultureInfo.InvariantCulture, $"{key.Issuer}{key.Year % 100:D2}{serial:D4}");
    }

    /// <summary>Takes a number apart, or says which positions are wrong (every one of them).</summary>
    public RuleResult<CardNumber> Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.Length != Length)
            return RuleResult.Refused<CardNumber>(RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"经开区内督证卡编码须为13位（Y/S + 11 + 机构编号后四位 + 2位年份 + 4位序列码），现为{s.Length}位",
                $"A zone internal card number has 13 characters (Y/S + 11 + last 4 digits of the institution number + 2-digit year + 4-digit serial); this one has {s.Length}"))));
        var violations = new List<Violation>();
        if (!ClassLetters.Contains(s[0])) violations.Add(ClassLetterViolation(s[0], "第1位证卡类别代码", "Position 1"));
        if (s[1..3] != PlaceCode)
            violations.Add(Rule.Violated(new LocalizedText($"第2–3位机构备案所在地代码须为11（北京），现为“{s[1..3]}”", $"Positions 2–3: the filing place code is 11 (Beijing); found '{s[1..3]}'")));
        if (!s[3..7].All(char.IsAsciiDigit))
            violations.Add(Rule.Violated(new LocalizedText($"第4–7位须为评价机构编号后四位数字，现为“{s[3..7]}”", $"Positions 4–7: the last four digits of the institution number; found '{s[3..7]}'")));
        if (!s[7..9].All(char.IsAsciiDigit))
            violations.Add(Rule.Violated(new LocalizedText($"第8–9位核发年份代码须为2位数字，现为“{s[7..9]}”", $"Positions 8–9: the issue year must be 2 digits; found '{s[7..9]}'")));
        if (!s[9..].All(char.IsAsciiDigit) || s[9..] == "0000")
            violations.Add(Rule.Violated(new LocalizedText($"第10–13位序列码须为0001—9999，现为“{s[9..]}”", $"Positions 10–13: the serial must be 0001–9999; found '{s[9..]}'")));
        if (violations.Count > 0) return RuleResult.Refused<CardNumber>(new RuleOutcome(violations));
        var year = 2000 + int.Parse(s.AsSpan(7, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var serial = int.Parse(s.AsSpan(9, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        return RuleResult.Ok(new CardNumber(s, SupervisorKind.Internal, new CardAllocationKey(SchemeId, s[..7], year), year, serial));
    }

    /// <inheritdoc />
    public bool TryParse(string? text, [NotNullWhen(true)] out CardNumber? number)
    {
        var result = Parse(text);
        number = result.Succeeded ? result.Value : null;
        return number is not null;
    }

    private static string IssuerPart(char letter, string digits) => $"{letter}{PlaceCode}{digits}";

    private static string Describe(RuleOutcome outcome) =>
        string.Join("; ", outcome.Violations.Select(v => $"{v.Rule}: {v.Message.En}"));

    private Violation ClassLetterViolation(char letter, string whereZh, string whereEn) => Rule.Violated(new LocalizedText(
        $"{whereZh}须为Y（用人单位）或S（社会培训评价组织）（附件1表2），现为“{letter}”",
        $"{whereEn}: the class letter is Y (employer) or S (social training-evaluation organisation) (annex 1 table 2); found '{letter}'"));
}
