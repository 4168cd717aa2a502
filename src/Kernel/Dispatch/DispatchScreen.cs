using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>
/// 委派审查 (dispatch screen) of one task: every rule that can keep a supervisor from being dispatched to it, chosen once —
/// the national recusal constraints (CN 16), the packs' dispatch constraints (GD 12 cap, BJ 13 card scope, …) and every
/// eligibility rule declared for <see cref="EligibilityStages.Dispatch"/> (BJ 10 age, BJ 11/YN 18 appointment), each
/// applied where its scope contains the task's jurisdiction and in force on the activity's first day. Draw pools,
/// substitutes, manual assignments and acceptances all judge a candidate with <see cref="Exclusions"/>.
/// </summary>
public sealed class DispatchScreen
{
    private readonly IDispatchConstraint[] _constraints;
    private readonly IEligibilityRule[] _eligibility;

    /// <summary>The screen of <paramref name="task"/> with the packs' constraints and eligibility rules (any scope; filtered here).</summary>
    public DispatchScreen(TaskInfo task, IEnumerable<IDispatchConstraint> packConstraints, IEnumerable<IEligibilityRule> eligibilityRules)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(packConstraints);
        ArgumentNullException.ThrowIfNull(eligibilityRules);
        Task = task;
        IDispatchConstraint[] national = [new RecusalConflictRule(), new RecusalExaminerRule()];
        _constraints = [.. national.Concat(packConstraints).Applicable(task.Jurisdiction, task.ActivityDate)];
        _eligibility = [.. eligibilityRules.Applicable(task.Jurisdiction, task.ActivityDate).Where(r => r.Stages.HasFlag(EligibilityStages.Dispatch))];
    }

    /// <summary>The task screened.</summary>
    public TaskInfo Task { get; }

    /// <summary>True when a rule reads dispatch history (a pack constraint), so the caller must load it.</summary>
    public bool NeedsHistory => _constraints.Any(c => c.PackId != NationalRules.PackId);

    /// <summary>The rules applied (ids), for the record of a draw.</summary>
    public IEnumerable<string> RuleIds => _constraints.Select(c => c.Rule.Id).Concat(_eligibility.Select(e => e.Rule.Id)).Distinct();

    /// <summary>
    /// Every violation that keeps <paramref name="candidate"/> from this task (empty: nothing does). Allocates nothing for
    /// a candidate who passes (a draw's pool can hold 100,000 people).
    /// </summary>
    public IReadOnlyList<Violation> Exclusions(CandidateInfo candidate, IReadOnlyList<DispatchHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(history);
        List<Violation>? violations = null;
        var context = new DispatchContext(candidate, Task, history);
        foreach (var constraint in _constraints)
            if (constraint.Evaluate(context) is { } exclusion) (violations ??= []).Add(exclusion.Violation);
        if (_eligibility.Length > 0)
        {
            var eligibility = new EligibilityContext(candidate, EligibilityStages.Dispatch, Task.ActivityDate, Task);
            foreach (var rule in _eligibility)
            {
                var outcome = rule.Check(eligibility);
                if (!outcome.Passed) (violations ??= []).AddRange(outcome.Violations);
            }
        }
        return violations is null ? Array.Empty<Violation>() : violations;
    }

    /// <exception cref="ArgumentException">The candidate excluded has no supervisor id.</exception>
    internal static DispatchExclusion? FirstExclusion(CandidateInfo candidate, RuleOutcome outcome) =>
        outcome.Passed ? null : new DispatchExclusion(
            candidate.SupervisorId is { Length: > 0 } id ? id : throw new ArgumentException("A dispatch candidate needs a supervisor id.", nameof(candidate)),
            outcome.Violations[0]);
}
