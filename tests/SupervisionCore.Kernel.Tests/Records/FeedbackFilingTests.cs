using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Records;

public class FeedbackFilingTests
{
    private static readonly RuleDescriptor Feedback = new("xx.feedback.institution", new("反馈", "Feedback"), new Citation("XX", "20", "第二十条"),
        JurisdictionCode.Parse("44"), "xx", D("2021-01-01"));

    private static readonly FormRequirement Bound = new(["xx.annex-5"], Feedback);

    private static FeedbackFacts Facts(string? form, FormRequirement forms, AssignmentState state = AssignmentState.Completed, bool given = false) =>
        new(state, given, form, form is null ? null : 1, forms, FilingDeadline.None(DeadlineSubject.InstitutionFeedback), D("2025-06-10"));

    [Theory]
    [InlineData("the pack form", "xx.annex-5", true, null)]
    [InlineData("the national shape where a pack binds", null, false, "send formId and answers")]
    [InlineData("another form", "xx.annex-4", false, "not on xx.annex-4")]
    public void Where_a_pack_binds_feedback_it_goes_on_that_form(string name, string? form, bool allowed, string? message)
    {
        _ = name;
        var decision = FeedbackFiling.Decide(Facts(form, Bound));
        decision.Allowed.ShouldBe(allowed);
        if (allowed)
        {
            (decision.Transition!.FormId, decision.Transition.FormVersion).ShouldBe(("xx.annex-5", 1));
            decision.Transition.Rules.ShouldBe(["xx.feedback.institution"]);
            return;
        }
        var violation = decision.Violations.ShouldHaveSingleItem();
        violation.Rule.ShouldBe("xx.feedback.institution");
        violation.Message.En.ShouldContain(message!);
    }

    [Fact]
    public void Elsewhere_the_national_shape_stands()
    {
        var decision = FeedbackFiling.Decide(Facts(null, FormRequirement.NationalShape));
        decision.Allowed.ShouldBeTrue();
        decision.Transition!.FormId.ShouldBeNull();
        decision.Transition.Rules.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("accepted", AssignmentState.Accepted, false, true)]
    [InlineData("completed", AssignmentState.Completed, false, true)]
    [InlineData("invited: nobody went", AssignmentState.Invited, false, false)]
    [InlineData("refused", AssignmentState.Refused, false, false)]
    [InlineData("replaced", AssignmentState.Replaced, false, false)]
    [InlineData("a second feedback", AssignmentState.Completed, true, false)]
    public void Feedback_is_given_once_on_a_supervision_that_happened(string name, AssignmentState state, bool given, bool allowed)
    {
        _ = name;
        foreach (var (forms, form, rule) in new[] { (Bound, (string?)"xx.annex-5", "xx.feedback.institution"), (FormRequirement.NationalShape, null, "cn.report.required") })
        {
            var facts = Facts(form, forms, state, given);
            var decision = FeedbackFiling.Decide(facts);
            decision.Allowed.ShouldBe(allowed);
            (FeedbackFiling.Conflict(facts) is null).ShouldBe(allowed);
            if (!allowed) decision.Violations.ShouldHaveSingleItem().Rule.ShouldBe(rule);
        }
    }
}
