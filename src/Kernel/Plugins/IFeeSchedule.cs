namespace SupervisionCore.Kernel.Plugins;

/// <summary>How one activity day is billed.</summary>
public enum FeeUnit
{
    /// <summary>Nothing billed (no time attended that day).</summary>
    None = 0,

    /// <summary>半天 (half day).</summary>
    HalfDay = 1,

    /// <summary>一天 (full day).</summary>
    Day = 2,
}

/// <summary>One China calendar day of an attendance.</summary>
/// <param name="Date">The China calendar day.</param>
/// <param name="Minutes">Whole minutes attended that day.</param>
/// <param name="Unit">How the day is billed.</param>
/// <param name="Amount">Yuan for that day.</param>
public sealed record FeeDay(DateOnly Date, int Minutes, FeeUnit Unit, decimal Amount)
{
    /// <summary>Hours attended, to two decimals.</summary>
    public decimal Hours => Math.Round(Minutes / 60m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A fee quote for one supervisor's attendance.</summary>
/// <param name="Days">Each China calendar day attended, in order.</param>
/// <param name="Total">Sum of the days, in yuan.</param>
/// <param name="RuleId">The rule applied.</param>
/// <param name="Citation">Its citation (<c>BJ 27</c>).</param>
public sealed record FeeQuote(IReadOnlyList<FeeDay> Days, decimal Total, string RuleId, string Citation);

/// <summary>
/// 劳务费 (fee schedule): what a supervisor is paid for an attendance, per supervisor per activity day, in decimal
/// yuan, from entry and exit instants. Rates are effective-dated: each day is billed at the rate in force on it.
/// </summary>
public interface IFeeSchedule : IRuleExtension
{
    /// <summary>The first day any rate is in force; attendances before it cannot be quoted.</summary>
    DateOnly FirstRateDate { get; }

    /// <summary>Quotes an attendance from <paramref name="entry"/> to <paramref name="exit"/> (any offsets; split per China day).</summary>
    /// <exception cref="ArgumentException">Exit before entry, or a day before <see cref="FirstRateDate"/>.</exception>
    FeeQuote Quote(DateTimeOffset entry, DateTimeOffset exit);
}
