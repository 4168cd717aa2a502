using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Appointments;

public class AppointmentRulesTests
{
    [Theory]
    [InlineData("Plain_start", "2020-09-01", "2023-08-31")]
    [InlineData("New_year", "2021-01-01", "2023-12-31")]
    [InlineData("Ends_on_29_February_of_a_leap_year", "2021-03-01", "2024-02-29")]
    [InlineData("Start_29_February_ends_28_February", "2024-02-29", "2027-02-28")]
    [InlineData("Start_1_March_after_common_February", "2023-03-01", "2026-02-28")]
    public void A_term_ends_three_years_less_a_day_later(string name, string start, string end) =>
        TermRule.EndOf(D(start)).ShouldBe(D(end), name);

    [Theory]
    [InlineData("Day_before_start", "2021-05-31", AppointmentStatus.NotStarted)]
    [InlineData("First_day", "2021-06-01", AppointmentStatus.Active)]
    [InlineData("Last_day", "2024-05-31", AppointmentStatus.Active)]
    [InlineData("Day_after_last_day", "2024-06-01", AppointmentStatus.Expired)]
    public void Status_is_derived_from_dates(string name, string day, AppointmentStatus status) =>
        new AppointmentTerm(D("2021-06-01")).StatusOn(D(day)).ShouldBe(status, name);

    [Theory]
    [InlineData("Day_before_early_end", "2022-12-31", AppointmentStatus.Active)]
    [InlineData("Effective_day_of_dismissal", "2023-01-01", AppointmentStatus.Terminated)]
    [InlineData("After_the_full_term", "2025-01-01", AppointmentStatus.Terminated)]
    public void Early_end_terminates(string name, string day, AppointmentStatus status)
    {
        var term = new AppointmentTerm(D("2021-06-01"), D("2023-01-01"));
        term.StatusOn(D(day)).ShouldBe(status, name);
        term.LastDay.ShouldBe(D("2022-12-31"));
    }

    [Fact]
    public void An_early_end_after_the_full_term_is_ignored()
    {
        var term = new AppointmentTerm(D("2021-06-01"), D("2024-06-02"));
        term.IsTerminatedEarly.ShouldBeFalse();
        term.StatusOn(D("2024-06-01")).ShouldBe(AppointmentStatus.Expired);
    }

    [Theory]
    [InlineData("Active_on_last_day", "2024-05-31", true)]
    [InlineData("Refuses_dispatch_the_day_after_expiry", "2024-06-01", false)]
    public void Term_rule_judges_an_act_on_a_day(string name, string day, bool ok)
    {
        var outcome = new TermRule().CheckActiveOn(new AppointmentTerm(D("2021-06-01")), D(day));
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.appointment.term" && v.Citation == "CN 8");
    }

    [Theory]
    [InlineData("Exact_end", "2024-05-31", true)]
    [InlineData("Refuses_four_year_term", "2025-05-31", false)]
    [InlineData("Refuses_end_on_anniversary", "2024-06-01", false)]
    public void Proposed_end_must_be_the_term_end(string name, string end, bool ok) =>
        new TermRule().CheckEnd(D("2021-06-01"), D(end)).Passed.ShouldBe(ok, name);

    [Theory]
    [InlineData("Renewal_the_day_after_the_end", "2024-06-01", true)]
    [InlineData("Refuses_renewal_on_the_last_day", "2024-05-31", false)]
    [InlineData("Refuses_term_ending_inside_a_later_one", "2018-07-01", false)]
    [InlineData("Earlier_term_ending_before", "2018-06-01", true)]
    public void Terms_never_overlap(string name, string start, bool ok) =>
        new TermRule().CheckNoOverlap([new AppointmentTerm(D("2021-06-01"))], D(start)).Passed.ShouldBe(ok, name);

    [Theory]
    [InlineData("First_term", 0, true)]
    [InlineData("Second_term", 1, true)]
    [InlineData("Third_term", 2, true)]
    [InlineData("Refuses_fourth_term", 3, false)]
    [InlineData("Refuses_fifth_term", 4, false)]
    public void At_most_three_terms(string name, int earlier, bool ok)
    {
        var outcome = new MaxTermsRule().Check(earlier);
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.appointment.max-terms" && v.Citation == "CN 8");
    }

