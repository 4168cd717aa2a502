using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>A GD external card number taken apart.</summary>
/// <param name="Value">The number as printed.</param>
/// <param name="Year">Four-digit issue year.</param>
/// <param name="Serial">证卡序列码 (positions 7–9), 1–999.</param>
/// <param name="City">The issuing city (position 6 is its letter), or null for the provincial centre (position 6 <c>0</c>).</param>
/// <param name="AllocationKey">The sequence: <c>gd.external/44/yyyy</c> (provincial centre) or <c>gd.external/44.A/yyyy</c>.</param>
public sealed record GuangdongCardNumber(string Value, int Year, int Serial, City? City, CardAllocationKey AllocationKey)
{
    /// <summary>The issuing authority's id and jurisdiction: <c>44</c> or <c>44.A</c>.</summary>
    public string IssuerId => City?.Jurisdiction.Value ?? GuangdongRules.Jurisdiction.Value;

    /// <summary>The contract form.</summary>
    public CardNumber ToCardNumber() => new(Value, SupervisorKind.External, AllocationKey, Year, Serial);
}

/// <summary>
/// 外督证卡编码 (GD external card number), GD 附件1 一 (<c>gd.card.external-format</c>): 9 characters =
/// <c>R</c> (表2) + <c>44</c> (广东省) + last two digits of the issue year + position 6 <c>0</c> (省直: the provincial centre
/// 省技能中心) or the issuing city's letter (表3) + 3-digit serial 001–999, taken in order per issuing centre per year
/// (allocation key per centre and year). Refines <c>cn.card.external-format</c> inside 44 (scope <c>44</c> is more
/// specific than CN, so the Host numbers every external card issued in 44 with this scheme).
/// <para>Issuer scope (<c>gd.card.issuer-scope</c>, GD 5/7): the provincial centre (issuer jurisdiction <c>44</c>) issues
/// <c>0</c> cards, a city centre (<c>44.A</c> …) only its own letter — the letter is taken from the issuer, so a centre cannot
/// number another city's card. I, O, X, Y, Z are not city letters. Cards are valid province-wide (第七条 "在全省范围通用"):
/// nothing in the number limits where the holder is dispatched. The scheme accepts provincial and city centres as issuers
/// (<see cref="AcceptsIssuer"/>), refining <c>cn.card.issuer-level</c> in 44.</para>
/// <para>Readings: upper-case letters only (the annex says 大写英文字母), surrounding white space trimmed; years 2000–2099.
/// Internal cards are not this scheme's: GD 附件1 二 numbers them as CN (<c>gd.card.internal-format</c>) and the kernel's
/// national internal scheme keeps numbering and reading them. A 13-character number with class letter <c>N</c> (the
/// letter 附件1 二 names in its text; its table 5 lists H/Y/S) is explained by <see cref="Parse"/> with a
/// <c>gd.card.internal-format</c> violation.</para>
/// </summary>
public sealed class GuangdongExternalCardScheme : ICardNumberScheme
{
    /// <summary>Scheme id in allocation keys.</summary>
    public const string SchemeId = "gd.external";

    /// <summary>Characters in a number (as CN).</summary>
    public const int Length = 9;

    /// <summary>Position 6 of a card issued by the provincial centre (省直).</summary>
    public const char ProvincialMark = '0';

    private const string ProvinceCode = "44";

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.CardExternalFormat;

    /// <inheritdoc />
    public SupervisorKind Kind => SupervisorKind.External;

    /// <inheritdoc />
    public CardSerialRange Serials { get; } = new(1, 999);

    /// <inheritdoc />
    public bool AcceptsIssuer(AuthorityKind kind) => kind is AuthorityKind.ProvincialCentre or AuthorityKind.CityCentre;

    /// <inheritdoc />
    public RuleOutcome CanIssue(CardIssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        if (request.Kind != SupervisorKind.External)
            violations.Add(Rule.Violated(new LocalizedText("本编码规则只用于外督证卡（内督证卡同全国规则）", "This scheme numbers external cards only (internal cards follow the national scheme)")));
        if (IssuerMark(request.Issuer) is null)
            violations.Add(GuangdongRules.CardIssuerScope.Violated(new LocalizedText(
                $"广东外督证卡只能由省技能中心（44）或市鉴定中心（44.A等，表3）颁发，{request.Issuer}不是",
                $"Guangdong external cards are issued only by the provincial centre (44) or a city centre (44.A …, table 3); {request.Issuer} is neither")));
        if (request.IssuedOn.Year is < 2000 or > 2099)
            violations.Add(Rule.Violated(new LocalizedText(
                $"核发年份{request.IssuedOn.Year}无法以公元纪年后两位（2000—2099）表示",
                $"Issue year {request.IssuedOn.Year} cannot be written as the last two digits of 2000–2099")));
        return new RuleOutcome(violations);
    }

