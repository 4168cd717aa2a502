using System.Diagnostics.CodeAnalysis;
using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards;

/// <summary>Where an internal card issuer is filed (备案), which decides its 6-digit issuer code (CN annex 二（二）2).</summary>
public enum IssuerFiling
{
    /// <summary>
    /// 人力资源社会保障部备案 / 赋码: for an employer or social organisation (Y/S), the 4-digit MOHRSS institution code
    /// becomes <c>00</c> + code; for an industry department (H), the 6-digit code MOHRSS assigned.
    /// </summary>
    Ministry = 1,

    /// <summary>省级人力资源社会保障部门备案: the 6-digit provincial filing serial (Y/S only).</summary>
    Province = 2,
}

/// <summary>
/// 内督证卡编码 (internal card number): 13 characters = class letter <c>H</c> (行业部门 industry department), <c>Y</c>
/// (用人单位 employer) or <c>S</c> (社会培训评价组织 social training-evaluation organisation) + 6-digit issuer code +
/// last two digits of the issue year + 4-digit serial 0001–9999. CN 附件 证卡编码规则 二 (<c>cn.card.internal-format</c>).
/// <para>Readings: class letters are upper case (lower case refused); <c>N</c> (named in the GD text) is not a national
/// class letter and is refused — GD's table 5 agrees. The issuer code <c>000000</c> names no issuer and is refused.
/// <see cref="CardIssueRequest.InstitutionCode"/> is the 6-digit issuer code (derive it with <see cref="IssuerCode"/>).
/// The allocation key's issuer is class letter + issuer code (<c>Y110001</c>): the annex numbers per issuing body.</para>
/// </summary>
public sealed class NationalInternalCardScheme : ICardNumberScheme
{
    /// <summary>Scheme id in allocation keys.</summary>
    public const string SchemeId = "cn.internal";

    /// <summary>Characters in a number.</summary>
    public const int Length = 13;

    /// <summary>The class letters of table 5, in its order.</summary>
    public static IReadOnlyList<char> ClassLetters { get; } = ['H', 'Y', 'S'];

    private readonly CardSerialSequenceRule _serials = new();

    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.CardInternalFormat;

    /// <inheritdoc />
    public SupervisorKind Kind => SupervisorKind.Internal;

    /// <inheritdoc />
    public CardSerialRange Serials { get; } = new(1, 9999);

    /// <summary>The name of a class letter (表5), or null when it is not one.</summary>
    public static LocalizedText? ClassName(char letter) => letter switch
    {
        'H' => new LocalizedText("行业部门", "industry department"),
        'Y' => new LocalizedText("用人单位", "employer"),
        'S' => new LocalizedText("社会培训评价组织", "social training-evaluation organisation"),
        _ => null,
    };

    /// <summary>
    /// 证卡颁发机构代码 (issuer code) of annex 二（二）2: MOHRSS-filed employer/social organisation → <c>00</c> + its
    /// 4-digit MOHRSS code; province-filed → its 6-digit provincial serial; industry department → the 6-digit code MOHRSS
    /// assigned. Every problem with the inputs is a violation of <c>cn.card.internal-format</c>.
    /// </summary>
    public RuleResult<string> IssuerCode(char classLetter, IssuerFiling filing, string? filedCode)
    {
        var violations = new List<Violation>();
        if (ClassName(classLetter) is null) violations.Add(ClassLetterViolation(classLetter, "类别代码", "class letter"));
        var expected = (classLetter, filing) switch
        {
            ('H', IssuerFiling.Ministry) => 6,
            (_, IssuerFiling.Ministry) => 4,
            (_, IssuerFiling.Province) => 6,
            _ => 0,
        };
        if (expected == 0)
            violations.Add(Rule.Violated(new LocalizedText($"备案层级{(int)filing}无效", $"Filing level {(int)filing} is not defined")));
        else if (classLetter == 'H' && filing == IssuerFiling.Province)
            violations.Add(Rule.Violated(new LocalizedText(
                "行业部门证卡颁发机构代码由人力资源社会保障部统筹赋码，不使用省级备案序列码",
                "Industry-department issuer codes are assigned by MOHRSS, not by provincial filing")));
        else if (filedCode is null || filedCode.Length != expected || !CardText.Digits(filedCode))
            violations.Add(Rule.Violated(filing == IssuerFiling.Ministry && classLetter != 'H'
                ? new LocalizedText($"人力资源社会保障部备案的评价机构代码须为4位数字，现为“{filedCode}”", $"A MOHRSS institution code has 4 digits; found '{filedCode}'")
                : new LocalizedText($"机构代码须为6位数字，现为“{filedCode}”", $"The code must be 6 digits; found '{filedCode}'")));
        else if (filedCode.All(c => c == '0'))
            violations.Add(Rule.Violated(new LocalizedText("机构代码不能全为0", "The code cannot be all zeros")));
        if (violations.Count > 0) return RuleResult.Refused<string>(new RuleOutcome(violations));
        return RuleResult.Ok(filing == IssuerFiling.Ministry && classLetter != 'H' ? "00" + filedCode : filedCode!);
    }

