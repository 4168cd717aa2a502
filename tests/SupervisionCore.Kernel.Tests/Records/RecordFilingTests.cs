using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Records;

public class RecordFilingTests
{
    /// <summary>A pack rule binding record forms (as gd.forms.record does).</summary>
    private static readonly RuleDescriptor Binding = new("xx.forms.record", new("表格", "Forms"), new Citation("XX", "20", "第二十条"),
        JurisdictionCode.Parse("44"), "xx", D("2021-01-01"));

    private static readonly RuleDescriptor DeadlineRule = new("xx.record.deadline", new("时限", "Deadline"), new Citation("XX", "20", "第二十条"),
        JurisdictionCode.Parse("44"), "xx", D("2021-01-01"));

    private static readonly FilingDeadline DueOn10June = new(DeadlineSubject.SupervisionRecord, DeadlineRule, 5, D("2025-06-10"), false);

    private static RecordFilingFacts Facts(AssignmentState state = AssignmentState.Accepted, string form = "xx.annex-4", FormRequirement? forms = null,
        FilingDeadline? deadline = null, string filedOn = "2025-06-10") =>
        new(state, form, 1, forms ?? new FormRequirement(["xx.annex-4"], Binding), deadline ?? DueOn10June, D(filedOn));

    [Theory]
    [InlineData("accepted files", AssignmentState.Accepted, true)]
    [InlineData("invited has not accepted", AssignmentState.Invited, false)]
    [InlineData("refused never went", AssignmentState.Refused, false)]
    [InlineData("replaced was withdrawn", AssignmentState.Replaced, false)]
    [InlineData("completed already filed", AssignmentState.Completed, false)]
    public void Only_an_accepted_assignment_files_and_is_completed(string name, AssignmentState state, bool allowed)
    {
        _ = name;
        var decision = RecordFiling.Decide(Facts(state));
        decision.Allowed.ShouldBe(allowed);
        (RecordFiling.Conflict(state) is null).ShouldBe(allowed);
        if (allowed)
        {
            (decision.Transition!.AssignmentFrom, decision.Transition.AssignmentTo).ShouldBe((AssignmentState.Accepted, AssignmentState.Completed));
            return;
        }
        decision.Violations.ShouldHaveSingleItem().Rule.ShouldBe(NationalRules.ReportRequired.Id);
    }

    [Theory]
    [InlineData("the bound form", "xx.annex-4", true)]
    [InlineData("another pack form", "xx.annex-3", false)]
    [InlineData("the national report where a pack binds", "cn.report", false)]
    public void A_bound_use_takes_its_form_only(string name, string form, bool allowed)
    {
        _ = name;
        var decision = RecordFiling.Decide(Facts(form: form));
        decision.Allowed.ShouldBe(allowed);
        if (allowed)
        {
            decision.Transition!.Rules.ShouldBe(["cn.report.required", "xx.record.deadline", "xx.forms.record"]);
            return;
        }
        var violation = decision.Violations.ShouldHaveSingleItem();
        (violation.Rule, violation.Citation).ShouldBe(("xx.forms.record", "XX 20"));
        violation.Message.En.ShouldBe($"the record must be filed on xx.annex-4 (XX 20), not on {form}");
        violation.Message.Zh.ShouldContain("xx.annex-4");
    }

    [Fact]
    public void The_national_default_takes_any_form_in_force()
    {
        var decision = RecordFiling.Decide(Facts(form: "yn.site-report", forms: FormRequirement.AnyInForce, deadline: FilingDeadline.None(DeadlineSubject.SupervisionRecord)));
        decision.Allowed.ShouldBeTrue();
        decision.Transition!.Rules.ShouldBe(["cn.report.required"]);
        (decision.Transition.DueOn, decision.Transition.Late).ShouldBe((null, false));
    }

    [Theory]
    [InlineData("the day before the due date", "2025-06-09", false)]
    [InlineData("the due date", "2025-06-10", false)]
    [InlineData("the day after", "2025-06-11", true)]
    public void Late_filing_is_flagged_not_refused(string name, string filedOn, bool late)
    {
        _ = name;
        var decision = RecordFiling.Decide(Facts(filedOn: filedOn));
        decision.Allowed.ShouldBeTrue();
        (decision.Transition!.DueOn, decision.Transition.Late).ShouldBe((D("2025-06-10"), late));
    }
}
