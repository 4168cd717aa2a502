namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Quote;

/// <summary>The fee for one supervisor's attendance under bj.fee.schedule (BJ 27).</summary>
public sealed class Response
{
    /// <summary>Each billed period of the activity, in order (one for an activity up to 24 h, across midnight or not).</summary>
    public required IReadOnlyList<QuoteDay> Days { get; init; }

    /// <summary>Total in yuan.</summary>
    /// <example>800</example>
    public required decimal Total { get; init; }

    /// <summary>The rule applied.</summary>
    public required AppliedRule Rule { get; init; }

    /// <summary>The parameter values applied (the rates in force on each period's day), each with its effective date.</summary>
    public required IReadOnlyList<AppliedParameterDto> Parameters { get; init; }
}

/// <summary>A parameter value a decision applied, with the day it took effect.</summary>
public sealed class AppliedParameterDto
{
    /// <summary>Parameter id.</summary>
    /// <example>bj.fee.per-activity.day</example>
    public required string Id { get; init; }

    /// <summary>The value (canonical text: yuan, minutes …).</summary>
    /// <example>800</example>
    public required string Value { get; init; }

    /// <summary>First day of the value, <c>yyyy-MM-dd</c>.</summary>
    /// <example>2023-01-01</example>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Distinct values, by id then date.</summary>
    public static IReadOnlyList<AppliedParameterDto> From(IEnumerable<Kernel.Parameters.AppliedParameter> applied) =>
        [.. applied.Distinct().OrderBy(a => a.Id, StringComparer.Ordinal).ThenBy(a => a.EffectiveFrom)
            .Select(a => new AppliedParameterDto { Id = a.Id, Value = a.Value, EffectiveFrom = a.EffectiveFrom })];
}

/// <summary>One billed period of the activity.</summary>
public sealed class QuoteDay
{
    /// <summary>The China day the period starts, <c>yyyy-MM-dd</c>.</summary>
    /// <example>2025-06-01</example>
    public required DateOnly Date { get; init; }

    /// <summary>Whole minutes attended in the period.</summary>
    /// <example>260</example>
    public required int Minutes { get; init; }

    /// <summary>Hours attended, two decimals.</summary>
    /// <example>4.33</example>
    public required decimal Hours { get; init; }

    /// <summary><c>half-day</c> (≤ 4 h), <c>day</c> (&gt; 4 h) or <c>none</c> (0 minutes).</summary>
    /// <example>day</example>
    public required string Unit { get; init; }

    /// <summary>Yuan for the period.</summary>
    /// <example>800</example>
    public required decimal Amount { get; init; }
}

/// <summary>A rule id and its citation.</summary>
public sealed class AppliedRule
{
    /// <summary>Rule id (<c>bj.fee.schedule</c>).</summary>
    /// <example>bj.fee.schedule</example>
    public required string Id { get; init; }

    /// <summary>Citation (<c>BJ 27</c>).</summary>
    /// <example>BJ 27</example>
    public required string Citation { get; init; }
}
