using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>The facts a dispatch constraint judges for one candidate of a draw.</summary>
/// <param name="Candidate">The card holder in the pool.</param>
/// <param name="Task">The task being staffed; <see cref="TaskInfo.ActivityDate"/> is the date of the act.</param>
/// <param name="History">The candidate's earlier dispatches and refusals, any order (rules sort by date).</param>
public sealed record DispatchContext(CandidateInfo Candidate, TaskInfo Task, IReadOnlyList<DispatchHistoryEntry> History);

/// <summary>A candidate removed from a draw's pool, with the rule that removed them (recorded in the draw).</summary>
/// <param name="SupervisorId">The candidate.</param>
/// <param name="Violation">The rule id, citation and reason.</param>
public sealed record DispatchExclusion(string SupervisorId, Violation Violation)
{
    /// <summary>The rule id (<c>gd.dispatch.consecutive-cap</c>).</summary>
    public string RuleId => Violation.Rule;
}

/// <summary>
/// 委派限制 (dispatch constraint): excludes a candidate from the pool of a draw for a task (GD consecutive-dispatch
/// cap, BJ internal-card scope, YN refusal limit, CN recusal). Applied before the random draw, so the draw's record
/// lists every exclusion with its rule id.
/// </summary>
public interface IDispatchConstraint : IRuleExtension
{
    /// <summary>The exclusion of the candidate, or null when this rule does not exclude them.</summary>
    DispatchExclusion? Evaluate(DispatchContext context);
}
