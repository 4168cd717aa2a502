using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Procedures.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Procedures;

public class SpecialProcedureRuleTests
{
    private static readonly SpecialProcedureRule Rule = new();
    private static readonly DateOnly Today = D("2025-12-31");

    /// <summary>Steps recorded so far: self-report 05-25, site visit 06-01, preliminary opinion 06-05 with rebuttal due 06-15, then as listed.</summary>
    private static List<RecordedSpecialStep> Upto(SpecialStep last)
    {
        var all = new List<RecordedSpecialStep>
        {
            new(SpecialStep.SelfReport, D("2025-05-25")),
            new(SpecialStep.SiteVisit, D("2025-06-01")),
            new(SpecialStep.PreliminaryOpinion, D("2025-06-05"), D("2025-06-15")),
            new(SpecialStep.Rebuttal, D("2025-06-10")),
            new(SpecialStep.OpinionLetter, D("2025-06-20")),
            new(SpecialStep.RectificationReport, D("2025-07-20")),
            new(SpecialStep.Closed, D("2025-07-25")),
        };
        return [.. all.Where(s => s.Step <= last)];
    }

    private static List<RecordedSpecialStep> None() => [];

    [Theory]
    [InlineData("Site_visit_first", null, SpecialStep.SiteVisit, "2025-06-01", true)]
    [InlineData("Skipping_the_site_visit", null, SpecialStep.PreliminaryOpinion, "2025-06-01", false)]
    [InlineData("Opinion_letter_without_anything", null, SpecialStep.OpinionLetter, "2025-06-01", false)]
    [InlineData("Repeating_the_site_visit", SpecialStep.SiteVisit, SpecialStep.SiteVisit, "2025-06-02", false)]
    [InlineData("Repeating_the_preliminary_opinion", SpecialStep.PreliminaryOpinion, SpecialStep.PreliminaryOpinion, "2025-06-06", false)]
    [InlineData("Rebuttal_after_the_preliminary_opinion", SpecialStep.PreliminaryOpinion, SpecialStep.Rebuttal, "2025-06-10", true)]
    [InlineData("Opinion_letter_after_the_rebuttal", SpecialStep.Rebuttal, SpecialStep.OpinionLetter, "2025-06-11", true)]
    [InlineData("Rectification_before_the_opinion_letter", SpecialStep.Rebuttal, SpecialStep.RectificationReport, "2025-06-11", false)]
    [InlineData("Closing_before_the_rectification_report", SpecialStep.OpinionLetter, SpecialStep.Closed, "2025-06-30", false)]
    [InlineData("Closing_after_the_rectification_report", SpecialStep.RectificationReport, SpecialStep.Closed, "2025-07-21", true)]
    [InlineData("Rebuttal_after_the_opinion_letter", SpecialStep.OpinionLetter, SpecialStep.Rebuttal, "2025-06-21", false)]
    [InlineData("Anything_after_closing", SpecialStep.Closed, SpecialStep.RectificationReport, "2025-07-26", false)]
    public void Steps_come_in_order_once_each(string name, SpecialStep? lastRecorded, SpecialStep step, string on, bool allowed)
    {
        var recorded = lastRecorded is null ? None() : Upto(lastRecorded.Value);
        var decision = Rule.Check(recorded, step, D(on), step == SpecialStep.PreliminaryOpinion ? D(on).AddDays(10) : null, Today);
        decision.Outcome.Passed.ShouldBe(allowed, name);
        decision.OutOfOrder.ShouldBe(!allowed, name);
        decision.Outcome.Violations.ShouldAllBe(v => v.Rule == "cn.special.procedure" && v.Citation == "CN 15");
    }

    [Theory]
    [InlineData("Rebuttal_on_the_due_day", SpecialStep.Rebuttal, "2025-06-15", true, false)]
    [InlineData("Rebuttal_the_day_after_the_due_day", SpecialStep.Rebuttal, "2025-06-16", false, false)]
    [InlineData("Opinion_letter_without_rebuttal_on_the_due_day", SpecialStep.OpinionLetter, "2025-06-15", false, true)]
    [InlineData("Opinion_letter_without_rebuttal_the_day_after", SpecialStep.OpinionLetter, "2025-06-16", true, false)]
    public void The_rebuttal_is_optional_only_once_its_period_has_passed(string name, SpecialStep step, string on, bool allowed, bool outOfOrder)
    {
        var decision = Rule.Check(Upto(SpecialStep.PreliminaryOpinion), step, D(on), null, Today);
        decision.Outcome.Passed.ShouldBe(allowed, name);
        decision.OutOfOrder.ShouldBe(outOfOrder, name);
        decision.Outcome.Violations.ShouldAllBe(v => v.Rule == "cn.special.procedure");
    }

    [Theory]
    [InlineData("Due_on_the_opinion_day", "2025-06-05", "2025-06-05", true)]
    [InlineData("Due_the_day_before_the_opinion", "2025-06-05", "2025-06-04", false)]
    [InlineData("No_due_date", "2025-06-05", null, false)]
    public void The_preliminary_opinion_sets_a_rebuttal_period(string name, string on, string? due, bool allowed) =>
        Rule.Check(Upto(SpecialStep.SiteVisit), SpecialStep.PreliminaryOpinion, D(on), due is null ? null : D(due), Today).Outcome.Passed.ShouldBe(allowed, name);

