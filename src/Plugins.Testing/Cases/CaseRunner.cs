using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Testing.Cases;

/// <summary>What running a case gave.</summary>
/// <param name="Actual">The outcome as JSON.</param>
/// <param name="Mismatches">Where it differs from <c>expect</c> (empty when the case passes).</param>
public sealed record CaseResult(JsonObject Actual, IReadOnlyList<string> Mismatches)
{
    /// <summary>True when the outcome matches.</summary>
    public bool Passed => Mismatches.Count == 0;
}

/// <summary>
/// Runs a case through the pack's extension that enforces its rule, as the Host would: the extension whose
/// <see cref="IRuleExtension.Rule"/> has the case's rule id and implements the case's point (inferred when the rule has
/// exactly one), and — when the case gives <c>on</c> — whose rule is in force on that day (if none is, the outcome is
/// <c>{ inForce: false }</c>, as the Host would not apply it).
/// </summary>
public static class CaseRunner
{
    /// <summary>Runs <paramref name="case"/> against the extensions of <paramref name="pack"/>.</summary>
    /// <exception cref="InvalidDataException">The case names a rule or point the pack does not implement, or its input does not fit.</exception>
    public static CaseResult Run(PackUnderTest pack, Case @case)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Point is CasePoints.Decide or CasePoints.Form)
        {
            if (!pack.Pack.Rules.Any(r => r.Id == @case.Rule))
                throw new InvalidDataException($"rule '{@case.Rule}' is not in the catalogue of pack '{pack.Pack.Id}'");
            var outcome = @case.On is { } day && !pack.Pack.Rules.Any(r => r.Id == @case.Rule && r.IsInForceOn(day))
                ? new JsonObject { ["inForce"] = false }
                : @case.Point == CasePoints.Decide ? CasePoints.RunDecider(pack, @case) : CasePoints.RunForm(pack, @case);
            if (@case.On is not null && !outcome.ContainsKey("inForce")) outcome["inForce"] = true;
            return new CaseResult(outcome, JsonMatch.Differences(@case.Expect, outcome));
        }
        var judgedBy = @case.Via ?? @case.Rule;
        if (@case.Via is not null && !pack.Pack.Rules.Any(r => r.Id == @case.Rule))
            throw new InvalidDataException($"rule '{@case.Rule}' is not in the catalogue of pack '{pack.Pack.Id}'");
        var enforcing = pack.RuleExtensions.Where(e => e.Rule.Id == judgedBy).ToList();
        if (enforcing.Count == 0)
            throw new InvalidDataException($"no extension of pack '{pack.Pack.Id}' enforces rule '{judgedBy}' " +
                $"(rules with an extension: {string.Join(", ", pack.RuleExtensions.Select(e => e.Rule.Id).Distinct().Order(StringComparer.Ordinal))})");

        var point = @case.Point ?? InferPoint(@case, enforcing);
        if (!CasePoints.Interfaces.TryGetValue(point, out var contract))
            throw new InvalidDataException($"unknown point '{point}' (known: {string.Join(", ", CasePoints.Interfaces.Keys)})");
        var implementing = enforcing.Where(contract.IsInstanceOfType).ToList();
        if (implementing.Count == 0)
            throw new InvalidDataException($"rule '{@case.Rule}' has no {contract.Name} extension (point '{point}')");
        var candidates = implementing.Count == 1 ? implementing : CasePoints.Narrow(point, implementing, @case.Input);
        if (candidates.Count == 0) return new CaseResult(new JsonObject { ["applies"] = false }, JsonMatch.Differences(@case.Expect, new JsonObject { ["applies"] = false }));

        JsonObject actual;
        if (@case.On is { } on)
        {
            var inForce = candidates.Where(e => e.Rule.IsInForceOn(on)).ToList();
            actual = inForce.Count switch
            {
                0 => new JsonObject { ["inForce"] = false },
                1 => WithInForce(CasePoints.Run(point, inForce[0], @case.Input)),
                _ => throw new InvalidDataException($"rule '{@case.Rule}' has {inForce.Count} {contract.Name} extensions in force on {on:yyyy-MM-dd}"),
            };
        }
        else if (candidates.Count == 1) actual = CasePoints.Run(point, candidates[0], @case.Input);
        else throw new InvalidDataException($"rule '{@case.Rule}' has {candidates.Count} {contract.Name} extensions (versions): give the case an 'on' date, or the task kind / subject that selects one");

        return new CaseResult(actual, JsonMatch.Differences(@case.Expect, actual));
    }

    private static JsonObject WithInForce(JsonObject outcome)
    {
        outcome["inForce"] = true;
        return outcome;
    }

    private static string InferPoint(Case @case, List<IRuleExtension> enforcing)
    {
        var points = CasePoints.Interfaces
            .Where(p => p.Key is not (CasePoints.CardParse or CasePoints.CardExplain) && enforcing.Any(e => p.Value.IsInstanceOfType(e) && CasePoints.Implements(p.Key, e)))
            .Select(p => p.Key).ToList();
        return points.Count == 1
            ? points[0]
            : throw new InvalidDataException(string.Format(CultureInfo.InvariantCulture,
                "rule '{0}' is enforced at {1}: give the case a 'point' ({2})", @case.Rule,
                points.Count == 0 ? "no case point" : "several points", string.Join(", ", points.Count == 0 ? CasePoints.Interfaces.Keys : points)));
    }
}

/// <summary>Compares an expected JSON outcome with the actual one: every expected property must match; others are ignored.</summary>
public static class JsonMatch
{
    /// <summary>Where <paramref name="actual"/> differs from <paramref name="expected"/> (JSON paths with both values).</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null) differences.Add($"{path}: expected null, got {actual.ToJsonString()}");
                return;
            case JsonObject e:
                if (actual is not JsonObject a) { differences.Add($"{path}: expected an object, got {Show(actual)}"); return; }
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key) && value is not null)
                    {
                        differences.Add($"{path}.{key}: expected {value.ToJsonString()}, the outcome has no '{key}' (it has: {string.Join(", ", a.Select(p => p.Key))})");
                        continue;
                    }
                    Compare(value, a[key], $"{path}.{key}", differences);
                }
                return;
            case JsonArray e:
                if (actual is not JsonArray arr) { differences.Add($"{path}: expected a list, got {Show(actual)}"); return; }
                if (arr.Count != e.Count) { differences.Add($"{path}: expected {e.Count} items {e.ToJsonString()}, got {arr.Count} {arr.ToJsonString()}"); return; }
                for (var i = 0; i < e.Count; i++) Compare(e[i], arr[i], $"{path}[{i}]", differences);
                return;
            default:
                if (!ScalarEquals((JsonValue)expected, actual)) differences.Add($"{path}: expected {expected.ToJsonString()}, got {Show(actual)}");
                return;
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static bool ScalarEquals(JsonValue expected, JsonNode? actual)
    {
        if (actual is not JsonValue a) return false;
        if (TryNumber(expected, out var x) && TryNumber(a, out var y)) return x == y;
        if (expected.TryGetValue<bool>(out var b1)) return a.TryGetValue<bool>(out var b2) && b1 == b2;
        return expected.TryGetValue<string>(out var s1) && a.TryGetValue<string>(out var s2) && string.Equals(s1, s2, StringComparison.Ordinal);
    }

    private static bool TryNumber(JsonValue value, out decimal number)
    {
        number = 0;
        if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number) return false;
        return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
