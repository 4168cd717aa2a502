using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>
/// 督导小组人数 (staffing): a special supervision group has at least 3 supervisors ("原则上由3名以上", read as a
/// minimum; <c>cn.special.group-size</c>, CN 第十五条); every other task needs at least one external supervisor
/// (第十三条, 第十四条 name no number). No upper bound nationally. Packs override inside their jurisdiction (BJ 19, 26).
/// </summary>
public sealed class NationalStaffingRule : IStaffingRule
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.SpecialGroupSize;

    /// <inheritdoc />
    public StaffingRequirement? RequirementFor(TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new StaffingRequirement(SupervisorKind.External, task.Kind == TaskKind.Special ? 3 : 1, null);
    }
}

/// <summary>Picks the staffing rule that governs a task: the most specific rule in force that has a requirement for it.</summary>
public static class Staffing
{
    /// <summary>The requirement and the rule that set it.</summary>
    public static (StaffingRequirement Requirement, RuleDescriptor Rule) For(TaskInfo task, IEnumerable<IStaffingRule> packRules)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(packRules);
        var candidates = packRules.Applicable(task.Jurisdiction, task.ActivityDate)
            .OrderByDescending(r => r.Scope.IsNational ? 0 : r.Scope.IsSubJurisdiction ? 2 : 1);
        foreach (var rule in candidates)
            if (rule.RequirementFor(task) is { } requirement) return (requirement, rule.Rule);
        var national = new NationalStaffingRule();
        return (national.RequirementFor(task)!, national.Rule);
    }
}
