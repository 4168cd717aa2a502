using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Procedures.Rules;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Procedures;

/// <summary>Everything recording a step of the special procedure is decided on, loaded by the Host in one place.</summary>
/// <param name="TaskKind">The task's kind (the procedure applies to special tasks only).</param>
/// <param name="Task">The task's state now.</param>
/// <param name="Recorded">The steps already recorded.</param>
/// <param name="Step">The step to record.</param>
/// <param name="On">The day it happened (China time).</param>
/// <param name="RebuttalDue">With the preliminary opinion: the last day of the rebuttal period.</param>
/// <param name="Today">Today (China time).</param>
public sealed record SpecialStepFacts(
    TaskKind TaskKind, TaskState Task, IReadOnlyList<RecordedSpecialStep> Recorded, SpecialStep Step, DateOnly On, DateOnly? RebuttalDue, DateOnly Today);

/// <summary>What recording the step changes: the step is kept; the last step closes the task.</summary>
/// <param name="Step">The step recorded.</param>
/// <param name="On">Its day.</param>
/// <param name="RebuttalDue">The rebuttal period's last day (preliminary opinion only).</param>
/// <param name="TaskFrom">The task's state before.</param>
/// <param name="TaskTo">After: <see cref="TaskState.Closed"/> for the closing step, otherwise unchanged.</param>
public sealed record SpecialStepRecorded(SpecialStep Step, DateOnly On, DateOnly? RebuttalDue, TaskState TaskFrom, TaskState TaskTo);

/// <summary>
/// 专项督导程序 (special procedure), CN 第十五条 (<c>cn.special.procedure</c>): one decision for recording a step — the task
/// must be a special task that is not cancelled, and the step must follow the legal order and dates
/// (<see cref="SpecialProcedureRule"/>). Every refusal names the rule.
/// </summary>
public static class SpecialStepDecisions
{
    private static readonly SpecialProcedureRule Rule = new();

    /// <summary>Decides recording <see cref="SpecialStepFacts.Step"/>.</summary>
    public static Decision<SpecialStepRecorded> Decide(SpecialStepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.TaskKind != TaskKind.Special)
        {
            var kind = TaskKindText(facts.TaskKind);
            return Decision.Refuse<SpecialStepRecorded>(RuleOutcome.Fail(NationalRules.SpecialProcedure.Violated(new(
                $"该任务为“{kind}”任务，专项督导程序只适用于专项督导任务", $"the task is '{kind}': the special procedure applies to special tasks only"))));
        }
        if (facts.Task == TaskState.Cancelled)
            return Decision.Refuse<SpecialStepRecorded>(RuleOutcome.Fail(NationalRules.SpecialProcedure.Violated(new("任务已取消", "the task is cancelled"))));
        var check = Rule.Check(facts.Recorded, facts.Step, facts.On, facts.RebuttalDue, facts.Today);
        return Decision.When(check.Outcome, () => new SpecialStepRecorded(facts.Step, facts.On, facts.Step == SpecialStep.PreliminaryOpinion ? facts.RebuttalDue : null,
            facts.Task, facts.Step == SpecialStep.Closed ? TaskState.Closed : facts.Task));
    }

    /// <summary>
    /// True when a refusal is a conflict with the procedure's state (HTTP 409: the task is cancelled, or the step is out of
    /// order — skipped, repeated, after the end), false when it is the step's own content (HTTP 422: dates, wrong task kind).
    /// </summary>
    public static bool IsConflict(SpecialStepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.TaskKind != TaskKind.Special) return false;
        if (facts.Task == TaskState.Cancelled) return true;
        return Rule.Check(facts.Recorded, facts.Step, facts.On, facts.RebuttalDue, facts.Today).OutOfOrder;
    }

    private static string TaskKindText(TaskKind kind) => kind switch
    {
        TaskKind.Daily => "daily",
        TaskKind.Special => "special",
        TaskKind.AfterTheFact => "after-the-fact",
        TaskKind.CompetitionInProgress => "competition-in-progress",
        TaskKind.CompetitionAfter => "competition-after",
        TaskKind.AnnualInspection => "annual-inspection",
        _ => kind.ToString(),
    };
}
