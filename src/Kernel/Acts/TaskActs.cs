using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Kernel.Sanctions.Rules;

namespace SupervisionCore.Kernel.Acts;

/// <summary>The facts of setting a supervision task.</summary>
public sealed record TaskCreationFacts
{
    /// <summary>The task as rules see it (kind, jurisdiction, institution, first day, candidate count).</summary>
    public required TaskInfo Task { get; init; }

    /// <summary>The institution's recorded sanctions (CN 18 ladder).</summary>
    public IReadOnlyList<InstitutionSanction> InstitutionSanctions { get; init; } = [];
}

/// <summary>A task allowed: its staffing and its first state.</summary>
/// <param name="Staffing">How many supervisors it needs and allows, and the rule.</param>
/// <param name="State">Planned.</param>
public sealed record TaskPlanned(StaffingFacts Staffing, TaskState State);

/// <summary>
/// 设立督导任务 (task creation decision): the kind exists where the task is set — daily and special everywhere (CN 第十三条),
/// other kinds only where a pack in force provides them (BJ 18/25, YN 10; <c>cn.task.kinds</c>) — and the institution is
/// not disqualified (<c>cn.sanction.institution-ladder</c>, CN 第十八条). The staffing rule is fixed with the task.
/// </summary>
public static class TaskCreationDecision
{
    private static readonly InstitutionSanctionLadderRule Ladder = new();

    /// <summary>The kinds every jurisdiction has (CN 13).</summary>
    public static readonly IReadOnlyCollection<TaskKind> NationalKinds = [TaskKind.Daily, TaskKind.Special];

    /// <summary>The kinds available for a task in <paramref name="task"/>'s jurisdiction on its first day.</summary>
    public static IReadOnlySet<TaskKind> KindsFor(TaskInfo task, IEnumerable<ITaskKindProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(providers);
        return NationalKinds.Concat(providers.Applicable(task.Jurisdiction, task.ActivityDate).SelectMany(p => p.Kinds)).ToHashSet();
    }

    /// <summary>Decides a task.</summary>
    public static Decision<TaskPlanned> Decide(TaskCreationFacts facts, IEnumerable<ITaskKindProvider> kindProviders, IEnumerable<IStaffingRule> staffingRules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var task = facts.Task;
        var violations = new List<Violation>();
        if (!KindsFor(task, kindProviders).Contains(task.Kind))
            violations.Add(NationalRules.TaskKinds.Violated(new(
                $"{task.Jurisdiction}没有“{KindZh(task.Kind)}”这一督导形式：全国为日常督导和专项督导，其他形式须由该地区的政策包规定",
                $"There is no '{KindEn(task.Kind)}' supervision in {task.Jurisdiction}: nationally tasks are daily or special; other kinds come from the region's pack")));
        violations.AddRange(Ladder.CheckNewActivity(facts.InstitutionSanctions, task.ActivityDate).Violations);
        return Decision.When(new RuleOutcome(violations), () => new TaskPlanned(StaffingFacts.Of(task, staffingRules), TaskState.Planned));
    }

    private static string KindZh(TaskKind kind) => kind switch
    {
        TaskKind.Daily => "日常督导",
        TaskKind.Special => "专项督导",
        TaskKind.AfterTheFact => "事后认定资料督导",
        TaskKind.CompetitionInProgress => "竞赛事中监督检查",
        TaskKind.CompetitionAfter => "竞赛事后监督检查",
        TaskKind.AnnualInspection => "年检评估",
        _ => kind.ToString(),
    };

    private static string KindEn(TaskKind kind) => kind switch
    {
        TaskKind.Daily => "daily",
        TaskKind.Special => "special",
        TaskKind.AfterTheFact => "after-the-fact",
        TaskKind.CompetitionInProgress => "competition in progress",
        TaskKind.CompetitionAfter => "competition after",
        TaskKind.AnnualInspection => "annual inspection",
        _ => kind.ToString(),
    };
}
