using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 督导形式 (task kinds BJ adds): "质量督导分为现场督导、事后认定资料督导等形式" (BJ 第十八条) and "竞赛监督检查分为事中监督检查和事后监督检查"
/// (第二十五条), <c>bj.task.kinds</c>: after-the-fact review and the two competition checks, besides the national daily
/// (on-site) and special supervision.
/// </summary>
public sealed class TaskKindsRule : ITaskKindProvider
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.TaskKinds;

    /// <inheritdoc />
    public IReadOnlyCollection<TaskKind> Kinds { get; } = [TaskKind.AfterTheFact, TaskKind.CompetitionInProgress, TaskKind.CompetitionAfter];
}

/// <summary>
/// 聘任制 (appointment before dispatch): "质量督导员实行聘任制" (BJ 第十一条), "聘期为3年，聘期届满自动解聘" (第十四条),
/// <c>bj.dispatch.appointed</c>: in the zone a supervisor is dispatched only during an appointment — a condition the
/// national text leaves open (CN 8 "也可…聘用").
/// </summary>
public sealed class AppointedRule : AppointmentBeforeDispatchRule
{
    /// <inheritdoc />
    public override string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public override JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public override RuleDescriptor Rule => BeijingEtdzRules.DispatchAppointed;
}
