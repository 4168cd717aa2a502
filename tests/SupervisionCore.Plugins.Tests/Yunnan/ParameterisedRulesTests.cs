using System.Globalization;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>YN rules reading dated parameters (docs/parameters.md).</summary>
public class ParameterisedRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static ParameterSet Changed(string id, string from, string value) => ParameterSet.Of(YunnanParameters.All,
        new[] { (id, new ParameterValue(D(from), value, "test", Added: true)) }.ToLookup(p => p.id, p => p.Item2));

    private static LifecycleEvent L(string day, bool passed) => new(LifecycleEventKinds.BusinessLearning, D(day), passed);

    [Theory]
    // Two passed sessions needed for years whose last day is on or after 2031-12-31 (value from 2031-06-01).
    [InlineData("Year_before_the_change_one_pass_meets_it", 2030, 1, false)]
    [InlineData("Year_of_the_change_one_pass_is_short", 2031, 1, true)]
    [InlineData("Year_of_the_change_two_passes_meet_it", 2031, 2, false)]
    public void A_raised_learning_requirement_applies_to_years_ending_after_its_date(string name, int year, int passes, bool revoked)
    {
        var rule = new AnnualLearningRule().With(Changed("yn.learning.annual.passed-sessions", "2031-06-01", "2"));
        var events = Enumerable.Range(0, passes).Select(i => L($"{year}-0{i + 3}-10", true)).Append(L($"{year}-09-01", false)).ToList();
        var decision = rule.CloseYear(year, new LifecycleSubject("s", SupervisorKind.Internal, events));
        (decision is not null).ShouldBe(revoked, name);
        if (decision is not null) decision.Violation.Message.En.ShouldContain("yn.learning.annual.passed-sessions = 2 (2031-06-01)");
    }

    [Theory]
    [InlineData("Day_before_the_change", "2031-12-31", 2, false)]
    [InlineData("Day_of_the_change", "2032-01-01", 2, true)]
    public void A_lowered_examiner_experience_applies_from_its_date(string name, string on, int years, bool eligible)
    {
        var rule = new ExperienceRule().With(Changed("yn.eligibility.experience.examiner-years", "2032-01-01", "2"));
        var outcome = rule.Check(new SupervisorExperience(false, 0, years), D(on));
        outcome.Passed.ShouldBe(eligible, name);
        if (!eligible) outcome.Violations.ShouldHaveSingleItem().Message.En.ShouldContain("yn.eligibility.experience.examiner-years = 3 (2023-01-01)");
    }

    private static DispatchHistoryEntry Refused(string day) => new("t-" + day, "i", D(day), DispatchResponse.Refused);

    [Theory]
    // The limit raised from 3 to 4 from 2031-01-01: the answer's day decides which applies.
    [InlineData("Third_refusal_the_day_before_revokes", "2030-12-31", 2, true)]
    [InlineData("Third_refusal_the_day_of_does_not", "2031-01-01", 2, false)]
    [InlineData("Fourth_refusal_the_day_of_revokes", "2031-01-01", 3, true)]
    [InlineData("Second_refusal_the_day_before_does_not", "2030-12-31", 1, false)]
    public void A_raised_refusal_limit_applies_from_its_date(string name, string on, int earlierRefusals, bool revoked)
    {
        var rule = new RefusalLimitRule().With(Changed("yn.dispatch.refusal-limit.consecutive", "2031-01-01", "4"));
        var earlier = Enumerable.Range(1, earlierRefusals).Select(i => Refused($"2030-0{i}-10")).ToList();
        var decision = rule.OnAnswer(new DispatchAnswer("s", SupervisorKind.External, YunnanRules.Jurisdiction, D(on), DispatchResponse.Refused, earlier));
        (decision is not null).ShouldBe(revoked, name);
        if (decision is not null) decision.Violation.Message.En.ShouldContain(on == "2031-01-01" ? "yn.dispatch.refusal-limit.consecutive = 4 (2031-01-01)" : "yn.dispatch.refusal-limit.consecutive = 3 (2023-01-01)");
    }

    [Fact]
    public void The_parameters_are_sound_and_feed_catalogued_rules()
    {
        YunnanParameters.All.SelectMany(p => p.Problems("yn")).ShouldBeEmpty();
        YunnanParameters.All.SelectMany(p => p.RuleIds).ShouldAllBe(id => YunnanRules.All.Any(r => r.Id == id));
        new LearningYearFacts(2025, D("2026-01-02"), [], []).Parameters.ShouldBeSameAs(ParameterSet.Empty);
    }
}
