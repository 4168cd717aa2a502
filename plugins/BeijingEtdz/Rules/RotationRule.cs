using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 轮换制 (rotation): "质量督导员执行轮换制和回避原则". BJ 第九条 (<c>bj.dispatch.rotation</c>), a dispatch constraint.
/// <para>Reading (docs/readings.md, "BJ 9 rotation"): an external supervisor is not dispatched to the same institution
/// twice in a row — the dispatches next to the new one in the order of the activities' dates (the one before it and the
/// one after it, as the kernel's <c>DispatchHistory</c> counts them: accepted or completed) must not be to the same
/// institution when they lie within a year of it (rolling: 2024-06-02 … 2025-06-01 is one year). Two dispatches to one
/// institution more than a year apart are a rotation. Internal supervisors are bound to their own institution (BJ 13), so
/// the rotation of the zone concerns external supervisors.</para>
/// </summary>
public sealed class RotationRule : IDispatchConstraint
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.DispatchRotation;

    /// <inheritdoc />
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = context.Task;
        if (context.Candidate.Kind != SupervisorKind.External) return null;
        var sequence = context.History
            .Where(h => h.Response == DispatchResponse.Accepted && h.TaskId != task.TaskId)
            .Select(h => (Date: h.ActivityDate, Here: h.InstitutionId == task.InstitutionId, New: false))
            .Append((Date: task.ActivityDate, Here: true, New: true))
            .OrderBy(d => d.Date).ThenBy(d => d.New)
            .ToList();
        var at = sequence.FindIndex(d => d.New);
        var before = at > 0 && sequence[at - 1] is { Here: true } b && WithinAYear(b.Date, task.ActivityDate) ? b.Date : (DateOnly?)null;
        var after = at + 1 < sequence.Count && sequence[at + 1] is { Here: true } a && WithinAYear(task.ActivityDate, a.Date) ? a.Date : (DateOnly?)null;
        if ((before ?? after) is not { } neighbour) return null;
        return new DispatchExclusion(context.Candidate.SupervisorId ?? string.Empty, Rule.Violated(new LocalizedText(
            $"轮换制：该外督员{neighbour:yyyy-MM-dd}的委派也在该评价机构，不能连续两次委派至同一机构（一年之内，按活动日期排列）",
            $"Rotation: the external supervisor's dispatch of {neighbour:yyyy-MM-dd} is to the same institution; not twice in a row to one institution within a year (in the order of the activities' dates)")));
    }

    /// <summary>True when <paramref name="last"/> is within a year of <paramref name="first"/> (rolling, as GD 12's window).</summary>
    public static bool WithinAYear(DateOnly first, DateOnly last) => last.AddYears(-1).AddDays(1) <= first;
}
