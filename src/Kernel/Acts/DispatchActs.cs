using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Acts;

/// <summary>One supervisor as a dispatch to a task judges them: the role asked for, the person, their standing and history.</summary>
public sealed record DispatchFacts
{
    /// <summary>外督 or 内督: the role the assignment gives.</summary>
    public required SupervisorKind Role { get; init; }

    /// <summary>The person, with the task-specific facts (conflicts with the institution, examiner or internal supervisor of the activity).</summary>
    public required CandidateInfo Candidate { get; init; }

    /// <summary>Card, terms and sanctions.</summary>
    public required DispatchStanding Standing { get; init; }

    /// <summary>Earlier dispatches and refusals (<see cref="DispatchHistory"/>).</summary>
    public IReadOnlyList<DispatchHistoryEntry> History { get; init; } = [];
}

/// <summary>
/// 委派 (dispatch judgement): whether one supervisor may be dispatched to a task in a role — the same judgement for a draw's
/// substitute, a manual assignment (external or internal) and an acceptance. CN 第四条 (role), 第八条 (card holder, not
/// suspended/revoked/dismissed/barred), 第十六条 (recusal), and every pack constraint and dispatch-stage eligibility rule of
/// the task's <see cref="DispatchScreen"/>. Internal supervisors get every check an external one gets (CN 16 binds all
/// supervisors).
/// </summary>
public static class DispatchJudgement
{
    private static readonly DispatchabilityRule Dispatchable = new();

    /// <summary>Every reason <paramref name="facts"/>' supervisor may not be dispatched to the screen's task (passed: none).</summary>
    public static RuleOutcome Judge(DispatchScreen screen, DispatchFacts facts)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(facts);
        var task = screen.Task;
        var day = task.ActivityDate;
        var violations = new List<Violation>();
        var candidate = facts.Candidate;
        if (facts.Role == SupervisorKind.External && candidate.Kind != SupervisorKind.External)
            violations.Add(NationalRules.SupervisorKinds.Violated(new("只能委派外部督导员担任外督", "Only an external supervisor can be assigned as external")));
        if (facts.Role == SupervisorKind.Internal
            && (candidate.Kind != SupervisorKind.Internal || !string.Equals(candidate.InstitutionId, task.InstitutionId, StringComparison.Ordinal)))
            violations.Add(NationalRules.SupervisorKinds.Violated(new(
                "内部督导员须为该任务所属评价机构的内部督导员", "An internal supervisor must be an internal supervisor of the task's institution")));
        if (Dispatchable.Rule.IsInForceOn(day)) violations.AddRange(Dispatchable.Check(facts.Standing, day).Violations);
        var judged = candidate.Appointed is null ? candidate with { Appointed = facts.Standing.IsAppointedOn(day) } : candidate;
        violations.AddRange(screen.Exclusions(judged, facts.History));
        return new RuleOutcome(violations);
    }
}

/// <summary>How many supervisors a task needs and allows, with the rule that says so (<see cref="Staffing.For"/>).</summary>
/// <param name="Requirement">Required and allowed counts of one kind.</param>
/// <param name="Rule">The governing staffing rule (CN 15, BJ 19, BJ 26).</param>
public sealed record StaffingFacts(StaffingRequirement Requirement, RuleDescriptor Rule)
{
    /// <summary>The staffing of <paramref name="task"/> (its candidate count set) under the packs' rules.</summary>
    public static StaffingFacts Of(TaskInfo task, IEnumerable<IStaffingRule> packRules)
    {
        var (requirement, rule) = Staffing.For(task, packRules);
        return new(requirement, rule);
    }

    /// <summary>The violation when <paramref name="total"/> supervisors of the requirement's kind fall short of it, or null.</summary>
    public Violation? TooFew(int total, string zhAct, string enAct) => total >= Requirement.Required ? null : Rule.Violated(new(
        $"{zhAct}：任务至少需要{Requirement.Required}名{KindZh}，此时只有{total}名",
        $"{enAct}: the task needs at least {Requirement.Required} {KindEn} supervisor(s); it would have {total}"));

    /// <summary>The violation when <paramref name="total"/> supervisors of the requirement's kind exceed it, or null.</summary>
    public Violation? TooMany(int total, string zhAct, string enAct) => Requirement.Allowed is not { } allowed || total <= allowed ? null : Rule.Violated(new(
        $"{zhAct}：任务至多委派{allowed}名{KindZh}，此时将有{total}名",
        $"{enAct}: the task allows at most {allowed} {KindEn} supervisor(s); it would have {total}"));

