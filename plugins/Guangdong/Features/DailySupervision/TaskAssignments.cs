using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision;

/// <summary>A task's assignments as the pack can see them (through its activity: contract 1.3 gives a task no assignment list).</summary>
public static class TaskAssignments
{
    /// <summary>The assignments of <paramref name="task"/>; none for a task without an activity.</summary>
    public static async Task<IReadOnlyList<AssignmentFacts>> OfAsync(ISupervisionDirectory directory, TaskFacts task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(task);
        if (task.ActivityId is null) return [];
        var activity = await directory.FindActivityAsync(task.ActivityId, ct);
        return activity?.Tasks.FirstOrDefault(t => t.Id == task.Id)?.Assignments ?? [];
    }
}
