using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// A sanction measure a pack adds to the national ones (<c>criticism</c>, <c>suspension</c>, <c>dismissal</c>,
/// <c>revocation</c>, <c>ban</c>), e.g. GD 21 不予续聘 (<c>non-renewal</c>).
/// </summary>
/// <param name="Key">Wire key, lower-case, at most 20 characters; must not be a national measure's key.</param>
/// <param name="Name">Name in Chinese and English.</param>
/// <param name="EndsAppointment">True when the measure ends the appointment and withdraws the card from the day of the decision.</param>
public sealed record SanctionMeasureDefinition(string Key, LocalizedText Name, bool EndsAppointment);

/// <summary>One ground (情形) of a pack's sanction article, with the measures the article allows on it.</summary>
/// <param name="Key">Wire key, at most 60 characters, prefixed with the pack's rule prefix (<c>gd.dereliction</c>).</param>
/// <param name="Target">Supervisor or institution.</param>
/// <param name="Text">The ground as the article words it, in Chinese and English.</param>
/// <param name="Rule">The rule id it belongs to (<c>gd.sanction.supervisor</c>; a national ladder for institutions).</param>
/// <param name="Citation">Article and item (<c>GD 21(三)</c>).</param>
/// <param name="Measures">Measure keys allowed on this ground: national ones and the pack's own (<see cref="ISanctionGrounds.Measures"/>).</param>
public sealed record SanctionGroundDefinition(
    string Key,
    SanctionTarget Target,
    LocalizedText Text,
    string Rule,
    Citation Citation,
    IReadOnlyList<string> Measures);

/// <summary>
/// 处理情形 (sanction grounds) of a pack: the grounds its own article lists and the measures it allows on each, and any
/// measure the national catalogue lacks (kernel contract 1.2, additive). The Host accepts a pack ground or measure only
/// for a supervisor (or institution) inside the extension's scope while its rule is in force, and only the measures
/// listed for the ground; national grounds and measures keep their national behaviour everywhere.
/// </summary>
public interface ISanctionGrounds : IRuleExtension
{
    /// <summary>The grounds of the pack's articles, supervisors' and institutions'.</summary>
    IReadOnlyList<SanctionGroundDefinition> Grounds { get; }

    /// <summary>Measures the pack adds (empty when it uses only national ones).</summary>
    IReadOnlyList<SanctionMeasureDefinition> Measures { get; }
}

/// <summary>Looking up pack grounds and measures.</summary>
public static class SanctionGrounds
{
    /// <summary>The extension declaring ground <paramref name="key"/> for <paramref name="target"/> (any scope), and the ground; null when none does.</summary>
    public static (ISanctionGrounds Extension, SanctionGroundDefinition Ground)? FindGround(this IEnumerable<ISanctionGrounds> extensions, string key, SanctionTarget target)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (var e in extensions)
            foreach (var g in e.Grounds)
                if (g.Target == target && g.Key == key) return (e, g);
        return null;
    }

    /// <summary>The extension declaring measure <paramref name="key"/> (any scope), and the measure; null when none does.</summary>
    public static (ISanctionGrounds Extension, SanctionMeasureDefinition Measure)? FindMeasure(this IEnumerable<ISanctionGrounds> extensions, string key)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (var e in extensions)
            foreach (var m in e.Measures)
                if (m.Key == key) return (e, m);
        return null;
    }

    /// <summary>
    /// Judges a pack ground and measure for a decision in <paramref name="where"/> on <paramref name="on"/>: the extension
    /// must govern there on that day, and the measure must be one the ground allows. Every problem is a violation of the
    /// ground's rule.
    /// </summary>
    public static RuleOutcome Check(ISanctionGrounds extension, SanctionGroundDefinition ground, string measure, JurisdictionCode where, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(ground);
        var violations = new List<Violation>();
        var cite = ground.Citation.ToString();
        if (!extension.Scope.Contains(where))
            violations.Add(new Violation(ground.Rule, cite, new LocalizedText(
                $"处理情形“{ground.Key}”只适用于{extension.Scope}辖区，对象属于{where}",
                $"Ground '{ground.Key}' applies only in {extension.Scope}; the subject is registered in {where}")));
        else if (!extension.Rule.IsInForceOn(on))
            violations.Add(new Violation(ground.Rule, cite, new LocalizedText(
                $"处理情形“{ground.Key}”在{on:yyyy-MM-dd}不在施行期内", $"Ground '{ground.Key}' is not in force on {on:yyyy-MM-dd}")));
        if (!ground.Measures.Contains(measure, StringComparer.Ordinal))
            violations.Add(new Violation(ground.Rule, cite, new LocalizedText(
                $"该情形的处理措施只能是：{string.Join("、", ground.Measures)}；不能是“{measure}”",
                $"On this ground the measure is one of {string.Join(", ", ground.Measures)}; not '{measure}'")));
        return new RuleOutcome(violations);
    }
}
