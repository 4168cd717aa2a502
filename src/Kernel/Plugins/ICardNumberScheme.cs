using System.Diagnostics.CodeAnalysis;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>What a card issuer asks for: the facts a scheme needs to build a number.</summary>
public sealed record CardIssueRequest
{
    /// <summary>External (外督) or internal (内督) card.</summary>
    public required SupervisorKind Kind { get; init; }

    /// <summary>The issuing authority's jurisdiction (<c>CN</c>, <c>44</c>, <c>44.A</c>).</summary>
    public required JurisdictionCode Issuer { get; init; }

    /// <summary>Date of issue (China time); gives the two-digit year.</summary>
    public required DateOnly IssuedOn { get; init; }

    /// <summary>Internal cards: the class letter (<c>H</c> industry department, <c>Y</c> employer, <c>S</c> social training-evaluation organisation).</summary>
    public char? ClassLetter { get; init; }

    /// <summary>Internal cards: the issuing institution's filing number or code, as the scheme reads it.</summary>
    public string? InstitutionCode { get; init; }
}

/// <summary>A card number taken apart.</summary>
/// <param name="Value">The number as printed.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="AllocationKey">The sequence the serial was taken from (issuer and year).</param>
/// <param name="Year">Four-digit issue year.</param>
/// <param name="Serial">The serial within its sequence.</param>
public sealed record CardNumber(string Value, SupervisorKind Kind, CardAllocationKey AllocationKey, int Year, int Serial);

/// <summary>
/// A sequence of serials: serials are unique and taken in order per key (CN annex: "按年度分别…依次顺序取值" per
/// issuing authority). The Host keeps one counter row per key in PostgreSQL.
/// </summary>
/// <param name="Scheme">Scheme id (<c>cn.external</c>, <c>gd.external</c>).</param>
/// <param name="Issuer">Issuer part of the number (<c>44</c>, <c>Y110001</c>; GD city centres <c>44.A</c>, the issuing authority's id).</param>
/// <param name="Year">Four-digit issue year.</param>
public sealed record CardAllocationKey(string Scheme, string Issuer, int Year)
{
    /// <summary>A stable text form for storage and locks (<c>gd.external/44.A/2024</c>).</summary>
    public override string ToString() => $"{Scheme}/{Issuer}/{Year}";
}

/// <summary>The serials a sequence may hand out, both ends included.</summary>
/// <param name="First">First serial (1).</param>
/// <param name="Last">Last serial (9999; GD external 999); past it the issuer is refused.</param>
public sealed record CardSerialRange(int First, int Last)
{
    /// <summary>True when <paramref name="serial"/> is in the range.</summary>
    public bool Contains(int serial) => serial >= First && serial <= Last;
}

/// <summary>
/// 证卡编码规则 (card number scheme) for one kind of card in a jurisdiction subtree: formats, parses and says which
/// sequence a new serial is drawn from. A pack refines the national scheme only where its text does (GD external
/// cards: <c>gd.card.external-format</c> refines <c>cn.card.external-format</c>); the most specific scope wins
/// (<see cref="PackExtensions.MostSpecific{T}"/>).
/// </summary>
public interface ICardNumberScheme : IRuleExtension
{
    /// <summary>External or internal cards.</summary>
    SupervisorKind Kind { get; }

    /// <summary>The serials one sequence may hand out.</summary>
    CardSerialRange Serials { get; }

    /// <summary>
    /// Checks that this scheme can number a card for <paramref name="request"/> (issuer level and scope, class letter,
    /// institution code); every problem is a violation naming the rule.
    /// </summary>
    RuleOutcome CanIssue(CardIssueRequest request);

    /// <summary>The sequence a card for <paramref name="request"/> takes its serial from.</summary>
    /// <exception cref="ArgumentException">The request does not pass <see cref="CanIssue"/>.</exception>
    CardAllocationKey AllocationKey(CardIssueRequest request);

    /// <summary>The number for <paramref name="request"/> with <paramref name="serial"/> (in <see cref="Serials"/>).</summary>
    string Format(CardIssueRequest request, int serial);

    /// <summary>Parses a number of this scheme; false when <paramref name="text"/> is not one.</summary>
    bool TryParse(string? text, [NotNullWhen(true)] out CardNumber? number);

    /// <summary>
    /// 发证机构范围 (issuer scope): true when an authority of <paramref name="kind"/> may issue cards of this scheme although
    /// the national rule (<c>cn.card.issuer-level</c>: external cards only from MOHRSS or a provincial centre) would not let
    /// it; inside the scheme's scope such an issuer is judged by the scheme's own <see cref="CanIssue"/> instead (GD 5/7:
    /// city centres issue their own letter, <c>gd.card.issuer-scope</c>). False by default: the national level rule judges
    /// every issuer. (Contract 1.x: the <c>IIssuerScope</c> companion interface.)
    /// </summary>
    bool AcceptsIssuer(AuthorityKind kind) => false;

    /// <summary>
    /// The named parts of <paramref name="number"/>, a number this scheme parsed (GD: the issuing city), shown when a
    /// number is decoded; none by default. (Contract 1.x: <c>ICardNumberExplainer</c>.)
    /// </summary>
    IReadOnlyList<CardNumberPart> Describe(CardNumber number) => [];

    /// <summary>
    /// The scheme's own violations for <paramref name="text"/>, which no scheme parsed, when the scheme has something to
    /// explain about it (GD 附件1 二 names the internal class letter "N", which its own table 5 does not list); null by
    /// default (the national format violations are reported anyway).
    /// </summary>
    RuleOutcome? Explain(string text) => null;

    /// <summary>
    /// True when <paramref name="text"/> is written in this scheme's own number space (GD: 9 characters beginning
    /// <c>R44</c>), so that, when no scheme parses it, this scheme's <see cref="Explain"/> is the whole answer and the
    /// national format violations are not added. False by default.
    /// </summary>
    bool Owns(string text) => false;
}

/// <summary>A named part of a card number a scheme reads out (GD: the issuing city).</summary>
/// <param name="Key">Part name (<c>city</c>).</param>
/// <param name="Value">Its value as a code (<c>44.A</c>).</param>
/// <param name="Name">What the code means, in Chinese and English (<c>广州市</c>), when it names something.</param>
public sealed record CardNumberPart(string Key, string Value, LocalizedText? Name);
