using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 不得兼任 (dual role): "外督不得兼任同场次内督或考评工作". GD 第十二条 (<c>gd.recusal.dual-role</c>).
/// <para>Reading: the session (场次) is the task's evaluation activity. An external candidate who examines in it
/// (<see cref="CandidateInfo.ExaminerActivityIds"/>) or is assigned as its internal supervisor
/// (<see cref="CandidateInfo.InternalSupervisorActivityIds"/>) is excluded from the draw. A task about an institution
/// as a whole (no activity) has no session, so nothing is excluded. The national examiner recusal
/// (<c>cn.recusal.examiner</c>) also fires for examiners; this rule adds the internal-supervisor role and GD's citation.</para>
/// </summary>
public sealed class DualRoleRule : IDispatchConstraint
{
    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.RecusalDualRole;

    /// <inheritdoc />
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (candidate, task) = (context.Candidate, context.Task);
        if (candidate.Kind != SupervisorKind.External || task.ActivityId is not { } activity) return null;
        var examiner = candidate.ExaminerActivityIds.Contains(activity, StringComparer.Ordinal);
        var internalSupervisor = candidate.InternalSupervisorActivityIds.Contains(activity, StringComparer.Ordinal);
        if (!examiner && !internalSupervisor) return null;
        var (zh, en) = (examiner, internalSupervisor) switch
        {
            (true, true) => ("考评人员和内督", "an examiner and the internal supervisor"),
            (true, false) => ("考评人员", "an examiner"),
            _ => ("内督", "the internal supervisor"),
        };
        return new DispatchExclusion(candidate.SupervisorId ?? string.Empty, Rule.Violated(new LocalizedText(
            $"该外督担任同场次评价活动的{zh}，不得兼任外督",
            $"The external supervisor is {en} of the same session and may not supervise it externally")));
    }
}