    private static readonly AppointmentTerm[] TwoTerms = [new(D("2018-06-01")), new(D("2021-06-01"))];

    // CN 11 "视情况": non-renewal is a decision the appointing body records after a failed assessment in the term.
    [Theory]
    [InlineData("Failure_before_the_term_started_is_no_ground", "2021-05-31", false, "2023-12-20", false)]
    [InlineData("Failure_on_the_terms_first_day", "2021-06-01", false, "2023-12-20", true)]
    [InlineData("Failure_in_the_term", "2023-12-15", false, "2023-12-20", true)]
    [InlineData("Failure_on_the_day_of_the_decision", "2023-12-20", false, "2023-12-20", true)]
    [InlineData("Failure_the_day_after_the_decision_is_no_ground_yet", "2023-12-21", false, "2023-12-20", false)]
    [InlineData("A_pass_is_no_ground", "2023-12-15", true, "2023-12-20", false)]
    [InlineData("No_decision_before_the_term_starts", "2021-06-01", false, "2021-05-31", false)]
    public void A_non_renewal_is_decided_only_after_a_failed_assessment_in_the_term(string name, string on, bool passed, string decidedOn, bool ok)
    {
        var outcome = new NonRenewalRule().CheckDecision(TwoTerms[1], [new AssessmentResult(D(on), passed)], D(decidedOn));
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.assessment.failed" && v.Citation == "CN 11");
    }

    [Theory]
    [InlineData("No_decision_renews_even_after_a_failure", null, "2024-06-01", true)]
    [InlineData("Decision_on_the_last_term_refuses", "2023-12-20", "2024-06-01", false)]
    [InlineData("Decision_on_the_day_of_the_renewal_refuses", "2024-06-01", "2024-06-01", false)]
    [InlineData("Decision_after_the_renewal_date_is_not_yet_known", "2024-06-02", "2024-06-01", true)]
    public void A_renewal_is_refused_only_where_non_renewal_was_decided(string name, string? decidedOn, string renewalOn, bool ok)
    {
        NonRenewalDecision[] decisions = decidedOn is null ? [] : [new NonRenewalDecision(TwoTerms[1].Start, D(decidedOn))];
        var outcome = new NonRenewalRule().Check(TwoTerms, decisions, D(renewalOn));
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.assessment.failed" && v.Citation == "CN 11");
    }

    [Fact]
    public void A_decision_on_an_earlier_term_does_not_refuse_the_renewal_of_the_last() =>
        new NonRenewalRule().Check(TwoTerms, [new NonRenewalDecision(TwoTerms[0].Start, D("2020-01-01"))], D("2024-06-01")).Passed.ShouldBeTrue();

    [Fact]
    public void A_first_appointment_is_no_renewal() =>
        new NonRenewalRule().Check([], [new NonRenewalDecision(D("2024-01-01"), D("2024-01-02"))], D("2024-06-01")).Passed.ShouldBeTrue();

    [Fact]
    public void Conditions_name_each_missing_one()
    {
        var rule = new SupervisorConditionsRule();
        rule.Check(SupervisorConditions.AllAttested).Passed.ShouldBeTrue();
        var outcome = rule.Check(SupervisorConditions.AllAttested with { PolicyKnowledge = false, Health = false });
        outcome.Violations.Select(v => v.Message.En[..13]).ShouldBe(["Condition (2)", "Condition (5)"]);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.supervisor.conditions" && v.Citation == "CN 6");
        rule.Check((SupervisorConditions?)null).Violations.ShouldHaveSingleItem();
    }

    [Fact]
    public void Conditions_rule_is_an_appointment_eligibility_rule()
    {
        var rule = new SupervisorConditionsRule();
        rule.Stages.ShouldBe(EligibilityStages.Appointment);
        rule.Check(new EligibilityContext(new CandidateInfo(), EligibilityStages.Appointment, D("2024-01-01"))).Passed.ShouldBeFalse();
        rule.Check(new EligibilityContext(new CandidateInfo { Conditions = SupervisorConditions.AllAttested }, EligibilityStages.Appointment, D("2024-01-01")))
            .Passed.ShouldBeTrue();
    }
}
