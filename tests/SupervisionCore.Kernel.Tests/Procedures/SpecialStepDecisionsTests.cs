using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Procedures;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Procedures;

public class SpecialStepDecisionsTests
{
    private static readonly List<RecordedSpecialStep> UptoRectification =
    [
        new(SpecialStep.SiteVisit, D("2025-06-01")),
        new(SpecialStep.PreliminaryOpinion, D("2025-06-05"), D("2025-06-15")),
        new(SpecialStep.Rebuttal, D("2025-06-10")),
        new(SpecialStep.OpinionLetter, D("2025-06-20")),
        new(SpecialStep.RectificationReport, D("2025-07-20")),
    ];

    private static SpecialStepFacts Facts(TaskKind kind, TaskState state, IReadOnlyList<RecordedSpecialStep> recorded, SpecialStep step, string on) =>
        new(kind, state, recorded, step, D(on), null, D("2025-12-31"));

    [Theory]
    [InlineData("a special task records its site visit", TaskKind.Special, TaskState.Drawn, SpecialStep.SiteVisit, "2025-06-01", true, false)]
    [InlineData("a daily task has no special procedure", TaskKind.Daily, TaskState.Drawn, SpecialStep.SiteVisit, "2025-06-01", false, false)]
    [InlineData("a cancelled task records nothing", TaskKind.Special, TaskState.Cancelled, SpecialStep.SiteVisit, "2025-06-01", false, true)]
    [InlineData("skipping the site visit is out of order", TaskKind.Special, TaskState.Drawn, SpecialStep.PreliminaryOpinion, "2025-06-01", false, true)]
    [InlineData("a step in the future is refused on its date", TaskKind.Special, TaskState.Drawn, SpecialStep.SiteVisit, "2026-01-01", false, false)]
    public void Recording_a_step_is_one_decision_naming_the_special_procedure(string name, TaskKind kind, TaskState state, SpecialStep step, string on, bool allowed, bool conflict)
    {
        _ = name;
        var facts = Facts(kind, state, [], step, on);
        var decision = SpecialStepDecisions.Decide(facts);
        decision.Allowed.ShouldBe(allowed);
        if (!allowed)
        {
            decision.Violations.ShouldAllBe(v => v.Rule == "cn.special.procedure");
            SpecialStepDecisions.IsConflict(facts).ShouldBe(conflict);
            return;
        }
        (decision.Transition!.TaskFrom, decision.Transition.TaskTo).ShouldBe((state, state));
    }

    [Fact]
    public void The_closing_step_closes_the_task()
    {
        var decision = SpecialStepDecisions.Decide(Facts(TaskKind.Special, TaskState.InProgress, UptoRectification, SpecialStep.Closed, "2025-07-25"));
        decision.Allowed.ShouldBeTrue();
        (decision.Transition!.Step, decision.Transition.TaskFrom, decision.Transition.TaskTo).ShouldBe((SpecialStep.Closed, TaskState.InProgress, TaskState.Closed));
    }

    [Fact]
    public void The_rebuttal_period_travels_with_the_preliminary_opinion_only()
    {
        var opinion = SpecialStepDecisions.Decide(new SpecialStepFacts(TaskKind.Special, TaskState.Drawn, [new(SpecialStep.SelfReport, D("2025-05-28")), new(SpecialStep.SiteVisit, D("2025-06-01"))],
            SpecialStep.PreliminaryOpinion, D("2025-06-05"), D("2025-06-15"), D("2025-12-31")));
        opinion.Transition!.RebuttalDue.ShouldBe(D("2025-06-15"));
    }
}
