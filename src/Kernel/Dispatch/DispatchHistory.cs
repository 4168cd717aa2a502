using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>One stored assignment of a supervisor, as loaded for dispatch history (any state).</summary>
/// <param name="TaskId">The task.</param>
/// <param name="InstitutionId">The institution the task supervises.</param>
/// <param name="ActivityDate">First China calendar day of the task's activity.</param>
/// <param name="State">The assignment's state.</param>
/// <param name="AnsweredAt">When the supervisor answered, or null.</param>
public sealed record AssignmentRecord(string TaskId, string InstitutionId, DateOnly ActivityDate, AssignmentState State, DateTimeOffset? AnsweredAt);

/// <summary>
/// 委派记录 (dispatch history): the one definition of a supervisor's earlier dispatches that draws, manual assignments,
/// acceptances and refusals all judge by. Only answers count: an accepted (or completed) assignment is a dispatch that
/// happened, a refused one a refusal (不接受指派); an invitation still unanswered, or withdrawn/replaced before an answer,
/// is neither. Entries are in the order of the activities' dates (then of the answers), whatever order tasks were
/// staffed in.
/// </summary>
public static class DispatchHistory
{
    /// <summary>The history entry of <paramref name="record"/>, or null when it is no dispatch and no refusal.</summary>
    public static DispatchHistoryEntry? EntryOf(AssignmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State switch
        {
            AssignmentState.Accepted or AssignmentState.Completed => new(record.TaskId, record.InstitutionId, record.ActivityDate, DispatchResponse.Accepted),
            AssignmentState.Refused => new(record.TaskId, record.InstitutionId, record.ActivityDate, DispatchResponse.Refused),
            _ => null,
        };
    }

    /// <summary>The history of one supervisor from their stored assignments (any order, any state).</summary>
    public static IReadOnlyList<DispatchHistoryEntry> Of(IEnumerable<AssignmentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.OrderBy(r => r.ActivityDate).ThenBy(r => r.AnsweredAt ?? DateTimeOffset.MaxValue)
            .Select(EntryOf).OfType<DispatchHistoryEntry>()];
    }
}
