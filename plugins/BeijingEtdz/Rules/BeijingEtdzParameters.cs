using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// The BJ numbers a revision of the rules may change without a release (docs/parameters.md): each with its default from
/// the seed and the rules that read it. The Host overlays the values the zone's administrator adds.
/// </summary>
public sealed class BeijingEtdzParameters : IParameterCatalogue
{
    private static readonly string[] Fee = [BeijingEtdzRules.FeeSchedule.Id];

    /// <summary>劳务费 半天 (fee per half day): 400 元/半天. BJ 第二十七条.</summary>
    public static readonly ParameterDefinition FeeHalfDay = Money("bj.fee.per-activity.half-day", 400m,
        new("外督员劳务费：每半天（督导活动不足4小时，含4小时）", "Supervisor fee per half day (an activity of at most 4 hours)"),
        Cite("27", "第二十七条"), Fee);

    /// <summary>劳务费 一天 (fee per day): 800 元/天. BJ 第二十七条.</summary>
    public static readonly ParameterDefinition FeeDay = Money("bj.fee.per-activity.day", 800m,
        new("外督员劳务费：每天（督导活动超过4小时）", "Supervisor fee per day (an activity over 4 hours)"),
        Cite("27", "第二十七条"), Fee);

    /// <summary>半天的上限 (longest half day): "不足4小时（含4小时）按半天计算" = 240 minutes. BJ 第二十七条.</summary>
    public static readonly ParameterDefinition FeeHalfDayMaxMinutes = Number("bj.fee.per-activity.half-day-max-minutes", ParameterKind.WholeNumber, "minutes", 240,
        new("按半天计费的最长督导时长（分钟，含）", "Longest activity billed as a half day (minutes, inclusive)"),
        Cite("27", "第二十七条"), Fee, min: 1, max: 24 * 60 - 1);

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <summary>Every BJ parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } = [FeeHalfDay, FeeDay, FeeHalfDayMaxMinutes];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Parameters => All;

    private static Citation Cite(string article, string articleZh) => new("BJ", article, articleZh);

    private static ParameterDefinition Money(string id, decimal value, LocalizedText description, Citation citation, string[] rules) =>
        Number(id, ParameterKind.Money, "yuan", value, description, citation, rules, min: 0, max: 1_000_000);

    private static ParameterDefinition Number(string id, ParameterKind kind, string unit, decimal value, LocalizedText description, Citation citation, string[] rules, decimal min, decimal max) =>
        new(id, BeijingEtdzRules.PackId, kind, unit, description, citation, rules,
            [new ParameterValue(BeijingEtdzRules.EffectiveFrom, ParameterDefinition.Canonical(value), $"{citation} (seed)")], min, max);
}