    [Theory]
    [InlineData("Same_day_as_the_previous_step", "2025-06-01", "2025-12-31", true)]
    [InlineData("Day_before_the_previous_step", "2025-05-31", "2025-12-31", false)]
    [InlineData("Today", "2025-12-31", "2025-12-31", true)]
    [InlineData("Tomorrow", "2026-01-01", "2025-12-31", false)]
    public void Dates_never_go_backwards_nor_into_the_future(string name, string on, string today, bool allowed)
    {
        var decision = Rule.Check(Upto(SpecialStep.SiteVisit), SpecialStep.PreliminaryOpinion, D(on), D(on).AddDays(10), D(today));
        decision.Outcome.Passed.ShouldBe(allowed, name);
        decision.OutOfOrder.ShouldBeFalse(name);
    }

    [Theory]
    [InlineData("Nothing_yet", null, "2025-06-01", new[] { SpecialStep.SelfReport, SpecialStep.SiteVisit })]
    [InlineData("After_the_self_report", SpecialStep.SelfReport, "2025-06-01", new[] { SpecialStep.SiteVisit })]
    [InlineData("After_the_visit", SpecialStep.SiteVisit, "2025-06-02", new[] { SpecialStep.PreliminaryOpinion })]
    [InlineData("Period_open_on_its_last_day", SpecialStep.PreliminaryOpinion, "2025-06-15", new[] { SpecialStep.Rebuttal })]
    [InlineData("Period_passed", SpecialStep.PreliminaryOpinion, "2025-06-16", new[] { SpecialStep.Rebuttal, SpecialStep.OpinionLetter })]
    [InlineData("After_the_rebuttal", SpecialStep.Rebuttal, "2025-06-16", new[] { SpecialStep.OpinionLetter })]
    [InlineData("Closed", SpecialStep.Closed, "2025-08-01", new SpecialStep[0])]
    public void Next_allowed_steps(string name, SpecialStep? lastRecorded, string today, SpecialStep[] next) =>
        SpecialProcedureRule.NextAllowed(lastRecorded is null ? None() : Upto(lastRecorded.Value), D(today)).ShouldBe(next, name);

    // ---- cn.special.self-report (CN 15(二), GD 18): the group reviews the self-report before its preliminary opinion ----

    private static List<RecordedSpecialStep> VisitOnly() => [new(SpecialStep.SiteVisit, D("2025-06-01"))];

    [Theory]
    [InlineData("Self_report_first", "none", "2025-05-25", true, false)]
    [InlineData("Self_report_today", "none", "2025-12-31", true, false)]
    [InlineData("Self_report_tomorrow", "none", "2026-01-01", false, false)]
    [InlineData("Self_report_after_the_site_visit", "visit", "2025-06-02", true, false)]
    [InlineData("Self_report_dated_before_the_visit_recorded_after_it", "visit", "2025-05-30", true, false)]
    [InlineData("Self_report_twice", "self-report", "2025-05-26", false, true)]
    [InlineData("Self_report_after_the_preliminary_opinion", "preliminary", "2025-06-06", false, true)]
    public void The_self_report_comes_before_the_preliminary_opinion(string name, string recorded, string on, bool allowed, bool outOfOrder)
    {
        var steps = recorded switch
        {
            "none" => None(),
            "visit" => VisitOnly(),
            "self-report" => Upto(SpecialStep.SelfReport),
            _ => [.. Upto(SpecialStep.PreliminaryOpinion).Where(s => s.Step != SpecialStep.SelfReport)],
        };
        var decision = Rule.Check(steps, SpecialStep.SelfReport, D(on), null, Today);
        decision.Outcome.Passed.ShouldBe(allowed, name);
        decision.OutOfOrder.ShouldBe(outOfOrder, name);
        decision.Outcome.Violations.ShouldAllBe(v => (v.Rule == "cn.special.self-report" && v.Citation == "CN 15(二)") || v.Rule == "cn.special.procedure", name);
        if (!allowed && !outOfOrder) decision.Outcome.Violations.ShouldContain(v => v.Rule == "cn.special.self-report", name);
    }

    [Theory]
    [InlineData("Preliminary_opinion_without_a_self_report", false, "2025-06-05", false, true)]
    [InlineData("Preliminary_opinion_on_the_self_report_day", true, "2025-06-03", true, false)]
    [InlineData("Preliminary_opinion_the_day_before_the_self_report", true, "2025-06-02", false, false)]
    public void No_preliminary_opinion_without_the_self_report(string name, bool selfReport, string on, bool allowed, bool outOfOrder)
    {
        var steps = VisitOnly();
        if (selfReport) steps.Add(new(SpecialStep.SelfReport, D("2025-06-03")));
        var decision = Rule.Check(steps, SpecialStep.PreliminaryOpinion, D(on), D(on).AddDays(10), Today);
        decision.Outcome.Passed.ShouldBe(allowed, name);
        decision.OutOfOrder.ShouldBe(outOfOrder, name);
        if (!allowed) decision.Outcome.Violations.ShouldAllBe(v => v.Rule == "cn.special.self-report" && v.Citation == "CN 15(二)", name);
    }

    [Fact]
    public void A_site_visit_without_a_self_report_asks_for_it_next() =>
        SpecialProcedureRule.NextAllowed(VisitOnly(), D("2025-06-02")).ShouldBe([SpecialStep.SelfReport]);

    [Fact]
    public void Step_texts_round_trip()
    {
        foreach (var step in Enum.GetValues<SpecialStep>())
        {
            SpecialSteps.TryParse(SpecialSteps.ToText(step), out var back).ShouldBeTrue();
            back.ShouldBe(step);
        }
        SpecialSteps.TryParse("appeal", out _).ShouldBeFalse();
    }
}
