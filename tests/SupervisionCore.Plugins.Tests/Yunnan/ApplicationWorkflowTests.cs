using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>YN 13: apply → recommend → review, in order, dated, and the first appointment only on an approved application.</summary>
public class ApplicationWorkflowTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = D("2025-06-30");

    [Theory]
    [InlineData("2025-06-30", "符合条件", true)]  // today
    [InlineData("2025-07-01", "符合条件", false)] // tomorrow
    [InlineData("2025-06-01", " ", false)]        // no statement
    public void An_application_states_its_conditions_and_is_not_dated_ahead(string on, string statement, bool allowed)
    {
        var d = ApplicationWorkflow.Apply(new ApplicationStepFacts(null, null, D(on), Today, statement));
        d.Allowed.ShouldBe(allowed);
        if (allowed) d.Transition!.State.ShouldBe(ApplicationState.Applied);
        else d.Violations.ShouldAllBe(v => v.Rule == "yn.application" && v.Citation == "YN 13");
    }

    [Theory]
    [InlineData(ApplicationState.Applied, "2025-03-01", "2025-03-01", "同意推荐", true)]   // the day of the application
    [InlineData(ApplicationState.Applied, "2025-03-01", "2025-02-28", "同意推荐", false)]  // the day before it
    [InlineData(ApplicationState.Applied, "2025-03-01", "2025-03-05", "", false)]           // no opinion
    [InlineData(ApplicationState.Recommended, "2025-03-01", "2025-03-05", "同意推荐", false)] // recommended twice
    [InlineData(ApplicationState.Approved, "2025-03-01", "2025-03-05", "同意推荐", false)]
    public void The_employer_recommends_an_application_once_after_it(ApplicationState state, string last, string on, string opinion, bool allowed) =>
        ApplicationWorkflow.Recommend(new ApplicationStepFacts(state, D(last), D(on), Today, opinion)).Allowed.ShouldBe(allowed);

    [Theory]
    [InlineData(ApplicationState.Recommended, ReviewDecision.Approve, null, true, ApplicationState.Approved)]
    [InlineData(ApplicationState.Recommended, ReviewDecision.Reject, "不符合第六条", true, ApplicationState.Rejected)]
    [InlineData(ApplicationState.Recommended, ReviewDecision.Reject, null, false, null)]     // a rejection needs its reason
    [InlineData(ApplicationState.Applied, ReviewDecision.Approve, null, false, null)]        // not recommended: no review (no step skipped)
    [InlineData(ApplicationState.Approved, ReviewDecision.Approve, null, false, null)]       // reviewed twice
    [InlineData(ApplicationState.Rejected, ReviewDecision.Approve, null, false, null)]
    public void The_body_reviews_only_a_recommended_application(ApplicationState state, ReviewDecision decision, string? note, bool allowed, ApplicationState? next)
    {
        var d = ApplicationWorkflow.Review(new ApplicationStepFacts(state, D("2025-03-05"), D("2025-03-20"), Today, note, decision));
        d.Allowed.ShouldBe(allowed);
        if (allowed) d.Transition!.State.ShouldBe(next!.Value);
    }

    [Fact]
    public void A_review_is_not_dated_before_the_recommendation() =>
        ApplicationWorkflow.Review(new ApplicationStepFacts(ApplicationState.Recommended, D("2025-03-05"), D("2025-03-04"), Today, null, ReviewDecision.Approve)).Allowed.ShouldBeFalse();

    [Theory]
    [InlineData(ApplicationState.Approved, "2025-03-20", "2025-03-20", false, true)]  // approved on the start day
    [InlineData(ApplicationState.Approved, "2025-03-21", "2025-03-20", false, false)] // approved the day after
    [InlineData(ApplicationState.Rejected, "2025-03-01", "2025-03-20", false, false)]
    [InlineData(ApplicationState.Recommended, null, "2025-03-20", false, false)]
    [InlineData(ApplicationState.Rejected, "2025-03-01", "2025-03-20", true, true)]    // a renewal needs no new application
    public void A_first_appointment_needs_an_application_approved_by_its_first_day(ApplicationState state, string? reviewed, string start, bool renewal, bool allowed)
    {
        var outcome = ApplicationWorkflow.AppointmentAllowed([new ApplicationRecord(state, reviewed is null ? null : D(reviewed))], renewal, D(start));
        outcome.Passed.ShouldBe(allowed);
        if (!allowed) outcome.Violations.ShouldHaveSingleItem().Rule.ShouldBe("yn.application");
    }

    [Fact]
    public void No_application_no_first_appointment() =>
        ApplicationWorkflow.AppointmentAllowed([], isRenewal: false, D("2025-03-20")).Passed.ShouldBeFalse();
}
