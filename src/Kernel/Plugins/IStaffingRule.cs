using SupervisionCore.Kernel.Registry;
namespace SupervisionCore.Kernel.Plugins;

/// <summary>How many supervisors of a kind a task needs and allows.</summary>
/// <param name="Kind">Which supervisors are counted.</param>
/// <param name="Required">At least this many.</param>
/// <param name="Allowed">At most this many; null when more may be added freely.</param>
public sealed record StaffingRequirement(SupervisorKind Kind, int Required, int? Allowed)
{
    /// <summary>True when <paramref name="count"/> supervisors satisfy the requirement.</summary>
    public bool IsSatisfiedBy(int count) => count >= Required && (Allowed is null || count <= Allowed);
}

/// <summary>
/// 委派人数 (staffing rule): how many supervisors a task needs/allows (CN 15 special group ≥ 3, BJ 19/26 two
/// external supervisors, more only above 200 candidates).
/// </summary>
public interface IStaffingRule : IRuleExtension
{
    /// <summary>The requirement for <paramref name="task"/>, or null when the rule does not govern this kind of task.</summary>
    StaffingRequirement? RequirementFor(TaskInfo task);
}
