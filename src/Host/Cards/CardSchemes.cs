using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Cards;

/// <summary>A number taken apart by the scheme it belongs to.</summary>
/// <param name="Scheme">The scheme that parsed it.</param>
/// <param name="Number">The parts every scheme gives (kind, allocation key, year, serial).</param>
/// <param name="National">The national decoding (class letter, issuer code and table 3 name) when a national scheme parsed it.</param>
public sealed record DecodedCard(ICardNumberScheme Scheme, CardNumber Number, DecodedCardNumber? National);

/// <summary>
/// 证卡编码规则 (card number schemes): the kernel's national schemes plus every <see cref="ICardNumberScheme"/> an enabled
/// pack registers. For an act the most specific scope containing the issuer's jurisdiction governs (a pack replaces the
/// national scheme only inside its jurisdiction); a number is decoded by whichever scheme parses it, pack schemes first
/// (a pack format such as GD's <c>R44A24001</c> is not a national number, and a national number inside a pack is still read).
/// </summary>
public sealed class CardSchemes(IEnumerable<ICardNumberScheme> packSchemes) : ISingletonService
{
    /// <summary>The national external scheme (<c>cn.card.external-format</c>).</summary>
    public NationalExternalCardScheme NationalExternal { get; } = new();

    /// <summary>The national internal scheme (<c>cn.card.internal-format</c>).</summary>
    public NationalInternalCardScheme NationalInternal { get; } = new();

    private readonly IReadOnlyList<ICardNumberScheme> _packSchemes = [.. packSchemes.Where(s => s.PackId != NationalRules.PackId)];

    /// <summary>Every scheme: pack schemes, then the national ones.</summary>
    public IEnumerable<ICardNumberScheme> All => [.. _packSchemes, NationalExternal, NationalInternal];

    /// <summary>The scheme that numbers cards of <paramref name="kind"/> issued in <paramref name="issuer"/> on <paramref name="on"/>.</summary>
    public ICardNumberScheme For(SupervisorKind kind, JurisdictionCode issuer, DateOnly on) =>
        CardIssuanceRules.SchemeFor(All, kind, issuer, on) ?? (kind == SupervisorKind.External ? NationalExternal : NationalInternal);

    /// <summary>The scheme that parses <paramref name="text"/> and its parts, or the format violations (every wrong position).</summary>
    public RuleResult<DecodedCard> Decode(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        foreach (var scheme in _packSchemes)
            if (scheme.TryParse(s, out var n)) return RuleResult.Ok(new DecodedCard(scheme, n, null));
        var external = NationalExternal.Parse(s);
        if (external.Succeeded) return RuleResult.Ok(new DecodedCard(NationalExternal, external.Value.ToCardNumber(), external.Value));
        var @internal = NationalInternal.Parse(s);
        if (@internal.Succeeded) return RuleResult.Ok(new DecodedCard(NationalInternal, @internal.Value.ToCardNumber(), @internal.Value));
        // Report the format the number looks like: by its class letter, else by its length, else both.
        var first = s.Length > 0 ? char.ToUpperInvariant(s[0]) : '\0';
        var looksExternal = first == NationalExternalCardScheme.ClassLetter || (first is not ('H' or 'Y' or 'S') && s.Length == NationalExternalCardScheme.Length);
        var looksInternal = first is 'H' or 'Y' or 'S' || (first != NationalExternalCardScheme.ClassLetter && s.Length == NationalInternalCardScheme.Length);
        // A pack may explain a text its source document speaks of (GD 附件1 二 "N"): its violations come first.
        var violations = _packSchemes.Select(e => e.Explain(s)).OfType<RuleOutcome>().SelectMany(o => o.Violations).ToList();
        // A number in a pack scheme's own space (GD: R44…) is judged by that scheme alone.
        if (violations.Count > 0 && _packSchemes.Any(e => e.Owns(s))) return RuleResult.Refused<DecodedCard>(new RuleOutcome(violations));
        if (looksExternal || !looksInternal) violations.AddRange(external.Outcome.Violations);
        if (looksInternal || !looksExternal) violations.AddRange(@internal.Outcome.Violations);
        return RuleResult.Refused<DecodedCard>(new RuleOutcome(violations));
    }
}
