using SupervisionCore.Host.Data.Parameters;
using SupervisionCore.Kernel.Parameters;

namespace SupervisionCore.Host.Features.Parameters;

/// <summary>A policy parameter with its history and its value on a day.</summary>
/// <param name="Id" example="bj.fee.per-activity.day">Parameter id.</param>
/// <param name="Pack" example="bj-etdz">Owning pack (<c>cn</c> for the kernel).</param>
/// <param name="Kind">integer | money | days | choice.</param>
/// <param name="Unit" example="yuan">Unit of the value.</param>
/// <param name="Description">What it is.</param>
/// <param name="Citation" example="BJ 27">Where its default comes from.</param>
/// <param name="ArticleZh" example="第二十七条">The article in the document's words.</param>
/// <param name="Rules">Rule ids whose decisions read it.</param>
/// <param name="Min">Smallest value allowed (numbers).</param>
/// <param name="Max">Largest value allowed (numbers).</param>
/// <param name="Choices">Readings allowed (choice).</param>
/// <param name="On" example="2026-12-03">The day of <paramref name="Value"/> (China time).</param>
/// <param name="Value">The value in force on <paramref name="On"/>.</param>
/// <param name="History">Every value, oldest first: defaults shipped with the pack and values added.</param>
public sealed record ParameterDto(
    string Id, string Pack, ParameterKind Kind, string Unit, TextDto Description, string Citation, string ArticleZh, IReadOnlyList<string> Rules,
    decimal? Min, decimal? Max, IReadOnlyList<string>? Choices, DateOnly On, ParameterValueAtDto Value, IReadOnlyList<ParameterHistoryDto> History)
{
    public static ParameterDto From(ParameterTimeline timeline, DateOnly on, IReadOnlyList<ParameterValueRecord> added)
    {
        var d = timeline.Definition;
        var applied = timeline.At(on);
        return new(d.Id, d.Pack, d.Kind, d.Unit, TextDto.From(d.Description), d.Citation.ToString(), d.Citation.ArticleZh, d.RuleIds,
            d.Min, d.Max, d.AllowedChoices.Count == 0 ? null : d.AllowedChoices, on,
            new ParameterValueAtDto(applied.Value, applied.EffectiveFrom), ParameterHistoryDto.Of(timeline, added));
    }
}

/// <summary>The value in force on a day and the day it took effect.</summary>
/// <param name="Value" example="800">Canonical text of the value.</param>
/// <param name="EffectiveFrom" example="2023-01-01">First day of the value.</param>
public sealed record ParameterValueAtDto(string Value, DateOnly EffectiveFrom);

/// <summary>One value of a parameter's history.</summary>
/// <param name="EffectiveFrom" example="2023-01-01">First day of the value.</param>
/// <param name="Value" example="800">Canonical text of the value.</param>
/// <param name="Source" example="default">default (shipped with the pack) | added (through the API).</param>
/// <param name="Reason" example="BJ 27 (seed)">Why: the source of a default, the notice of an added value.</param>
/// <param name="AddedBy">Actor id of an added value.</param>
/// <param name="AddedAt">When an added value was stored.</param>
/// <param name="InForce">False for a value replaced by a later one added for the same day (kept as history).</param>
public sealed record ParameterHistoryDto(DateOnly EffectiveFrom, string Value, string Source, string Reason, string? AddedBy, DateTimeOffset? AddedAt, bool InForce)
{
    /// <summary>The defaults and every stored value (also those replaced on the same day), by day then order added.</summary>
    public static IReadOnlyList<ParameterHistoryDto> Of(ParameterTimeline timeline, IReadOnlyList<ParameterValueRecord> added)
    {
        var governing = timeline.Values.ToDictionary(v => v.EffectiveFrom);
        var defaults = timeline.Definition.Defaults.Select(v => new ParameterHistoryDto(v.EffectiveFrom, v.Value, "default", v.Reason, null, null,
            governing[v.EffectiveFrom] is { Added: false }));
        var rows = added.Where(r => r.ParameterId == timeline.Id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        var lastOfDay = rows.GroupBy(r => r.EffectiveFrom).Select(g => g.Last().Id).ToHashSet();
        var stored = rows.Select(r => new ParameterHistoryDto(r.EffectiveFrom, r.Value, "added", r.Reason, r.Actor, r.CreatedAt, lastOfDay.Contains(r.Id)));
        return [.. defaults.Concat(stored).OrderBy(h => h.EffectiveFrom).ThenBy(h => h.AddedAt ?? DateTimeOffset.MinValue)];
    }
}

/// <summary>A parameter a rule reads, as the rule catalogue shows it.</summary>
/// <param name="Id" example="bj.fee.per-activity.day">Parameter id.</param>
/// <param name="Unit" example="yuan">Unit.</param>
/// <param name="Value">The value in force on the catalogue's day.</param>
/// <param name="History">Every value in force, oldest first.</param>
public sealed record RuleParameterDto(string Id, string Unit, ParameterValueAtDto Value, IReadOnlyList<ParameterValueAtDto> History)
{
    /// <summary>The parameters of <paramref name="ruleId"/>, or null when it reads none.</summary>
    public static IReadOnlyList<RuleParameterDto>? For(string ruleId, ParameterRegistry registry, ParameterSet set, DateOnly on)
    {
        var list = registry.ForRule(ruleId).Select(d => set.Find(d.Id)!).Select(t =>
        {
            var at = t.At(on);
            return new RuleParameterDto(t.Id, t.Definition.Unit, new ParameterValueAtDto(at.Value, at.EffectiveFrom),
                [.. t.Values.Select(v => new ParameterValueAtDto(v.Value, v.EffectiveFrom))]);
        }).ToList();
        return list.Count == 0 ? null : list;
    }
}