    private string KindZh => Requirement.Kind == SupervisorKind.External ? "外部督导员" : "内部督导员";

    private string KindEn => Requirement.Kind == SupervisorKind.External ? "external" : "internal";
}

/// <summary>The facts of a supervisor draw for a task (双随机's second random).</summary>
public sealed record DrawFacts
{
    /// <summary>The task's state.</summary>
    public required TaskState TaskState { get; init; }

    /// <summary>How many the task needs and allows.</summary>
    public required StaffingFacts Staffing { get; init; }

    /// <summary>The count asked for, or null for the task's need.</summary>
    public int? RequestedCount { get; init; }

    /// <summary>Live assignments of the staffing kind on the task that the draw keeps (manual ones; not the draw it replaces).</summary>
    public int KeptAssignments { get; init; }

    /// <summary>Candidates left in the pool after exclusions.</summary>
    public required int PoolSize { get; init; }

    /// <summary>Candidates excluded by a rule.</summary>
    public int Excluded { get; init; }

    /// <summary>The seed commitment announced before the draw (事先公布), or null.</summary>
    public string? AnnouncedCommitment { get; init; }

    /// <summary>The seed revealed for the draw, or null when none was given.</summary>
    public string? Seed { get; init; }

    /// <summary>The task's kind and matters (a special task's group is formed only once its matters are fixed, <c>cn.special.matters</c>).</summary>
    public required TaskMatters Matters { get; init; }
}

/// <summary>A draw allowed: how many to select, and the task's next state.</summary>
/// <param name="Count">Supervisors selected (invited in rank order).</param>
/// <param name="TaskState">The task's state after the draw.</param>
public sealed record DrawAllowed(int Count, TaskState TaskState);

/// <summary>
/// 抽取 (draw decision): a draw is allowed when its count keeps the task's staffing inside the staffing rule (an explicit
/// count below the minimum or above the maximum names the rule: CN 15 special group, BJ 19, BJ 26), the pool holds that
/// many, a seed announced by commitment is the one revealed (<c>cn.dispatch.random</c>, CN 第八条), and a special task's
/// matters are fixed (<c>cn.special.matters</c>, CN 第十五条).
/// </summary>
public static class DrawDecision
{
    private static readonly SpecialMattersRule MattersRule = new();

    /// <summary>Decides a draw.</summary>
    public static Decision<DrawAllowed> Decide(DrawFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var staffing = facts.Staffing;
        var count = facts.RequestedCount ?? Math.Max(staffing.Requirement.Required - facts.KeptAssignments, 1);
        var violations = new List<Violation>();
        if (SeedReveal.Mismatch(NationalRules.DispatchRandom, facts.AnnouncedCommitment, facts.Seed) is { } mismatch) violations.Add(mismatch);
        violations.AddRange(MattersRule.CheckGroup(facts.Matters).Violations);
        var total = facts.KeptAssignments + count;
        if (staffing.TooFew(total, $"抽取{count}名", $"drawing {count}") is { } few) violations.Add(few);
        if (staffing.TooMany(total, $"抽取{count}名", $"drawing {count}") is { } many) violations.Add(many);
        if (facts.PoolSize < count)
            violations.Add(staffing.Rule.Violated(new(
                $"可委派的督导员只有 {facts.PoolSize} 名（排除 {facts.Excluded} 名），任务需要 {count} 名",
                $"Only {facts.PoolSize} dispatchable supervisors ({facts.Excluded} excluded) for the {count} the task needs")));
        var next = facts.TaskState == TaskState.Planned ? TaskState.Drawn : facts.TaskState;
        return Decision.When(new RuleOutcome(violations), () => new DrawAllowed(count, next));
    }
}

/// <summary>
/// 种子承诺 (seed commitment): a draw announced with the commitment of its seed (事先公布) must be run with the seed whose
/// commitment it is, so nobody can choose the seed after seeing the pool.
/// </summary>
public static class SeedReveal
{
    /// <summary>The violation of <paramref name="rule"/> when <paramref name="seed"/> does not open <paramref name="commitment"/>, or null.</summary>
    public static Violation? Mismatch(RuleDescriptor rule, string? commitment, string? seed)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (commitment is null || (seed is not null && VerifiableDraw.CommitmentOf(seed) == commitment)) return null;
        return rule.Violated(new("公开的种子与事先公布的承诺值不符", "The revealed seed does not match the announced commitment"));
    }
}

