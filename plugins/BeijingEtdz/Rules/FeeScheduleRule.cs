using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>A fee rate of BJ 27, in force from a China calendar day until the next rate's day.</summary>
/// <param name="EffectiveFrom">First day the rate applies to.</param>
/// <param name="HalfDay">Yuan per half day.</param>
/// <param name="Day">Yuan per day.</param>
/// <param name="HalfDayMaxMinutes">Longest attendance (inclusive) billed as a half day.</param>
public sealed record FeeRate(DateOnly EffectiveFrom, decimal HalfDay, decimal Day, int HalfDayMaxMinutes);

/// <summary>
/// 劳务费 (fee schedule): 400 元/半天、800 元/天; "不足4小时（含4小时）按半天计算，超过4小时按一天计算". BJ 第二十七条
/// (<c>bj.fee.schedule</c>).
/// <para>Readings: the fee is per supervisor per activity day in China time (Asia/Shanghai, UTC+8): an attendance
/// across midnight is split at 00:00 China time and each day is billed on its own. Minutes are whole minutes (the forms
/// record entry/exit to the minute; a part minute is not counted), so 4 h 00 min is a half day and 4 h 01 min a day.
/// A day with 0 minutes (entry equal to exit) is billed 0 yuan with unit <see cref="FeeUnit.None"/>: nothing was
/// attended, and 第二十七条 pays "按照委派督导情况". An exit at exactly 00:00 adds no day. Each day is billed at the
/// rate in force on that day (<see cref="Rates"/>), so a future change of rate is a new <see cref="FeeRate"/> row.</para>
/// </summary>
public sealed class FeeScheduleRule : IFeeSchedule
{
    /// <summary>The rates of BJ 27, oldest first.</summary>
    public static IReadOnlyList<FeeRate> Rates { get; } =
    [
        new(BeijingEtdzRules.EffectiveFrom, HalfDay: 400m, Day: 800m, HalfDayMaxMinutes: 4 * 60),
    ];

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

    /// <inheritdoc />
    public FeeQuote Quote(DateTimeOffset entry, DateTimeOffset exit)
    {
        if (exit < entry) throw new ArgumentException("Exit is before entry.", nameof(exit));
        var first = ChinaTime.DateOf(entry);
        var last = ChinaTime.DateOf(exit);
        // An exit at exactly 00:00 China time ends the previous day: it does not open a day of its own.
        if (last > first && ChinaTime.StartOf(last) == exit) last = last.AddDays(-1);

        var days = new List<FeeDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var from = Max(entry, ChinaTime.StartOf(day));
            var to = Min(exit, ChinaTime.StartOf(day.AddDays(1)));
            var minutes = (int)Math.Floor((to - from).TotalMinutes);
            days.Add(Bill(day, minutes, RateOn(day)));
        }
        return new FeeQuote(days, days.Sum(d => d.Amount), Rule.Id, Rule.Citation.ToString());
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

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
