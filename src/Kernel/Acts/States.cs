namespace SupervisionCore.Kernel.Acts;

/// <summary>督导任务状态 (supervision task state). Stored and sent as kebab-case text (<see cref="States"/>).</summary>
public enum TaskState
{
    /// <summary>planned: created, nobody drawn yet.</summary>
    Planned = 1,

    /// <summary>drawn: supervisors drawn or assigned, none accepted yet.</summary>
    Drawn = 2,

    /// <summary>in-progress: at least one supervisor accepted.</summary>
    InProgress = 3,

    /// <summary>closed: every accepted supervisor filed a record (CN 10); no further change.</summary>
    Closed = 4,

    /// <summary>cancelled: not carried out; no further change.</summary>
    Cancelled = 5,
}

/// <summary>委派状态 (assignment state). Stored and sent as kebab-case text (<see cref="States"/>).</summary>
public enum AssignmentState
{
    /// <summary>invited: waiting for the supervisor's answer.</summary>
    Invited = 1,

    /// <summary>accepted: the supervisor was dispatched (a dispatch that happened).</summary>
    Accepted = 2,

    /// <summary>refused: the supervisor declined (不接受指派).</summary>
    Refused = 3,

    /// <summary>replaced: the invitation was withdrawn (redraw, task closed) before an answer; never a dispatch.</summary>
    Replaced = 4,

    /// <summary>completed: accepted and the record filed.</summary>
    Completed = 5,
}

/// <summary>The text forms of the state enums, as stored and as the API sends them.</summary>
public static class States
{
    /// <summary>The text of a task state (<c>in-progress</c>).</summary>
    public static string Text(this TaskState state) => state switch
    {
        TaskState.Planned => "planned",
        TaskState.Drawn => "drawn",
        TaskState.InProgress => "in-progress",
        TaskState.Closed => "closed",
        TaskState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The text of an assignment state (<c>invited</c>).</summary>
    public static string Text(this AssignmentState state) => state switch
    {
        AssignmentState.Invited => "invited",
        AssignmentState.Accepted => "accepted",
        AssignmentState.Refused => "refused",
        AssignmentState.Replaced => "replaced",
        AssignmentState.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The task state of stored text.</summary>
    /// <exception cref="ArgumentException">Unknown text.</exception>
    public static TaskState ParseTask(string text) => text switch
    {
        "planned" => TaskState.Planned,
        "drawn" => TaskState.Drawn,
        "in-progress" => TaskState.InProgress,
        "closed" => TaskState.Closed,
        "cancelled" => TaskState.Cancelled,
        _ => throw new ArgumentException($"Unknown task state '{text}'.", nameof(text)),
    };

    /// <summary>The assignment state of stored text.</summary>
    /// <exception cref="ArgumentException">Unknown text.</exception>
    public static AssignmentState ParseAssignment(string text) => text switch
    {
        "invited" => AssignmentState.Invited,
        "accepted" => AssignmentState.Accepted,
        "refused" => AssignmentState.Refused,
        "replaced" => AssignmentState.Replaced,
        "completed" => AssignmentState.Completed,
        _ => throw new ArgumentException($"Unknown assignment state '{text}'.", nameof(text)),
    };

    /// <summary>True for a task that takes no further change (closed or cancelled).</summary>
    public static bool IsFinished(this TaskState state) => state is TaskState.Closed or TaskState.Cancelled;

    /// <summary>True while the person counts as on the task (invited, accepted or completed).</summary>
    public static bool IsLive(this AssignmentState state) => state is AssignmentState.Invited or AssignmentState.Accepted or AssignmentState.Completed;

    /// <summary>True when the dispatch happened (accepted or completed): what dispatch history counts.</summary>
    public static bool IsDispatched(this AssignmentState state) => state is AssignmentState.Accepted or AssignmentState.Completed;
}
