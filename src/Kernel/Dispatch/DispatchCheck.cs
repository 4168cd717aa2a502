using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>
/// 委派审查 (national dispatch check) for one candidate of a draw: dispatchable on the activity's first day (CN 8) and
/// no recusal (CN 16), each rule applied when in force on that day. Returns every violation; <see cref="Exclusions"/>
/// gives them as the draw records them (one per violated rule).
/// </summary>
public sealed class DispatchCheck
{
    private readonly DispatchabilityRule _dispatchable = new();
    private readonly RecusalConflictRule _conflict = new();
    private readonly RecusalExaminerRule _examiner = new();

    /// <summary>The national dispatch constraints (recusal), for pools built through <see cref="IDispatchConstraint"/>.</summary>
    public IReadOnlyList<IDispatchConstraint> Constraints => [_conflict, _examiner];

    /// <summary>Judges the candidate of <paramref name="context"/> with <paramref name="standing"/>.</summary>
    public RuleOutcome Check(DispatchStanding standing, DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(context);
        var day = context.Task.ActivityDate;
        var outcomes = new List<RuleOutcome>();
        if (_dispatchable.Rule.IsInForceOn(day)) outcomes.Add(_dispatchable.Check(standing, day));
        if (_conflict.Rule.IsInForceOn(day)) outcomes.Add(_conflict.Check(context.Candidate.ConflictInstitutionIds, context.Task.InstitutionId));
        if (_examiner.Rule.IsInForceOn(day)) outcomes.Add(_examiner.Check(context.Candidate.ExaminerActivityIds, context.Task.ActivityId));
        return RuleOutcome.All(outcomes);
    }

    /// <summary>The candidate's exclusions from the pool, one per violation (empty: the candidate stays in the pool).</summary>
    /// <exception cref="ArgumentException">The candidate has no supervisor id.</exception>
    public IReadOnlyList<DispatchExclusion> Exclusions(DispatchStanding standing, DispatchContext context)
    {
        var outcome = Check(standing, context);
        var id = SupervisorIdOf(context.Candidate);
        return outcome.Violations.Select(v => new DispatchExclusion(id, v)).ToList();
    }

    internal static DispatchExclusion? FirstExclusion(CandidateInfo candidate, RuleOutcome outcome) =>
        outcome.Passed ? null : new DispatchExclusion(SupervisorIdOf(candidate), outcome.Violations[0]);

    private static string SupervisorIdOf(CandidateInfo candidate) =>
        candidate.SupervisorId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("A dispatch candidate needs a supervisor id.", nameof(candidate));
}