/// <summary>The facts of drawing institutions or activities to inspect (双随机's first random).</summary>
/// <param name="Population">Institutions or activities matching the filter.</param>
/// <param name="Count">Explicit sample size, or null.</param>
/// <param name="Ratio">Sample ratio, or null.</param>
/// <param name="AnnouncedCommitment">The announced seed commitment, or null.</param>
/// <param name="Seed">The seed revealed.</param>
public sealed record InspectionDrawFacts(int Population, int? Count, decimal? Ratio, string? AnnouncedCommitment, string Seed);

/// <summary>An inspection draw allowed: how many to select.</summary>
/// <param name="Size">The sample size.</param>
public sealed record InspectionSampleAllowed(int Size);

/// <summary>
/// 抽取检查对象 (inspection draw decision): a non-empty population and the announced seed (<c>cn.task.double-random</c>,
/// CN 第十四条、第十五条); the sample size by <see cref="InspectionSample.SizeOf"/>.
/// </summary>
public static class InspectionDrawDecision
{
    /// <summary>Decides an inspection draw.</summary>
    public static Decision<InspectionSampleAllowed> Decide(InspectionDrawFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var violations = new List<Violation>();
        if (SeedReveal.Mismatch(NationalRules.TaskDoubleRandom, facts.AnnouncedCommitment, facts.Seed) is { } mismatch) violations.Add(mismatch);
        if (facts.Population == 0)
            violations.Add(NationalRules.TaskDoubleRandom.Violated(new("符合条件的检查对象为空，无法抽取", "No institution or activity matches the filter: nothing to draw from")));
        return Decision.When(new RuleOutcome(violations), () => new InspectionSampleAllowed(InspectionSample.SizeOf(facts.Population, facts.Count, facts.Ratio)));
    }
}

/// <summary>The facts of a manual assignment (直接委派) of one supervisor to a task.</summary>
public sealed record ManualAssignmentFacts
{
    /// <summary>The supervisor judged.</summary>
    public required DispatchFacts Dispatch { get; init; }

    /// <summary>How many the task needs and allows.</summary>
    public required StaffingFacts Staffing { get; init; }

    /// <summary>Live assignments (invited, accepted, completed) of the staffing kind already on the task.</summary>
    public int LiveAssignments { get; init; }

    /// <summary>The task's kind and matters (<c>cn.special.matters</c>: no assignment to a special task before its matters are fixed).</summary>
    public required TaskMatters Matters { get; init; }
}

/// <summary>An assignment allowed: the role and the state it starts in.</summary>
/// <param name="Role">外督 or 内督.</param>
/// <param name="State">Always <see cref="AssignmentState.Invited"/>: the supervisor answers.</param>
public sealed record AssignmentMade(SupervisorKind Role, AssignmentState State);

/// <summary>
/// 直接委派 (manual assignment decision): the supervisor passes the dispatch judgement for the role (external and internal
/// alike), one more of the staffing kind stays within the staffing rule's maximum, and a special task's matters are fixed
/// (<c>cn.special.matters</c>, CN 第十五条).
/// </summary>
public static class ManualAssignmentDecision
{
    private static readonly SpecialMattersRule MattersRule = new();

    /// <summary>Decides a manual assignment.</summary>
    public static Decision<AssignmentMade> Decide(DispatchScreen screen, ManualAssignmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(facts);
        var violations = new List<Violation>(DispatchJudgement.Judge(screen, facts.Dispatch).Violations);
        violations.AddRange(MattersRule.CheckGroup(facts.Matters).Violations);
        if (facts.Dispatch.Role == facts.Staffing.Requirement.Kind
            && facts.Staffing.TooMany(facts.LiveAssignments + 1, "再委派1名", "assigning one more") is { } many)
            violations.Add(many);
        return Decision.When(new RuleOutcome(violations), () => new AssignmentMade(facts.Dispatch.Role, AssignmentState.Invited));
    }
}

/// <summary>The facts of a supervisor's answer to an invitation.</summary>
public sealed record AnswerFacts
{
    /// <summary>Accepted or refused.</summary>
    public required DispatchResponse Response { get; init; }

    /// <summary>The task's state before the answer.</summary>
    public required TaskState TaskState { get; init; }

    /// <summary>The supervisor judged again for an acceptance (the dispatch happens now); unused for a refusal.</summary>
    public required DispatchFacts Dispatch { get; init; }

    /// <summary>The answer as the packs' answer rules read it (jurisdiction of the supervisor, day, earlier answers).</summary>
    public required DispatchAnswer Answer { get; init; }
}

/// <summary>An answer allowed: the assignment's and the task's next states, and what the packs' answer rules decide.</summary>
/// <param name="State">Accepted or refused.</param>
/// <param name="TaskState">The task's state after the answer.</param>
/// <param name="Consequences">Pack decisions (YN 19: revoke the qualification after the third refusal in a row).</param>
public sealed record AnswerGiven(AssignmentState State, TaskState TaskState, IReadOnlyList<LifecycleDecision> Consequences);