    /// <inheritdoc />
    public CardAllocationKey AllocationKey(CardIssueRequest request)
    {
        var outcome = CanIssue(request);
        if (!outcome.Passed) throw new ArgumentException(Describe(outcome), nameof(request));
        return new CardAllocationKey(SchemeId, request.Issuer.Value, request.IssuedOn.Year);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request or the serial is refused; the message lists the violations.</exception>
    public string Format(CardIssueRequest request, int serial)
    {
        var key = AllocationKey(request);
        if (!Serials.Contains(serial))
            throw new ArgumentException(Describe(RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"序列码须为001—999，{serial}无效", $"The serial must be 001–999; {serial} is not")))), nameof(serial));
        return string.Create(CultureInfo.InvariantCulture,
            $"R{ProvinceCode}{key.Year % 100:D2}{IssuerMark(request.Issuer)}{serial:D3}");
    }

    /// <summary>Takes a number apart, or says which positions are wrong (every one of them).</summary>
    public RuleResult<GuangdongCardNumber> Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 13 && s[0] == 'N')
            return RuleResult.Refused<GuangdongCardNumber>(RuleOutcome.Fail(GuangdongRules.CardInternalFormat.Violated(new LocalizedText(
                "内督证卡类别代码须为H、Y或S：附件1二正文称类别代码为“N”，但其表5列出H（行业部门）、Y（用人单位）、S（社会培训评价组织），本系统从表5及全国规则，不接受N",
                "The internal class letter is H, Y or S: GD annex 1 二 says 'N' in its text, but its table 5 lists H (industry department), Y (employer) and S (social training-evaluation organisation); the system follows table 5 and CN and refuses N"))));
        if (s.Length != Length)
            return RuleResult.Refused<GuangdongCardNumber>(RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"广东外督证卡编码须为9位（R + 44 + 2位年份 + 0或城市字母 + 3位序列码），现为{s.Length}位",
                $"A Guangdong external card number has 9 characters (R + 44 + 2-digit year + 0 or city letter + 3-digit serial); this one has {s.Length}"))));
        var violations = new List<Violation>();
        if (s[0] != 'R')
            violations.Add(Rule.Violated(new LocalizedText($"第1位证卡类别代码须为大写R（外督，表2），现为“{s[0]}”", $"Position 1: the class code is the upper-case R (table 2); found '{s[0]}'")));
        if (s[1..3] != ProvinceCode)
            violations.Add(Rule.Violated(new LocalizedText($"第2–3位颁发机构代码须为44（广东省），现为“{s[1..3]}”", $"Positions 2–3: the authority code is 44 (Guangdong); found '{s[1..3]}'")));
        if (!Digits(s, 3, 2))
            violations.Add(Rule.Violated(new LocalizedText($"第4–5位核发年份代码须为2位数字，现为“{s[3..5]}”", $"Positions 4–5: the issue year must be 2 digits; found '{s[3..5]}'")));
        var city = Cities.Find(s[5]);
        if (s[5] != ProvincialMark && (city is null || !char.IsAsciiLetterUpper(s[5])))
            violations.Add(Rule.Violated(CityLetterFault(s[5])));
        if (!Digits(s, 6, 3) || s[6..9] == "000")
            violations.Add(Rule.Violated(new LocalizedText($"第7–9位序列码须为001—999，现为“{s[6..9]}”", $"Positions 7–9: the serial must be 001–999; found '{s[6..9]}'")));
        if (violations.Count > 0) return RuleResult.Refused<GuangdongCardNumber>(new RuleOutcome(violations));
        var year = 2000 + int.Parse(s.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var serial = int.Parse(s.AsSpan(6, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        var issuer = s[5] == ProvincialMark ? null : city;
        var issuerId = issuer?.Jurisdiction.Value ?? ProvinceCode;
        return RuleResult.Ok(new GuangdongCardNumber(s, year, serial, issuer, new CardAllocationKey(SchemeId, issuerId, year)));
    }

    /// <inheritdoc />
    public bool TryParse(string? text, [NotNullWhen(true)] out CardNumber? number)
    {
        var result = Parse(text);
        number = result.Succeeded ? result.Value.ToCardNumber() : null;
        return number is not null;
    }

    /// <summary>The issuing city of a GD number (<c>city</c>: jurisdiction <c>44.A</c> and name), or the provincial centre (<c>city</c> absent, <c>issuer</c> 44).</summary>
    public IReadOnlyList<CardNumberPart> Describe(CardNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var parsed = Parse(number.Value);
        if (!parsed.Succeeded) return [];
        if (parsed.Value.City is not { } city)
            return [new CardNumberPart("issuerMark", ProvincialMark.ToString(), new LocalizedText("省直（省技能中心核发）", "provincial (issued by the provincial centre)"))];
        return
        [
            new CardNumberPart("issuerMark", city.Letter.ToString(), new LocalizedText($"地级以上市代码（表3）：{city.Name.Zh}", $"city code (table 3): {city.Name.En}")),
            new CardNumberPart("city", city.Jurisdiction.Value, city.Name),
        ];
    }

    /// <summary>
    /// Explains a 13-character number with the class letter <c>N</c> (<c>gd.card.internal-format</c>) and a malformed number of
    /// this scheme's own space (<see cref="Owns"/>: every wrong position, <c>gd.card.external-format</c>); null for anything else.
    /// </summary>
    public RuleOutcome? Explain(string text)
    {
        var result = Parse(text);
        if (result.Succeeded) return null;
        return Owns(text) || result.Outcome.Violations.Any(v => v.Rule == GuangdongRules.CardInternalFormat.Id) ? result.Outcome : null;
    }

    /// <summary>
    /// Why position 6 is wrong, naming the letter as the fault (issue #16 item 5): a lower-case city letter, a letter that no
    /// city of table 3 has (I, O, X, Y, Z …), or something that is neither <c>0</c> nor a letter.
    /// </summary>
    private static LocalizedText CityLetterFault(char c)
    {
        var letters = string.Join("", Cities.All.Select(x => x.Letter).Order());
        if (char.IsAsciiLetterLower(c) && Cities.Find(char.ToUpperInvariant(c)) is { } lower)
            return new LocalizedText(
                $"第6位城市字母须大写：“{c}”应为“{lower.Letter}”（{lower.Name.Zh}，表3）",
                $"Position 6: the city letter must be upper-case: '{c}' should be '{lower.Letter}' ({lower.Name.En}, table 3)");
        if (char.IsAsciiLetter(c))
            return new LocalizedText(
                $"第6位城市字母“{c}”不是表3中任何地级以上市的代码（应为0（省直）或{letters}之一）",
                $"Position 6: the city letter '{c}' is not the code of any city of table 3 (it must be 0 for provincial, or one of {letters})");
        return new LocalizedText(
            $"第6位须为0（省直）或表3中的地级以上市大写字母，现为“{c}”",
            $"Position 6 must be 0 (provincial) or an upper-case city letter of table 3; found '{c}'");
    }

    /// <summary>
    /// True for a text written in this scheme's own space (9 characters beginning <c>R44</c>): when no scheme parses it, its
    /// faults are this scheme's (<c>gd.card.external-format</c>), not the national format's, whose 4-digit serial would
    /// misname a wrong city letter as a wrong serial.
    /// </summary>
    public bool Owns(string text) => text is { Length: Length } && text.StartsWith("R" + ProvinceCode, StringComparison.Ordinal);

    /// <summary>Position 6 for an issuer: <c>0</c> for the province, the letter for a city of table 3, null otherwise.</summary>
    private static char? IssuerMark(JurisdictionCode issuer)
    {
        if (issuer.Value == ProvinceCode) return ProvincialMark;
        if (issuer.IsSubJurisdiction && issuer.Province == ProvinceCode && issuer.Value.Length == 4 && Cities.Find(issuer.Value[3]) is { } c && c.Letter == issuer.Value[3])
            return c.Letter;
        return null;
    }

    private static bool Digits(string s, int start, int length)
    {
        for (var i = start; i < start + length; i++)
            if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    private static string Describe(RuleOutcome outcome) =>
        string.Join("; ", outcome.Violations.Select(v => $"{v.Rule} ({v.Citation}): {v.Message.En}"));
}