    /// <inheritdoc />
    public RuleOutcome CanIssue(CardIssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        if (request.Kind != SupervisorKind.Internal)
            violations.Add(Rule.Violated(new LocalizedText("本编码规则只用于内督证卡", "This scheme numbers internal cards only")));
        if (request.ClassLetter is not { } letter) violations.Add(Rule.Violated(new LocalizedText("缺少证卡类别代码（H/Y/S）", "The class letter (H/Y/S) is missing")));
        else if (ClassName(letter) is null) violations.Add(ClassLetterViolation(letter, "类别代码", "class letter"));
        if (IssuerCodeViolation(request.InstitutionCode, "颁发机构代码", "the issuer code") is { } v) violations.Add(v);
        if (CardText.YearInRange(Rule, request.IssuedOn.Year) is { } y) violations.Add(y);
        return new RuleOutcome(violations);
    }

    /// <inheritdoc />
    public CardAllocationKey AllocationKey(CardIssueRequest request)
    {
        var outcome = CanIssue(request);
        if (!outcome.Passed) throw new ArgumentException(NationalExternalCardScheme.Describe(outcome), nameof(request));
        return new CardAllocationKey(SchemeId, $"{request.ClassLetter}{request.InstitutionCode}", request.IssuedOn.Year);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request or the serial is refused; the message lists the violations.</exception>
    public string Format(CardIssueRequest request, int serial)
    {
        AllocationKey(request);
        var result = Format(request.ClassLetter!.Value, request.InstitutionCode!, request.IssuedOn.Year, serial);
        return result.Succeeded ? result.Value : throw new ArgumentException(NationalExternalCardScheme.Describe(result.Outcome), nameof(serial));
    }

    /// <summary>Builds a number from its parts, or every violated rule.</summary>
    /// <param name="classLetter"><c>H</c>, <c>Y</c> or <c>S</c>.</param>
    /// <param name="issuerCode">6-digit issuer code (<see cref="IssuerCode"/>).</param>
    /// <param name="year">Four-digit issue year (2020 gives <c>20</c>).</param>
    /// <param name="serial">Serial 1–9999 (<c>cn.card.serial-sequence</c>).</param>
    public RuleResult<string> Format(char classLetter, string issuerCode, int year, int serial)
    {
        var violations = new List<Violation>();
        if (ClassName(classLetter) is null) violations.Add(ClassLetterViolation(classLetter, "类别代码", "class letter"));
        if (IssuerCodeViolation(issuerCode, "颁发机构代码", "the issuer code") is { } v) violations.Add(v);
        if (CardText.YearInRange(Rule, year) is { } y) violations.Add(y);
        violations.AddRange(_serials.Check(serial, Serials).Violations);
        return violations.Count > 0
            ? RuleResult.Refused<string>(new RuleOutcome(violations))
            : RuleResult.Ok(FormattableString.Invariant($"{classLetter}{issuerCode}{year % 100:D2}{serial:D4}"));
    }

    /// <summary>Takes a number apart, or says which positions are wrong (every one of them).</summary>
    public RuleResult<DecodedCardNumber> Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.Length != Length)
            return RuleResult.Refused<DecodedCardNumber>(RuleOutcome.Fail(CardText.Length(Rule, Length, s.Length, "H/Y/S + 6位机构代码 + 2位年份 + 4位序列码")));
        var violations = new List<Violation>();
        if (ClassName(s[0]) is null) violations.Add(ClassLetterViolation(s[0], "第1位类别代码", "Position 1"));
        var issuer = s.Substring(1, 6);
        if (IssuerCodeViolation(issuer, "第2–7位颁发机构代码", "Positions 2–7") is { } v) violations.Add(v);
        if (CardText.Year(Rule, s, 7) is { } y) violations.Add(y);
        if (CardText.Serial(Rule, s, 9) is { } n) violations.Add(n);
        if (violations.Count > 0) return RuleResult.Refused<DecodedCardNumber>(new RuleOutcome(violations));
        var year = CardText.YearOf(s, 7);
        return RuleResult.Ok(new DecodedCardNumber(
            s, SupervisorKind.Internal, s[0], issuer, null, year, CardText.SerialOf(s, 9),
            new CardAllocationKey(SchemeId, s[..7], year)));
    }

    /// <inheritdoc />
    public bool TryParse(string? text, [NotNullWhen(true)] out CardNumber? number)
    {
        var result = Parse(text);
        number = result.Succeeded ? result.Value.ToCardNumber() : null;
        return number is not null;
    }

    private Violation ClassLetterViolation(char letter, string whereZh, string whereEn) => Rule.Violated(
        char.IsAsciiLetterLower(letter) && ClassName(char.ToUpperInvariant(letter)) is not null
            ? new LocalizedText($"{whereZh}须为大写字母（证卡编码使用大写英文字母），不接受小写“{letter}”", $"{whereEn}: class letters are upper case; lower-case '{letter}' is refused")
            : letter == 'N'
                ? new LocalizedText($"{whereZh}须为H、Y或S（表5）；“N”不是国家规则的内督类别代码", $"{whereEn}: the class letter is H, Y or S (table 5); 'N' is not a national class letter")
                : new LocalizedText($"{whereZh}须为H（行业部门）、Y（用人单位）或S（社会培训评价组织），现为“{letter}”", $"{whereEn}: the class letter is H (industry department), Y (employer) or S (social training-evaluation organisation); found '{letter}'"));

    private Violation? IssuerCodeViolation(string? code, string whereZh, string whereEn) =>
        code is null || code.Length != 6 || !CardText.Digits(code)
            ? Rule.Violated(new LocalizedText($"{whereZh}须为6位数字，现为“{code}”", $"{whereEn}: the issuer code must be 6 digits; found '{code}'"))
            : code == "000000"
                ? Rule.Violated(new LocalizedText($"{whereZh}“000000”不代表任何颁发机构", $"{whereEn}: issuer code '000000' names no issuer"))
                : null;
}