/// <summary>
/// 接受/拒绝委派 (answer decision): an acceptance is the dispatch itself, so the supervisor is judged again as on every other
/// path (a sanction, a lapsed card or a cap reached since the invitation refuses it); the first acceptance starts the
/// task. A refusal is always allowed and passes the answer to the packs' lifecycle rules in force where the supervisor is
/// (<see cref="ILifecycleRule.OnAnswer"/>).
/// </summary>
public static class AnswerDecision
{
    /// <summary>Decides an answer.</summary>
    public static Decision<AnswerGiven> Decide(DispatchScreen screen, AnswerFacts facts, IEnumerable<ILifecycleRule> answerRules)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(answerRules);
        if (facts.Response == DispatchResponse.Accepted)
        {
            var judged = DispatchJudgement.Judge(screen, facts.Dispatch);
            var next = facts.TaskState is TaskState.Planned or TaskState.Drawn ? TaskState.InProgress : facts.TaskState;
            return Decision.When(judged, () => new AnswerGiven(AssignmentState.Accepted, next, []));
        }
        var consequences = answerRules.Applicable(facts.Answer.Jurisdiction, facts.Answer.On)
            .Select(r => r.OnAnswer(facts.Answer)).OfType<LifecycleDecision>().ToList();
        return Decision.Allow(new AnswerGiven(AssignmentState.Refused, facts.TaskState, consequences));
    }
}

/// <summary>One assignment of a task as closure sees it.</summary>
/// <param name="Id">The assignment.</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Role">外督 or 内督.</param>
/// <param name="State">Its state.</param>
/// <param name="RecordFiled">True when its record (督导记录) is filed.</param>
public sealed record AssignmentOnTask(string Id, string SupervisorId, SupervisorKind Role, AssignmentState State, bool RecordFiled);

/// <summary>The facts of closing a task.</summary>
public sealed record ClosureFacts
{
    /// <summary>The task's assignments (any state).</summary>
    public required IReadOnlyList<AssignmentOnTask> Assignments { get; init; }

    /// <summary>How many the task needs.</summary>
    public required StaffingFacts Staffing { get; init; }

    /// <summary>What the packs' coverage rules flag over the task's activity (GD 13, YN 12), already judged by them.</summary>
    public IReadOnlyList<Violation> CoverageFlags { get; init; } = [];
}

/// <summary>A closure allowed: the assignments it completes and the invitations it withdraws.</summary>
/// <param name="Completed">Accepted assignments with a filed record (→ completed).</param>
/// <param name="Withdrawn">Invitations never answered (→ replaced; no dispatch).</param>
/// <param name="TaskState">Closed.</param>
public sealed record TaskClosed(IReadOnlyList<string> Completed, IReadOnlyList<string> Withdrawn, TaskState TaskState);

/// <summary>
/// 结束任务 (closure decision): every accepted external supervisor filed a record (<c>cn.report.required</c>, CN 第十条),
/// enough supervisors of the staffing kind were dispatched (the staffing rule: CN 15 group of 3, BJ 19, BJ 26), and the
/// packs' coverage rules are met.
/// </summary>
public static class ClosureDecision
{
    /// <summary>Decides a closure (the task must be in progress; the caller answers 409 otherwise).</summary>
    public static Decision<TaskClosed> Decide(ClosureFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var dispatched = facts.Assignments.Where(a => a.State.IsDispatched()).ToList();
        var violations = dispatched.Where(a => a.Role == SupervisorKind.External && !a.RecordFiled)
            .Select(a => NationalRules.ReportRequired.Violated(new(
                $"督导员 {a.SupervisorId} 的委派 {a.Id} 尚未提交督导记录", $"Assignment {a.Id} of supervisor {a.SupervisorId} has no filed record")))
            .ToList();
        var staffed = dispatched.Count(a => a.Role == facts.Staffing.Requirement.Kind);
        if (facts.Staffing.TooFew(staffed, "结束任务", "closing the task") is { } few) violations.Add(few);
        violations.AddRange(facts.CoverageFlags);
        return Decision.When(new RuleOutcome(violations), () => new TaskClosed(
            [.. dispatched.Where(a => a.State == AssignmentState.Accepted && a.RecordFiled).Select(a => a.Id)],
            [.. facts.Assignments.Where(a => a.State == AssignmentState.Invited).Select(a => a.Id)],
            TaskState.Closed));
    }
}
