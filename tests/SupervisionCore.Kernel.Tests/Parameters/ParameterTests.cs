using System.Globalization;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Parameters;

public class ParameterTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static readonly ParameterDefinition Fee = new(
        "xx.fee.day", "xx", ParameterKind.Money, "yuan", new("每天", "Per day"), new Citation("XX", "27", "第二十七条"), ["xx.fee.schedule"],
        [new ParameterValue(D("2023-01-01"), "800", "seed")], Min: 0, Max: 100_000);

    private static readonly ParameterDefinition Age = new(
        "xx.age.max", "xx", ParameterKind.WholeNumber, "years", new("年龄上限", "Age limit"), new Citation("XX", "10", "第十条"), ["xx.eligibility.age"],
        [new ParameterValue(D("2023-01-01"), "65", "seed")], Min: 18, Max: 80);

    private static readonly ParameterDefinition Window = new(
        "xx.cap.window", "xx", ParameterKind.Choice, "", new("窗口", "Window"), new Citation("XX", "12", "第十二条"), ["xx.cap"],
        [new ParameterValue(D("2023-01-01"), "rolling-12-months", "seed")], Choices: ["rolling-12-months", "calendar-year"]);

    /// <summary>The fee with a value of 900 added from 2027-01-01.</summary>
    private static readonly ParameterTimeline Changed = new(Fee, [new ParameterValue(D("2027-01-01"), "900", "notice")]);

    [Theory]
    [InlineData("Before_the_first_value", "2022-12-31", null, null)]
    [InlineData("Day_of_the_default", "2023-01-01", "800", "2023-01-01")]
    [InlineData("Day_before_the_change", "2026-12-31", "800", "2023-01-01")]
    [InlineData("Day_of_the_change", "2027-01-01", "900", "2027-01-01")]
    [InlineData("Day_after_the_change", "2027-01-02", "900", "2027-01-01")]
    public void ValueAt_is_the_latest_value_on_or_before_the_day(string name, string day, string? value, string? from)
    {
        var at = Changed.ValueAt(D(day));
        if (value is null) { at.ShouldBeNull(name); return; }
        at.ShouldBe(new AppliedParameter("xx.fee.day", value, D(from!)), name);
    }

    [Fact]
    public void Typed_access_reads_money_whole_numbers_and_days()
    {
        Changed.At(D("2027-06-01")).AsMoney().ShouldBe(900m);
        new ParameterTimeline(Age).At(D("2024-01-01")).AsInt().ShouldBe(65);
        new AppliedParameter("xx.days", "5", D("2023-01-01")).AsDays().ShouldBe(TimeSpan.FromDays(5));
        Changed.At(D("2027-06-01")).ToString().ShouldBe("xx.fee.day = 900 (2027-01-01)");
    }

    [Fact]
    public void On_one_day_the_last_value_added_governs_over_earlier_ones_and_the_default()
    {
        var timeline = new ParameterTimeline(Fee, [
            new ParameterValue(D("2023-01-01"), "850", "same day as the default"),
            new ParameterValue(D("2027-01-01"), "900", "first"),
            new ParameterValue(D("2027-01-01"), "950", "correction"),
        ]);
        timeline.At(D("2023-06-01")).Value.ShouldBe("850");
        timeline.At(D("2027-01-01")).Value.ShouldBe("950");
        timeline.Values.Select(v => v.EffectiveFrom).ShouldBe([D("2023-01-01"), D("2027-01-01")]);
    }

    [Fact]
    public void A_set_falls_back_to_the_defaults_for_a_parameter_it_does_not_hold()
    {
        ParameterSet.Empty.At(Fee, D("2030-01-01")).ShouldBe(new AppliedParameter("xx.fee.day", "800", D("2023-01-01")));
        var set = ParameterSet.Of([Fee], new[] { ("xx.fee.day", new ParameterValue(D("2027-01-01"), "900", "n")) }.ToLookup(p => p.Item1, p => p.Item2));
        set.At(Fee, D("2027-01-01")).Value.ShouldBe("900");
    }

    [Theory]
    [InlineData("Day_before_today_is_retroactive", "2026-12-02", false)]
    [InlineData("Today_is_retroactive", "2026-12-03", false)]
    [InlineData("Tomorrow_is_allowed", "2026-12-04", true)]
    public void A_new_value_takes_effect_only_after_today(string name, string from, bool allowed)
    {
        var decision = ParameterValueDecision.Decide(new ParameterValueFacts(new ParameterTimeline(Fee), D(from), "900", "notice", D("2026-12-03")));
        decision.Allowed.ShouldBe(allowed, name);
        if (allowed)
        {
            decision.Transition!.Value.ShouldBe(new ParameterValue(D(from), "900", "notice", Added: true));
            decision.Transition.Before.ShouldBe(new AppliedParameter("xx.fee.day", "800", D("2023-01-01")));
        }
        else
        {
            decision.Violations.ShouldHaveSingleItem().Rule.ShouldBe("cn.parameters.not-retroactive");
            decision.Violations[0].Citation.ShouldBe("CN 20");
        }
    }

    [Theory]
    [InlineData("Money_with_two_decimals", "money", "812.50", "812.5")]
    [InlineData("Money_whole", "money", " 900 ", "900")]
    [InlineData("Money_three_decimals", "money", "800.005", null)]
    [InlineData("Money_negative", "money", "-1", null)]
    [InlineData("Money_above_max", "money", "100000.01", null)]
    [InlineData("Money_not_a_number", "money", "八百", null)]
    [InlineData("Money_exponent", "money", "8e2", null)]
    [InlineData("Whole_at_min", "age", "18", "18")]
    [InlineData("Whole_below_min", "age", "17", null)]
    [InlineData("Whole_at_max", "age", "80", "80")]
    [InlineData("Whole_above_max", "age", "81", null)]
    [InlineData("Whole_with_decimals", "age", "65.5", null)]
    [InlineData("Whole_with_zero_decimals", "age", "65.0", "65")]
    [InlineData("Empty", "age", "", null)]
    [InlineData("Choice_known", "window", "calendar-year", "calendar-year")]
    [InlineData("Choice_unknown", "window", "weekly", null)]
    public void Values_are_checked_for_type_and_range(string name, string parameter, string text, string? canonical)
    {
        var definition = parameter switch { "money" => Fee, "age" => Age, _ => Window };
        var (value, problem) = definition.Parse(text);
        value.ShouldBe(canonical, name);
        (problem is null).ShouldBe(canonical is not null, name);
        ParameterValueDecision.ValueProblem(definition, text).ShouldBe(problem);
    }

    [Fact]
    public void A_definition_reports_its_own_problems()
    {
        Fee.Problems("xx").ShouldBeEmpty();
        Fee.Problems("yy").ShouldHaveSingleItem().ShouldContain("does not start with 'yy.'");
        (Fee with { Defaults = [] }).Problems("xx").ShouldHaveSingleItem().ShouldContain("no default");
        (Age with { Defaults = [new ParameterValue(D("2023-01-01"), "90", "seed")] }).Problems("xx").ShouldHaveSingleItem().ShouldContain("between");
    }

    [Fact]
    public void Binding_replaces_only_parameterised_extensions()
    {
        var set = ParameterSet.Defaults([Fee]);
        var plain = new Plain();
        var bound = new object[] { plain, new Reads(null) }.BindTo(set);
        bound[0].ShouldBeSameAs(plain);
        ((Reads)bound[1]).Set.ShouldBeSameAs(set);
    }

    private sealed class Plain;

    private sealed class Reads(ParameterSet? set) : IParameterised<Reads>
    {
        public ParameterSet? Set { get; } = set;

        public Reads With(ParameterSet parameters) => new(parameters);
    }
}
