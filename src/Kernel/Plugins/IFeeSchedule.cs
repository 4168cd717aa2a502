namespace SupervisionCore.Kernel.Plugins;

/// <summary>How one billed period of an activity is billed.</summary>
public enum FeeUnit
{
    /// <summary>Nothing billed (no time attended).</summary>
    None = 0,

    /// <summary>半天 (half day).</summary>
    HalfDay = 1,

    /// <summary>一天 (full day).</summary>
    Day = 2,
}

/// <summary>One billed period of an attendance (how a schedule divides an activity is its own reading; BJ 27 bills the activity whole).</summary>
/// <param name="Date">The China calendar day the period starts.</param>
/// <param name="Minutes">Whole minutes attended in the period.</param>
/// <param name="Unit">How the period is billed.</param>
/// <param name="Amount">Yuan for the period.</param>
public sealed record FeeDay(DateOnly Date, int Minutes, FeeUnit Unit, decimal Amount)
{
    /// <summary>Hours attended, to two decimals.</summary>
    public decimal Hours => Math.Round(Minutes / 60m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A fee quote for one supervisor's attendance.</summary>
/// <param name="Days">Each billed period, in order.</param>
/// <param name="Total">Sum of the periods, in yuan.</param>
/// <param name="RuleId">The rule applied.</param>
/// <param name="Citation">Its citation (<c>BJ 27</c>).</param>
public sealed record FeeQuote(IReadOnlyList<FeeDay> Days, decimal Total, string RuleId, string Citation);

/// <summary>
/// 劳务费 (fee schedule): what a supervisor is paid for an attendance (one activity), in decimal yuan, from entry and exit
/// instants. Rates are effective-dated: each billed period is billed at the rate in force on the day it starts.
/// </summary>
public interface IFeeSchedule : IRuleExtension
{
    /// <summary>The first day any rate is in force; attendances before it cannot be quoted.</summary>
    DateOnly FirstRateDate { get; }

    /// <summary>Quotes an attendance from <paramref name="entry"/> to <paramref name="exit"/> (any offsets; one activity, divided as the schedule reads its rule).</summary>
    /// <exception cref="ArgumentException">Exit before entry, or a day before <see cref="FirstRateDate"/>.</exception>
    FeeQuote Quote(DateTimeOffset entry, DateTimeOffset exit);
}
