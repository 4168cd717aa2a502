using System.Globalization;
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

    [Fact]
    public void Splits_an_attendance_across_midnight_China_time()
    {
        var quote = Rule.Quote(T("2024-05-06T20:00+08:00"), T("2024-05-07T02:30+08:00"));
        quote.Days.Select(d => (d.Date, d.Minutes, d.Unit, d.Amount)).ShouldBe(
        [
            (D("2024-05-06"), 240, FeeUnit.HalfDay, 400m),
            (D("2024-05-07"), 150, FeeUnit.HalfDay, 400m),
        ]);
        quote.Total.ShouldBe(800m);
    }

    [Fact]
    public void Bills_two_working_days_separately()
    {
        var quote = Rule.Quote(T("2024-05-06T08:00+08:00"), T("2024-05-07T17:00+08:00"));
        quote.Days.Select(d => (d.Date, d.Minutes, d.Unit)).ShouldBe(
        [
            (D("2024-05-06"), 16 * 60, FeeUnit.Day),
            (D("2024-05-07"), 17 * 60, FeeUnit.Day),
        ]);
        quote.Total.ShouldBe(1600m);
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
    public void Splits_at_China_midnight_not_UTC_midnight()
    {
        // 15:00Z–17:00Z is 23:00–01:00 China time: two China days, one UTC day.
        var quote = Rule.Quote(T("2024-05-06T15:00:00Z"), T("2024-05-06T17:00:00Z"));
        quote.Days.Select(d => (d.Date, d.Minutes)).ShouldBe([(D("2024-05-06"), 60), (D("2024-05-07"), 60)]);
        quote.Total.ShouldBe(800m);
    }

    [Fact]
    public void An_exit_at_midnight_adds_no_day()
    {
        var quote = Rule.Quote(T("2024-05-06T19:00+08:00"), T("2024-05-07T00:00+08:00"));
        var day = quote.Days.ShouldHaveSingleItem();
        day.Minutes.ShouldBe(300);
        day.Unit.ShouldBe(FeeUnit.Day);
    }

    [Fact]
    public void A_full_China_day_in_the_middle_is_a_day()
    {
        var quote = Rule.Quote(T("2024-05-06T22:00+08:00"), T("2024-05-08T01:00+08:00"));
        quote.Days.Select(d => (d.Minutes, d.Amount)).ShouldBe([(120, 400m), (1440, 800m), (60, 400m)]);
        quote.Total.ShouldBe(1600m);
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
        var quote = rule.Quote(T("2024-12-31T20:00+08:00"), T("2025-01-01T02:00+08:00"));
        quote.Days.Select(d => d.Amount).ShouldBe([400m, 500m]);
        rule.FirstRateDate.ShouldBe(D("2023-01-01"));
    }

    [Fact]
    public void Carries_the_rule_of_BJ_27()
    {
        Rule.Rule.ShouldBeSameAs(BeijingEtdzRules.FeeSchedule);
        Rule.Rule.IsInForceOn(FeeScheduleRule.Rates[0].EffectiveFrom).ShouldBeTrue();
        FeeScheduleRule.Rates.ShouldHaveSingleItem().ShouldBe(new FeeRate(D("2023-01-01"), 400m, 800m, 240));
    }
}
