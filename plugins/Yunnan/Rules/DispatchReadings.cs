using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 年检评估 (annual inspection): "质量督导的形式分为现场督导、专项督导和年检评估" (YN 第十条, <c>yn.task.annual-inspection</c>):
/// the annual inspection is a task kind in Yunnan besides the national daily (on-site) and special supervision.
/// </summary>
public sealed class TaskKindsRule : ITaskKindProvider
{
    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.TaskAnnualInspection;

    /// <inheritdoc />
    public IReadOnlyCollection<TaskKind> Kinds { get; } = [TaskKind.AnnualInspection];
}

/// <summary>
/// 聘任制 (appointment before dispatch): "质量督导人员实行聘任制，聘期一般为3年" (YN 第十八条, <c>yn.dispatch.appointed</c>):
/// in Yunnan a supervisor is assigned only during an appointment — a condition the national text leaves open
/// (CN 8 "也可…聘用").
/// </summary>
public sealed class AppointedRule : AppointmentBeforeDispatchRule
{
    /// <inheritdoc />
    public override string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public override JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public override RuleDescriptor Rule => YunnanRules.DispatchAppointed;
}
