using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>A fee rate of BJ 27, in force from a China calendar day until the next rate's day.</summary>
/// <param name="EffectiveFrom">First day the rate applies to.</param>
/// <param name="HalfDay">Yuan per half day.</param>
/// <param name="Day">Yuan per day.</param>
/// <param name="HalfDayMaxMinutes">Longest attendance (inclusive) billed as a half day.</param>
public sealed record FeeRate(DateOnly EffectiveFrom, decimal HalfDay, decimal Day, int HalfDayMaxMinutes)
{
    /// <summary>The parameter values the rate is made of, each with its own effective date (cited by quotes and statements).</summary>
    public IReadOnlyList<AppliedParameter> Parameters { get; init; } = [];
}

/// <summary>
/// 劳务费 (fee schedule): 400 元/半天、800 元/天; "督导活动不足4小时（含4小时）按半天计算，超过4小时按一天计算". BJ 第二十七条
/// (<c>bj.fee.schedule</c>).
/// <para>Readings (docs/readings.md, "BJ 27"): the unit is the <b>activity</b> (督导活动), one supervisor's attendance from
/// entry to exit, not the calendar day: an activity across midnight is one activity, billed once by its whole length
/// (23:00–02:59 is 3 h 59 min, a half day; 22:00–02:01 is 4 h 01 min, a day). Minutes are whole minutes (the forms record
/// entry/exit to the minute; a part minute is not counted), so 4 h 00 min is a half day and 4 h 01 min a day. An activity
/// longer than a day (BJ 27 prices a 天, and pays "按照委派督导情况") is billed in successive 24-hour periods from entry,
/// each by the same rule, so a second day of attendance is paid and the remainder of the last period is a half day or a
/// day by its own length. A period of 0 minutes (entry equal to exit) is billed 0 yuan with unit <see cref="FeeUnit.None"/>:
/// nothing was attended. Each period is billed at the rate in force on the China day it starts (<see cref="Rates"/>).</para>
/// <para>The three numbers are parameters with dated values (<see cref="BeijingEtdzParameters"/>: <c>bj.fee.per-activity.*</c>):
/// the instance the Host registers bills at the seed's rates; <see cref="With(ParameterSet)"/> bills at the values in force on
/// each period's day, so a rate the zone adds from a future date applies to activities from that date, with no release.</para>
/// </summary>
public sealed class FeeScheduleRule : IFeeSchedule, IParameterised<FeeScheduleRule>
{
    /// <summary>The rates of BJ 27 as shipped (the parameters' defaults), oldest first.</summary>
    public static IReadOnlyList<FeeRate> Rates { get; } = RatesFrom(ParameterSet.Empty);

    /// <summary>
    /// The rates of <paramref name="parameters"/>: one rate from each day on which any of the three parameters changes,
    /// made of the three values in force that day.
    /// </summary>
    public static IReadOnlyList<FeeRate> RatesFrom(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ParameterDefinition[] definitions = [BeijingEtdzParameters.FeeHalfDay, BeijingEtdzParameters.FeeDay, BeijingEtdzParameters.FeeHalfDayMaxMinutes];
        var timelines = definitions.Select(d => parameters.Find(d.Id) ?? new ParameterTimeline(d)).ToArray();
        return timelines.SelectMany(t => t.ChangeDays).Distinct().Order()
            .Select(day =>
            {
                var applied = timelines.Select(t => t.At(day)).ToArray();
                return new FeeRate(day, applied[0].AsMoney(), applied[1].AsMoney(), applied[2].AsInt()) { Parameters = applied };
            })
            .ToList();
    }

    /// <summary>The rule billing at the values of <paramref name="parameters"/> (defaults where it holds none).</summary>
    public FeeScheduleRule With(ParameterSet parameters) => new(RatesFrom(parameters));

    private readonly FeeRate[] _rates;

    /// <summary>The rule with the rates of BJ 27.</summary>
    public FeeScheduleRule() : this(Rates)
    {
    }

    private FeeScheduleRule(IReadOnlyList<FeeRate> rates)
    {
        if (rates.Count == 0) throw new ArgumentException("At least one rate is needed.", nameof(rates));
        _rates = rates.OrderBy(r => r.EffectiveFrom).ToArray();
    }

    /// <summary>The rule with another rate table (a rate change, or a test).</summary>
    public static FeeScheduleRule WithRates(IReadOnlyList<FeeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new FeeScheduleRule(rates);
    }

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.FeeSchedule;

    /// <inheritdoc />
    public DateOnly FirstRateDate => _rates[0].EffectiveFrom;

    /// <summary>Length of one billed period of an activity (BJ 27 prices a 天).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <inheritdoc />
    /// <remarks>
    /// One <see cref="FeeDay"/> per 24-hour period of the activity from <paramref name="entry"/> (one for any activity up to
    /// 24 h, across midnight or not); its <see cref="FeeDay.Date"/> is the China day the period starts.
    /// </remarks>
    public FeeQuote Quote(DateTimeOffset entry, DateTimeOffset exit)
    {
        var days = Periods(entry, exit)
            .Select(p => (Day: ChinaTime.DateOf(p.From), Minutes: (int)Math.Floor((p.To - p.From).TotalMinutes)))
            .Select(p => Bill(p.Day, p.Minutes, RateOn(p.Day)))
            .ToList();
        return new FeeQuote(days, days.Sum(d => d.Amount), Rule.Id, Rule.Citation.ToString());
    }

    /// <summary>The periods of an activity, as <see cref="Quote"/> bills them: start and end of each.</summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Periods(DateTimeOffset entry, DateTimeOffset exit)
    {
        if (exit < entry) throw new ArgumentException("Exit is before entry.", nameof(exit));
        var periods = new List<(DateTimeOffset, DateTimeOffset)>();
        var from = entry;
        do
        {
            var to = exit - from > Period ? from + Period : exit;
            periods.Add((from, to));
            from = to;
        }
        while (from < exit);
        return periods;
    }

    private static FeeDay Bill(DateOnly day, int minutes, FeeRate rate) =>
        minutes <= 0 ? new FeeDay(day, 0, FeeUnit.None, 0m)
        : minutes <= rate.HalfDayMaxMinutes ? new FeeDay(day, minutes, FeeUnit.HalfDay, rate.HalfDay)
        : new FeeDay(day, minutes, FeeUnit.Day, rate.Day);

    /// <summary>The rate in force on a China calendar day.</summary>
    /// <exception cref="ArgumentException">The day is before <see cref="FirstRateDate"/>.</exception>
    public FeeRate RateOn(DateOnly day) =>
        _rates.LastOrDefault(r => r.EffectiveFrom <= day)
        ?? throw new ArgumentException($"{Rule.Id} has no rate before {FirstRateDate:yyyy-MM-dd}; {day:yyyy-MM-dd} cannot be quoted.", nameof(day));

}
