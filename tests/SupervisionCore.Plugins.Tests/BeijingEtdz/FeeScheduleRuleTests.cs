using System.Globalization;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class FeeScheduleRuleTests
{
    private static readonly FeeScheduleRule Rule = new();

    private static DateTimeOffset T(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-05-06T09:00+08:00", "2024-05-06T09:00+08:00", 0, FeeUnit.None, 0)]
    [InlineData("2024-05-06T09:00+08:00", "2024-05-06T09:01+08:00", 1, FeeUnit.HalfDay, 400)]
    [InlineData("2024-05-06T09:00+08:00", "2024-05-06T12:59+08:00", 239, FeeUnit.HalfDay, 400)]
    [InlineData("2024-05-06T09:00+08:00", "2024-05-06T13:00+08:00", 240, FeeUnit.HalfDay, 400)]
    [InlineData("2024-05-06T09:00+08:00", "2024-05-06T13:01+08:00", 241, FeeUnit.Day, 800)]
    [InlineData("2024-05-06T08:00+08:00", "2024-05-06T18:00+08:00", 600, FeeUnit.Day, 800)]
    [InlineData("2024-05-06T09:00+08:00", "2024-05-06T13:00:59+08:00", 240, FeeUnit.HalfDay, 400)]
    public void Bills_one_day_at_the_4_hour_boundary(string entry, string exit, int minutes, FeeUnit unit, int amount)
    {
        var quote = Rule.Quote(T(entry), T(exit));
        var day = quote.Days.ShouldHaveSingleItem();
        day.Date.ShouldBe(D("2024-05-06"));
        day.Minutes.ShouldBe(minutes);
        day.Unit.ShouldBe(unit);
        day.Amount.ShouldBe(amount);
        quote.Total.ShouldBe(amount);
        quote.RuleId.ShouldBe("bj.fee.schedule");
        quote.Citation.ShouldBe("BJ 27");
    }

    [Fact]
    public void Quotes_half_day_at_exactly_4_hours() =>
        Rule.Quote(T("2024-05-06T14:00+08:00"), T("2024-05-06T18:00+08:00")).Total.ShouldBe(400m);

    [Fact]
    public void Quotes_a_day_at_4_hours_and_1_minute() =>
        Rule.Quote(T("2024-05-06T14:00+08:00"), T("2024-05-06T18:01+08:00")).Total.ShouldBe(800m);

    /// <summary>BJ 27 bills the activity, not the calendar day: across midnight it is one activity, one period.</summary>
    [Theory]
    [InlineData("23:00 to 02:59 is 3 h 59 min: half day", "2024-05-06T23:00+08:00", "2024-05-07T02:59+08:00", 239, FeeUnit.HalfDay, 400)]
    [InlineData("22:00 to 02:00 is exactly 4 h: half day", "2024-05-06T22:00+08:00", "2024-05-07T02:00+08:00", 240, FeeUnit.HalfDay, 400)]
    [InlineData("22:00 to 02:01 is 4 h 1 min: day", "2024-05-06T22:00+08:00", "2024-05-07T02:01+08:00", 241, FeeUnit.Day, 800)]
    [InlineData("20:00 to 02:30 is 6 h 30 min: day", "2024-05-06T20:00+08:00", "2024-05-07T02:30+08:00", 390, FeeUnit.Day, 800)]
    [InlineData("23:30 to 00:30 is 1 h: half day", "2024-05-06T23:30+08:00", "2024-05-07T00:30+08:00", 60, FeeUnit.HalfDay, 400)]
    [InlineData("19:00 to midnight is 5 h: day", "2024-05-06T19:00+08:00", "2024-05-07T00:00+08:00", 300, FeeUnit.Day, 800)]
    [InlineData("the same 23:00-01:00 given in UTC", "2024-05-06T15:00:00Z", "2024-05-06T17:00:00Z", 120, FeeUnit.HalfDay, 400)]
    [InlineData("a whole 24 h is one day", "2024-05-06T08:00+08:00", "2024-05-07T08:00+08:00", 1440, FeeUnit.Day, 800)]
    public void An_activity_across_midnight_is_one_activity(string name, string entry, string exit, int minutes, FeeUnit unit, int amount)
    {
        _ = name;
        var quote = Rule.Quote(T(entry), T(exit));
        var period = quote.Days.ShouldHaveSingleItem();
        (period.Date, period.Minutes, period.Unit, period.Amount).ShouldBe((D("2024-05-06"), minutes, unit, (decimal)amount));
        quote.Total.ShouldBe(amount);
    }

    [Fact]
    public void An_activity_over_24_hours_is_billed_in_24_hour_periods_from_entry()
    {
        var quote = Rule.Quote(T("2024-05-06T08:00+08:00"), T("2024-05-07T17:00+08:00"));
        quote.Days.Select(d => (d.Date, d.Minutes, d.Unit)).ShouldBe(
        [
            (D("2024-05-06"), 24 * 60, FeeUnit.Day),
            (D("2024-05-07"), 9 * 60, FeeUnit.Day),
        ]);
        quote.Total.ShouldBe(1600m);
    }

    [Theory]
    [InlineData("24 h + 4 h: day + half day", "2024-05-06T22:00+08:00", "2024-05-08T02:00+08:00", 1200)]
    [InlineData("24 h + 4 h 1 min: two days", "2024-05-06T22:00+08:00", "2024-05-08T02:01+08:00", 1600)]
    [InlineData("24 h + 1 min: day + half day", "2024-05-06T09:00+08:00", "2024-05-07T09:01+08:00", 1200)]
    public void The_last_period_of_a_long_activity_follows_the_4_hour_rule(string name, string entry, string exit, int total)
    {
        _ = name;
        Rule.Quote(T(entry), T(exit)).Total.ShouldBe(total);
    }

    [Fact]
    public void Uses_the_China_day_of_an_entry_given_in_UTC()
    {
        // 2024-05-06T17:00Z is 01:00 on 7 May in China.
        var quote = Rule.Quote(T("2024-05-06T17:00:00Z"), T("2024-05-06T20:00:00Z"));
        var day = quote.Days.ShouldHaveSingleItem();
        day.Date.ShouldBe(D("2024-05-07"));
        day.Minutes.ShouldBe(180);
        day.Amount.ShouldBe(400m);
    }

    [Fact]
    public void Refuses_exit_before_entry() =>
        Should.Throw<ArgumentException>(() => Rule.Quote(T("2024-05-06T10:00+08:00"), T("2024-05-06T09:00+08:00")));

    [Fact]
    public void Refuses_a_day_before_the_first_rate() =>
        Should.Throw<ArgumentException>(() => Rule.Quote(T("2022-12-31T09:00+08:00"), T("2022-12-31T10:00+08:00")));

    [Fact]
    public void A_new_rate_applies_from_its_date_only()
    {
        var rule = FeeScheduleRule.WithRates(
        [
            new FeeRate(D("2023-01-01"), 400m, 800m, 240),
            new FeeRate(D("2025-01-01"), 500m, 1000m, 240),
        ]);
        // One activity across the change is billed at the rate of the day it starts.
        rule.Quote(T("2024-12-31T20:00+08:00"), T("2025-01-01T02:00+08:00")).Days.Select(d => d.Amount).ShouldBe([800m]);
        rule.Quote(T("2025-01-01T09:00+08:00"), T("2025-01-01T12:00+08:00")).Days.Select(d => d.Amount).ShouldBe([500m]);
        var quote = rule.Quote(T("2024-12-31T09:00+08:00"), T("2025-01-01T12:00+08:00"));
        quote.Days.Select(d => d.Amount).ShouldBe([800m, 500m]);
        rule.FirstRateDate.ShouldBe(D("2023-01-01"));
    }

    [Fact]
    public void Carries_the_rule_of_BJ_27()
    {
        Rule.Rule.ShouldBeSameAs(BeijingEtdzRules.FeeSchedule);
        Rule.Rule.IsInForceOn(FeeScheduleRule.Rates[0].EffectiveFrom).ShouldBeTrue();
        var rate = FeeScheduleRule.Rates.ShouldHaveSingleItem();
        (rate.EffectiveFrom, rate.HalfDay, rate.Day, rate.HalfDayMaxMinutes).ShouldBe((D("2023-01-01"), 400m, 800m, 240));
        rate.Parameters.Select(p => p.ToString()).ShouldBe([
            "bj.fee.per-activity.half-day = 400 (2023-01-01)", "bj.fee.per-activity.day = 800 (2023-01-01)",
            "bj.fee.per-activity.half-day-max-minutes = 240 (2023-01-01)"]);
    }

    private static ParameterSet With(params (string Id, string From, string Value)[] added) => ParameterSet.Of(BeijingEtdzParameters.All,
        added.ToLookup(a => a.Id, a => new ParameterValue(D(a.From), a.Value, "test", Added: true)));

    [Theory]
    [InlineData("Day_before_the_change", "2030-12-31T09:00+08:00", "2030-12-31T14:00+08:00", 800, "2023-01-01")]
    [InlineData("Day_of_the_change", "2031-01-01T09:00+08:00", "2031-01-01T14:00+08:00", 900, "2031-01-01")]
    [InlineData("Day_after_the_change", "2031-01-02T09:00+08:00", "2031-01-02T14:00+08:00", 900, "2031-01-01")]
    [InlineData("Across_midnight_into_the_change_day_keeps_the_start_days_rate", "2030-12-31T22:00+08:00", "2031-01-01T03:00+08:00", 800, "2023-01-01")]
    public void Bills_at_the_parameter_values_in_force_on_the_day_the_period_starts(string name, string entry, string exit, int amount, string from)
    {
        var rule = Rule.With(With(("bj.fee.per-activity.day", "2031-01-01", "900")));
        rule.Quote(T(entry), T(exit)).Total.ShouldBe(amount, name);
        var rate = rule.RateOn(ChinaTime.DateOf(T(entry)));
        rate.Parameters.Single(p => p.Id == "bj.fee.per-activity.day").EffectiveFrom.ShouldBe(D(from), name);
        rate.Parameters.Single(p => p.Id == "bj.fee.per-activity.half-day").EffectiveFrom.ShouldBe(D("2023-01-01"), name);
    }

    [Fact]
    public void A_changed_half_day_limit_moves_the_boundary_from_its_date()
    {
        var rule = Rule.With(With(("bj.fee.per-activity.half-day-max-minutes", "2031-01-01", "300")));
        rule.Quote(T("2030-12-31T09:00+08:00"), T("2030-12-31T13:01+08:00")).Days.Single().Unit.ShouldBe(FeeUnit.Day);
        rule.Quote(T("2031-01-01T09:00+08:00"), T("2031-01-01T13:01+08:00")).Days.Single().Unit.ShouldBe(FeeUnit.HalfDay);
        rule.Quote(T("2031-01-01T09:00+08:00"), T("2031-01-01T14:00+08:00")).Days.Single().Unit.ShouldBe(FeeUnit.HalfDay);
        rule.Quote(T("2031-01-01T09:00+08:00"), T("2031-01-01T14:01+08:00")).Days.Single().Unit.ShouldBe(FeeUnit.Day);
    }

    [Fact]
    public void The_parameters_are_sound_and_feed_catalogued_rules()
    {
        BeijingEtdzParameters.All.SelectMany(p => p.Problems(BeijingEtdzRules.RulePrefix)).ShouldBeEmpty();
        BeijingEtdzParameters.All.SelectMany(p => p.RuleIds).ShouldAllBe(id => BeijingEtdzRules.All.Any(r => r.Id == id));
        new FeeScheduleRule().With(ParameterSet.Empty).Quote(T("2025-06-01T09:00+08:00"), T("2025-06-01T12:00+08:00")).Total.ShouldBe(400m);
    }
}
