using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>YN 17 annual learning and YN 22 annual assessment, judged when a year closes.</summary>
public class LifecycleRuleTests
{
    private static readonly AnnualLearningRule Learning = new();
    private static readonly AnnualAssessmentRule Assessment = new();

    private static LifecycleEvent L(string on, bool passed) => new(LifecycleEventKinds.BusinessLearning, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), passed);
    private static LifecycleEvent A(string on, bool passed) => new(LifecycleEventKinds.AnnualAssessment, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), passed);

    public static TheoryData<string, LifecycleEvent[], bool> LearningCases => new()
    {
        { "passed", [L("2025-06-10", true)], false },
        { "passed_on_the_last_day_of_the_year", [L("2025-12-31", true)], false },
        { "failed", [L("2025-06-10", false)], true },
        { "absent", [], true },
        { "passed_in_another_year_only", [L("2024-06-10", true), L("2026-01-01", true)], true },
        { "failed_then_passed_later_in_the_year", [L("2025-03-01", false), L("2025-09-01", true)], false },
        { "an_assessment_is_not_a_learning", [A("2025-06-10", true)], true },
    };

    [Theory]
    [MemberData(nameof(LearningCases))]
    public void Learning_year_close_revokes_whoever_has_no_passed_session_that_year(string name, LifecycleEvent[] events, bool revoked)
    {
        var decision = Learning.CloseYear(2025, new LifecycleSubject("s-1", SupervisorKind.Internal, events));
        (decision is not null).ShouldBe(revoked, name);
        if (decision is null) return;
        decision.Action.ShouldBe(LifecycleAction.RevokeQualification);
        decision.SupervisorId.ShouldBe("s-1");
        decision.Violation.Rule.ShouldBe("yn.learning.annual");
        decision.Violation.Citation.ShouldBe("YN 17");
    }

    [Fact]
    public void Failed_and_absent_are_told_apart()
    {
        Learning.CloseYear(2025, new LifecycleSubject("s", SupervisorKind.Internal, [L("2025-05-01", false)]))!.Violation.Message.En.ShouldContain("failed");
        Learning.CloseYear(2025, new LifecycleSubject("s", SupervisorKind.Internal, []))!.Violation.Message.En.ShouldContain("did not attend");
    }

    [Fact]
    public void Learning_concerns_internal_supervisors_only()
    {
        Learning.Concerns(SupervisorKind.Internal).ShouldBeTrue();
        Learning.Concerns(SupervisorKind.External).ShouldBeFalse();
        Learning.CloseYear(2025, new LifecycleSubject("s", SupervisorKind.External, [])).ShouldBeNull();
    }

    public static TheoryData<string, LifecycleEvent[], bool> AssessmentCases => new()
    {
        { "passed", [A("2025-12-01", true)], false },
        { "failed", [A("2025-12-01", false)], true },
        { "none_recorded", [], false },
        { "failed_in_another_year", [A("2024-12-01", false)], false },
        { "failed_then_passed_on_review", [A("2025-11-01", false), A("2025-12-01", true)], false },
        { "passed_then_failed", [A("2025-06-01", true), A("2025-12-01", false)], true },
    };

    [Theory]
    [MemberData(nameof(AssessmentCases))]
    public void A_failed_annual_assessment_revokes(string name, LifecycleEvent[] events, bool revoked)
    {
        foreach (var kind in new[] { SupervisorKind.External, SupervisorKind.Internal })
        {
            var decision = Assessment.CloseYear(2025, new LifecycleSubject("s-2", kind, events));
            (decision is not null).ShouldBe(revoked, $"{name} ({kind})");
            if (decision is not null) (decision.Violation.Rule, decision.Violation.Citation).ShouldBe(("yn.assessment.annual", "YN 22"));
        }
    }
}
