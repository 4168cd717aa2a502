using System.Globalization;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Parameters;

/// <summary>What a parameter's value is.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (persons, years of age, minutes, years of experience).</summary>
    WholeNumber = 1,

    /// <summary>Yuan, up to two decimals (劳务费).</summary>
    Money = 2,

    /// <summary>A whole number of days (calendar or working days, as <see cref="ParameterDefinition.Unit"/> says).</summary>
    Days = 3,

    /// <summary>One of <see cref="ParameterDefinition.Choices"/> (a reading of the text, e.g. GD 12's window).</summary>
    Choice = 4,
}

/// <summary>A value of a parameter from a China calendar day on: shipped with the pack (default) or added by an administrator.</summary>
/// <param name="EffectiveFrom">First China day the value applies to; it applies until the next value's day.</param>
/// <param name="Value">The value in its canonical text (<c>400</c>, <c>400.5</c>, <c>rolling-12-months</c>).</param>
/// <param name="Reason">Why (the regulation or notice that changed it); for a default, its source.</param>
/// <param name="Added">False for a default shipped with the pack; true for a value added through the API.</param>
public sealed record ParameterValue(DateOnly EffectiveFrom, string Value, string Reason, bool Added = false);

/// <summary>
/// 参数 (policy parameter): a number or reading of a regulation that a province may revise without a release (OpenFisca's
/// parameters): BJ 27's fee, BJ 10's age limits, GD 12's cap. It has dated values; the value on a day is the latest
/// value whose effective date is on or before that day, so an act is judged by the value in force on the date of the act
/// and a revision never reaches back (<c>cn.parameters.not-retroactive</c>).
/// </summary>
/// <param name="Id">Stable id (<c>bj.fee.per-activity.on-site.day</c>): the pack's rule prefix, a dot, a path.</param>
/// <param name="Pack">Owning pack id, <c>cn</c> for the kernel.</param>
/// <param name="Kind">Type of the value.</param>
/// <param name="Unit">Unit of the value (<c>yuan</c>, <c>years</c>, <c>persons</c>, <c>calendar-days</c>, <c>working-days</c>, <c>minutes</c>; empty for a choice).</param>
/// <param name="Description">What it is, in Chinese and English.</param>
/// <param name="Citation">Where its default comes from.</param>
/// <param name="RuleIds">The rules whose decisions read it.</param>
/// <param name="Defaults">The values shipped with the pack, with their effective dates (at least one).</param>
/// <param name="Min">Smallest value allowed (numbers), or null.</param>
/// <param name="Max">Largest value allowed (numbers), or null.</param>
/// <param name="Choices">The readings allowed (<see cref="ParameterKind.Choice"/>), else empty.</param>
public sealed record ParameterDefinition(
    string Id,
    string Pack,
    ParameterKind Kind,
    string Unit,
    LocalizedText Description,
    Citation Citation,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<ParameterValue> Defaults,
    decimal? Min = null,
    decimal? Max = null,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The readings allowed for a choice (empty for numbers).</summary>
    public IReadOnlyList<string> AllowedChoices => Choices ?? [];

    /// <summary>
    /// The canonical text of <paramref name="text"/> as a value of this parameter, or the reason it is not one (wrong
    /// type, out of range, not a choice). Numbers are written invariantly without trailing zeros (<c>800</c>, <c>12.5</c>).
    /// </summary>
    public (string? Value, LocalizedText? Problem) Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0) return (null, new LocalizedText("取值不能为空", "The value is required"));
        if (Kind == ParameterKind.Choice)
        {
            return AllowedChoices.Contains(trimmed, StringComparer.Ordinal)
                ? (trimmed, null)
                : (null, new LocalizedText($"取值须为以下之一：{string.Join("、", AllowedChoices)}", $"The value must be one of: {string.Join(", ", AllowedChoices)}"));
        }
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return (null, new LocalizedText($"取值须为{KindZh}", $"The value must be {KindEn}"));
        var places = Kind == ParameterKind.Money ? 2 : 0;
        if (decimal.Round(number, places) != number)
            return (null, new LocalizedText($"取值须为{KindZh}", $"The value must be {KindEn}"));
        if (Min is { } min && number < min || Max is { } max && number > max)
            return (null, new LocalizedText($"取值须在{Range}之间", $"The value must be between {Range}"));
        return (Canonical(number), null);
    }

    /// <summary>Canonical text of a number (invariant, no trailing zeros).</summary>
    public static string Canonical(decimal number) => (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private string Range => $"{Min?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}";

    private string KindZh => Kind switch { ParameterKind.Money => "金额（元，至多两位小数）", ParameterKind.Days => "整数天数", _ => "整数" };

    private string KindEn => Kind switch { ParameterKind.Money => "an amount in yuan (at most two decimals)", ParameterKind.Days => "a whole number of days", _ => "a whole number" };

    /// <summary>The problems of the definition itself (an id outside its pack's prefix, no default, a default out of range); empty when sound.</summary>
    public IReadOnlyList<string> Problems(string rulePrefix)
    {
        var problems = new List<string>();
        if (!Id.StartsWith(rulePrefix + ".", StringComparison.Ordinal)) problems.Add($"parameter '{Id}' does not start with '{rulePrefix}.'");
        if (Defaults.Count == 0) problems.Add($"parameter '{Id}' has no default value");
        if (Kind == ParameterKind.Choice && AllowedChoices.Count == 0) problems.Add($"parameter '{Id}' is a choice without choices");
        foreach (var d in Defaults)
        {
            var (value, problem) = Parse(d.Value);
            if (problem is not null) problems.Add($"parameter '{Id}' default {d.Value} from {d.EffectiveFrom:yyyy-MM-dd}: {problem.En}");
            else if (value != d.Value) problems.Add($"parameter '{Id}' default {d.Value} is not canonical ({value})");
        }
        if (Defaults.GroupBy(d => d.EffectiveFrom).Any(g => g.Count() > 1)) problems.Add($"parameter '{Id}' has two defaults on one day");
        return problems;
    }
}

/// <summary>
/// The value of a parameter that an act applied: which parameter, the value, and the day it took effect. Every decision
/// that reads a parameter cites these three (a fee quote lists them; a refusal's message names them).
/// </summary>
/// <param name="Id">Parameter id.</param>
/// <param name="Value">Canonical text of the value.</param>
/// <param name="EffectiveFrom">First day of the value applied.</param>
public sealed record AppliedParameter(string Id, string Value, DateOnly EffectiveFrom)
{
    /// <summary>The value as a whole number.</summary>
    public int AsInt() => int.Parse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The value as yuan.</summary>
    public decimal AsMoney() => decimal.Parse(Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The value as a span of whole days.</summary>
    public TimeSpan AsDays() => TimeSpan.FromDays(AsInt());

    /// <summary><c>bj.eligibility.age.max-men = 65 (2023-01-01)</c>: how messages cite it.</summary>
    public override string ToString() => $"{Id} = {Value} ({EffectiveFrom:yyyy-MM-dd})";
}
