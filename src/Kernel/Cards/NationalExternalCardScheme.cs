using System.Diagnostics.CodeAnalysis;
using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards;

/// <summary>
/// 外督证卡编码 (external card number): 9 characters = <c>R</c> + 2-digit authority code of table 3 (<c>00</c> MOHRSS,
/// <c>11</c>…<c>82</c>) + last two digits of the issue year + 4-digit serial 0001–9999. CN 附件 证卡编码规则 一
/// (<c>cn.card.external-format</c>).
/// <para>Readings: the annex says the letter is upper case (大写英文字母), so a lower-case <c>r</c> is refused, not
/// normalised; a number is parsed exactly as printed, after trimming surrounding white space. Years are 2000–2099.
/// Issuers are MOHRSS (<c>CN</c>) or a province in table 3; a city or zone is not a national issuer
/// (<c>cn.card.issuer-level</c>) — a pack whose text lets city centres issue (GD) supplies its own scheme.</para>
/// </summary>
public sealed class NationalExternalCardScheme : ICardNumberScheme
{
    /// <summary>Scheme id in allocation keys.</summary>
    public const string SchemeId = "cn.external";

    /// <summary>Characters in a number.</summary>
    public const int Length = 9;

    /// <summary>The class letter of external cards (表2).</summary>
    public const char ClassLetter = 'R';

    private readonly CardSerialSequenceRule _serials = new();

    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.CardExternalFormat;

    /// <inheritdoc />
    public SupervisorKind Kind => SupervisorKind.External;

    /// <inheritdoc />
    public CardSerialRange Serials { get; } = new(1, 9999);

    /// <inheritdoc />
    public RuleOutcome CanIssue(CardIssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        if (request.Kind != SupervisorKind.External)
            violations.Add(Rule.Violated(new LocalizedText("本编码规则只用于外督证卡", "This scheme numbers external cards only")));
        if (request.Issuer.IsSubJurisdiction)
            violations.Add(NationalRules.CardIssuerLevel.Violated(new LocalizedText(
                $"外督证卡由省级及以上职业技能鉴定中心颁发，{request.Issuer}不是省级或部级机构",
                $"External cards are issued at provincial level or by MOHRSS; {request.Issuer} is neither")));
        else if (CardAuthorities.CardCodeOf(request.Issuer) is null)
            violations.Add(Rule.Violated(new LocalizedText(
                $"颁发机构{request.Issuer}不在表3人力资源社会保障部门代码表中",
                $"Issuer {request.Issuer} is not in table 3 (HRSS authority codes)")));
        if (CardText.YearInRange(Rule, request.IssuedOn.Year) is { } y) violations.Add(y);
        return new RuleOutcome(violations);
    }

    /// <inheritdoc />
    public CardAllocationKey AllocationKey(CardIssueRequest request)
    {
        var outcome = CanIssue(request);
        if (!outcome.Passed) throw new ArgumentException(Describe(outcome), nameof(request));
        return new CardAllocationKey(SchemeId, CardAuthorities.CardCodeOf(request.Issuer)!, request.IssuedOn.Year);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request or the serial is refused; the message lists the violations.</exception>
    public string Format(CardIssueRequest request, int serial)
    {
        var key = AllocationKey(request);
        var result = Format(key.Issuer, key.Year, serial);
        return result.Succeeded ? result.Value : throw new ArgumentException(Describe(result.Outcome), nameof(serial));
    }

    /// <summary>Builds a number from its parts, or every violated rule.</summary>
    /// <param name="authorityCode">Two-digit code of table 3 (<c>00</c>, <c>44</c>).</param>
    /// <param name="year">Four-digit issue year (2020 gives <c>20</c>).</param>
    /// <param name="serial">Serial 1–9999 (<c>cn.card.serial-sequence</c>).</param>
    public RuleResult<string> Format(string authorityCode, int year, int serial)
    {
        var violations = new List<Violation>();
        if (!CardAuthorities.TryGet(authorityCode, out _))
            violations.Add(Rule.Violated(new LocalizedText(
                $"颁发机构代码“{authorityCode}”不在表3中",
                $"Authority code '{authorityCode}' is not in table 3")));
        if (CardText.YearInRange(Rule, year) is { } y) violations.Add(y);
        violations.AddRange(_serials.Check(serial, Serials).Violations);
        return violations.Count > 0
            ? RuleResult.Refused<string>(new RuleOutcome(violations))
            : RuleResult.Ok(FormattableString.Invariant($"{ClassLetter}{authorityCode}{year % 100:D2}{serial:D4}"));
    }

    /// <summary>Takes a number apart, or says which positions are wrong (every one of them).</summary>
    public RuleResult<DecodedCardNumber> Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.Length != Length)
            return RuleResult.Refused<DecodedCardNumber>(RuleOutcome.Fail(CardText.Length(Rule, Length, s.Length, "R + 2位机构代码 + 2位年份 + 4位序列码")));
        var violations = new List<Violation>();
        if (s[0] != ClassLetter)
            violations.Add(Rule.Violated(s[0] == 'r'
                ? new LocalizedText("第1位须为大写字母R（证卡编码使用大写英文字母），不接受小写r", "Position 1 must be the upper-case letter R (card numbers use upper-case letters); lower-case r is refused")
                : new LocalizedText($"第1位证卡类别代码须为R（外督，表2），现为“{s[0]}”", $"Position 1: the class code of an external card is R (table 2); found '{s[0]}'")));
        var code = s.Substring(1, 2);
        JurisdictionDefinition? authority = null;
        if (!CardAuthorities.TryGet(code, out authority))
            violations.Add(Rule.Violated(new LocalizedText(
                $"第2–3位颁发机构代码“{code}”不在表3人力资源社会保障部门代码表中",
                $"Positions 2–3: authority code '{code}' is not in table 3")));
        if (CardText.Year(Rule, s, 3) is { } y) violations.Add(y);
        if (CardText.Serial(Rule, s, 5) is { } n) violations.Add(n);
        if (violations.Count > 0) return RuleResult.Refused<DecodedCardNumber>(new RuleOutcome(violations));
        var year = CardText.YearOf(s, 3);
        return RuleResult.Ok(new DecodedCardNumber(
            s, SupervisorKind.External, ClassLetter, code, authority!.Name, year, CardText.SerialOf(s, 5),
            new CardAllocationKey(SchemeId, code, year)));
    }

    /// <inheritdoc />
    public bool TryParse(string? text, [NotNullWhen(true)] out CardNumber? number)
    {
        var result = Parse(text);
        number = result.Succeeded ? result.Value.ToCardNumber() : null;
        return number is not null;
    }

    internal static string Describe(RuleOutcome outcome) =>
        string.Join("; ", outcome.Violations.Select(v => $"{v.Rule} ({v.Citation}): {v.Message.En}"));
}
