using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch.Rules;

/// <summary>
/// 回避·利害关系 (recusal for conflict): a supervisor with a declared or recorded conflict with the institution is never
/// drawn for it (不能参加可能影响其客观公正督导的工作). CN 第十六条 (<c>cn.recusal.conflict</c>).
/// Reads <see cref="CandidateInfo.ConflictInstitutionIds"/> against <see cref="TaskInfo.InstitutionId"/> (ordinal).
/// </summary>
public sealed class RecusalConflictRule : IDispatchConstraint
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.RecusalConflict;

    /// <summary>Judges a person's conflicts against the supervised institution.</summary>
    public RuleOutcome Check(IEnumerable<string> conflictInstitutionIds, string institutionId)
    {
        ArgumentNullException.ThrowIfNull(conflictInstitutionIds);
        return conflictInstitutionIds.Contains(institutionId, StringComparer.Ordinal)
            ? RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"与评价机构{institutionId}存在利害关系，应当回避",
                $"Has a declared or recorded conflict with institution {institutionId}: must recuse")))
            : RuleOutcome.Pass;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The candidate has no supervisor id (only registered supervisors are in a pool).</exception>
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DispatchScreen.FirstExclusion(context.Candidate, Check(context.Candidate.ConflictInstitutionIds, context.Task.InstitutionId));
    }
}
