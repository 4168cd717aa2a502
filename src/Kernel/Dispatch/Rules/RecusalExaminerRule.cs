using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch.Rules;

/// <summary>
/// 不兼任考评 (no examiner role): a supervisor may not be an examiner in the same activity (不能兼任同场次考评工作).
/// CN 第十六条 (<c>cn.recusal.examiner</c>). Reads <see cref="CandidateInfo.ExaminerActivityIds"/> against
/// <see cref="TaskInfo.ActivityId"/>; a task without an activity (about an institution as a whole) has no examiners.
/// </summary>
public sealed class RecusalExaminerRule : IDispatchConstraint
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.RecusalExaminer;

    /// <summary>Judges a person's examiner roles against the supervised activity.</summary>
    public RuleOutcome Check(IEnumerable<string> examinerActivityIds, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(examinerActivityIds);
        return activityId is not null && examinerActivityIds.Contains(activityId, StringComparer.Ordinal)
            ? RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"在评价活动{activityId}中担任考评人员，不能兼任该场次质量督导",
                $"Is an examiner in activity {activityId}: cannot supervise the same activity")))
            : RuleOutcome.Pass;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The candidate has no supervisor id (only registered supervisors are in a pool).</exception>
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DispatchScreen.FirstExclusion(context.Candidate, Check(context.Candidate.ExaminerActivityIds, context.Task.ActivityId));
    }
}
