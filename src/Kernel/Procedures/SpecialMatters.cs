using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Procedures;

/// <summary>A task's kind and its 督导事项 (matters to supervise), as the acts that form its group see them.</summary>
/// <param name="Kind">The task's kind (the rule binds special tasks).</param>
/// <param name="Items">The matters, as recorded (blank entries do not count).</param>
public sealed record TaskMatters(TaskKind Kind, IReadOnlyList<string> Items)
{
    /// <summary>The matters that count: non-blank entries.</summary>
    public int Count => Items.Count(i => !string.IsNullOrWhiteSpace(i));
}

/// <summary>
/// 督导事项 (matters of a special task), CN 第十五条 "督导前，应当明确督导事项，成立督导小组" (<c>cn.special.matters</c>; GD
/// 第十八条 likewise). Reading (docs/readings.md): the matters come first, then the group — so a draw or an assignment
/// (manual, external or internal) for a special task is refused while the task has no matter, and the matters may be
/// set or changed only until the group is formed (no live assignment on the task). Daily and other tasks may list
/// matters but are not bound by this rule.
/// </summary>
public sealed class SpecialMattersRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.SpecialMatters;

    /// <summary>Judges forming (or adding to) the group of a task with <paramref name="matters"/>: passed unless a special task has none.</summary>
    public RuleOutcome CheckGroup(TaskMatters matters)
    {
        ArgumentNullException.ThrowIfNull(matters);
        if (matters.Kind != TaskKind.Special || matters.Count > 0) return RuleOutcome.Pass;
        return RuleOutcome.Fail(Rule.Violated(new(
            "专项督导任务尚未明确督导事项：须先明确督导事项，再抽取或委派督导员成立督导小组",
            "the special task has no matters yet: its matters are fixed before supervisors are drawn or assigned to form the group")));
    }
}

/// <summary>The facts of fixing (setting or changing) a special task's matters.</summary>
/// <param name="Kind">The task's kind.</param>
/// <param name="Task">The task's state.</param>
/// <param name="LiveAssignments">Live assignments (invited, accepted, completed) on the task: the group, once formed.</param>
/// <param name="Matters">The matters proposed.</param>
public sealed record MattersFacts(TaskKind Kind, TaskState Task, int LiveAssignments, IReadOnlyList<string> Matters);

/// <summary>Matters fixed: the list kept (trimmed, blank entries and repeats dropped, in the order given).</summary>
/// <param name="Matters">The matters.</param>
public sealed record MattersFixed(IReadOnlyList<string> Matters);

/// <summary>
/// 明确督导事项 (fixing the matters of a special task), CN 第十五条 (<c>cn.special.matters</c>): a special task that is not
/// closed or cancelled, no group formed yet, and at least one matter.
/// </summary>
public static class SpecialMattersDecision
{
    private static readonly SpecialMattersRule Rule = new();

    /// <summary>Decides fixing <see cref="MattersFacts.Matters"/>.</summary>
    public static Decision<MattersFixed> Decide(MattersFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var kept = facts.Matters.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var violations = new List<Violation>();
        if (facts.Kind != TaskKind.Special)
            violations.Add(Rule.Rule.Violated(new("督导事项的确定程序只适用于专项督导任务（日常督导任务在设立时列明事项）", "fixing matters applies to special tasks (a daily task lists its matters when it is set)")));
        else if (facts.Task is TaskState.Closed or TaskState.Cancelled)
            violations.Add(Rule.Rule.Violated(new("任务已结束或取消", "the task is closed or cancelled")));
        else if (facts.LiveAssignments > 0)
            violations.Add(Rule.Rule.Violated(new(
                $"督导小组已成立（{facts.LiveAssignments}名督导员已委派），督导事项应在成立督导小组前明确，不再变更",
                $"the group is formed ({facts.LiveAssignments} supervisor(s) assigned): matters are fixed before the group is formed and no longer change")));
        if (facts.Kind == TaskKind.Special && kept.Count == 0)
            violations.Add(Rule.Rule.Violated(new("专项督导须明确至少一项督导事项", "a special task needs at least one matter")));
        return Decision.When(new RuleOutcome(violations), () => new MattersFixed(kept));
    }

    /// <summary>True when a refusal is a conflict with the task's state (HTTP 409: closed, cancelled, group formed), not its content (422).</summary>
    public static bool IsConflict(MattersFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Kind == TaskKind.Special && (facts.Task is TaskState.Closed or TaskState.Cancelled || facts.LiveAssignments > 0);
    }
}
