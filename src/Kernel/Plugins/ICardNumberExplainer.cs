using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>A named part of a card number a scheme reads out (GD: the issuing city).</summary>
/// <param name="Key">Part name (<c>city</c>).</param>
/// <param name="Value">Its value as a code (<c>44.A</c>).</param>
/// <param name="Name">What the code means, in Chinese and English (<c>广州市</c>), when it names something.</param>
public sealed record CardNumberPart(string Key, string Value, LocalizedText? Name);

/// <summary>
/// Optional companion of <see cref="ICardNumberScheme"/> (kernel contract 1.2, additive) for decoding card numbers:
/// names the parts of a number of the scheme, and explains a text its source document speaks of although it is no
/// valid number (GD 附件1 二 names the internal class letter "N", which its own table 5 does not list).
/// </summary>
public interface ICardNumberExplainer
{
    /// <summary>The named parts of <paramref name="number"/>, a number this scheme parsed.</summary>
    IReadOnlyList<CardNumberPart> Describe(CardNumber number);

    /// <summary>
    /// The scheme's own violations for <paramref name="text"/>, which no scheme parsed, when the scheme has something
    /// to explain about it; null otherwise (the national format violations are reported anyway).
    /// </summary>
    RuleOutcome? Explain(string text);

    /// <summary>
    /// True when <paramref name="text"/> is written in this scheme's own number space (GD: 9 characters beginning <c>R44</c>),
    /// so that, when no scheme parses it, this scheme's <see cref="Explain"/> is the whole answer and the national format
    /// violations are not added (they would misname the fault: a wrong GD city letter is not a wrong national serial).
    /// Additive (kernel contract 1.x): false by default, the behaviour before.
    /// </summary>
    bool Owns(string text) => false;
}
