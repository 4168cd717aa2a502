using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Complaints;

/// <summary>Where a report comes from: 群众举报 (CN 12(三), BJ 21(九), YN 7(六)) or 媒体报道 (GD 15(三) adds media reports).</summary>
public enum ComplaintSource
{
    /// <summary>群众举报: a member of the public.</summary>
    Public = 1,

    /// <summary>媒体报道: a media report (GD 15(三)).</summary>
    Media = 2,
}

/// <summary>举报处理状态 (complaint state). Stored and sent as kebab-case text.</summary>
public enum ComplaintState
{
    /// <summary>received: waiting for triage.</summary>
    Received = 1,

    /// <summary>investigating: a special supervision task investigates it (调查核实).</summary>
    Investigating = 2,

    /// <summary>referred: sent to the competent authority elsewhere.</summary>
    Referred = 3,

    /// <summary>dismissed: not investigated, with the recorded reason (outside evaluation work, duplicate …).</summary>
    Dismissed = 4,

    /// <summary>concluded: the investigation's finding is recorded.</summary>
    Concluded = 5,
}

/// <summary>核实结论 (finding).</summary>
public enum ComplaintFinding
{
    /// <summary>属实.</summary>
    Substantiated = 1,

    /// <summary>部分属实.</summary>
    PartlySubstantiated = 2,

    /// <summary>不属实.</summary>
    Unsubstantiated = 3,
}

/// <summary>What triage decides.</summary>
public enum TriageChoice
{
    /// <summary>Investigate through a special supervision task.</summary>
    Investigate = 1,

    /// <summary>Refer to another jurisdiction's authority.</summary>
    Refer = 2,

    /// <summary>Not investigated, with a reason.</summary>
    Dismiss = 3,
}

/// <summary>The facts of triaging a complaint.</summary>
/// <param name="State">The complaint's state.</param>
/// <param name="Choice">What is decided.</param>
/// <param name="Reason">Why (required to dismiss or refer).</param>
/// <param name="InstitutionKnown">True when the complaint names an institution a special task can supervise.</param>
/// <param name="Task">For an investigation: the special task's own decision (<see cref="TaskCreationDecision"/>).</param>
public sealed record TriageFacts(ComplaintState State, TriageChoice Choice, string? Reason, bool InstitutionKnown, Decision<TaskPlanned>? Task);

/// <summary>A triage allowed: the complaint's next state, and the special task to create for an investigation.</summary>
/// <param name="State">Investigating, referred or dismissed.</param>
/// <param name="Task">The special task's plan (investigation only).</param>
public sealed record ComplaintTriaged(ComplaintState State, TaskPlanned? Task);

/// <summary>The facts of concluding an investigated complaint.</summary>
/// <param name="State">The complaint's state.</param>
/// <param name="TaskState">The state of its investigating task.</param>
public sealed record ConclusionFacts(ComplaintState State, TaskState? TaskState);

/// <summary>A conclusion allowed.</summary>
/// <param name="State">Concluded.</param>
public sealed record ComplaintConcluded(ComplaintState State);

/// <summary>
/// 群众举报的调查核实 (complaint decisions), <c>cn.complaint.investigation</c> (CN 第十二条第（三）项; GD 15(三), BJ 21(九),
/// YN 7(六) repeat it): a received complaint is triaged once — investigated by a special supervision task (专项督导, which
/// its own task decision must allow), referred, or dismissed with a recorded reason — and an investigated one is concluded
/// with a finding only after its task is closed, i.e. its supervisors' records are filed (CN 10).
/// </summary>
public static class ComplaintDecision
{
    /// <summary>Decides a triage.</summary>
    public static Decision<ComplaintTriaged> Triage(TriageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var violations = new List<Violation>();
        if (facts.State != ComplaintState.Received)
            violations.Add(Violated($"举报已处理（{facts.State}），不能再次分派", $"The complaint was already triaged ({facts.State})"));
        if (facts.Choice is TriageChoice.Dismiss or TriageChoice.Refer && string.IsNullOrWhiteSpace(facts.Reason))
            violations.Add(Violated("不予调查或移交须记录理由", "Dismissing or referring a complaint needs a recorded reason"));
        if (facts.Choice == TriageChoice.Investigate)
        {
            if (!facts.InstitutionKnown)
                violations.Add(Violated("调查须指明被举报的评价机构", "An investigation needs the institution complained about"));
            else if (facts.Task is { Allowed: false } refused) violations.AddRange(refused.Violations);
        }
        var state = facts.Choice switch
        {
            TriageChoice.Investigate => ComplaintState.Investigating,
            TriageChoice.Refer => ComplaintState.Referred,
            _ => ComplaintState.Dismissed,
        };
        return Decision.When(new RuleOutcome(violations), () => new ComplaintTriaged(state, facts.Choice == TriageChoice.Investigate ? facts.Task!.Transition : null));
    }

    /// <summary>Decides a conclusion.</summary>
    public static Decision<ComplaintConcluded> Conclude(ConclusionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.State != ComplaintState.Investigating)
            return Decision.Refuse<ComplaintConcluded>([Violated("只有调查中的举报才能作出核实结论", "Only a complaint under investigation can be concluded")]);
        if (facts.TaskState != TaskState.Closed)
            return Decision.Refuse<ComplaintConcluded>([Violated(
                "调查任务尚未结束（督导记录未全部报送），不能作出核实结论", "The investigating task is not closed (its records are not all filed): no finding yet")]);
        return Decision.Allow(new ComplaintConcluded(ComplaintState.Concluded));
    }

    private static Violation Violated(string zh, string en) => NationalRules.ComplaintInvestigation.Violated(new(zh, en));
}
