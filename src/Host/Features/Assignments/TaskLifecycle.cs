using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;

namespace SupervisionCore.Host.Features.Assignments;

/// <summary>
/// The task row as the serialisation point of every change to its staffing: each change locks it (<c>FOR UPDATE</c>) in
/// its transaction, so two refusals never pick the same substitute and a duplicate check cannot race, also across Hosts.
/// </summary>
internal static class TaskLifecycle
{
    /// <summary>The task, tracked and locked until the transaction ends.</summary>
    public static async Task<SupervisionTask> LockAsync(SupervisionDbContext db, Guid taskId, CancellationToken ct) =>
        (await db.SupervisionTasks.FromSql($"SELECT *, xmin FROM supervision.supervision_tasks WHERE id = {taskId} FOR UPDATE").ToListAsync(ct)).Single();

    /// <summary>An assignment and its task, both tracked, the task locked until the transaction ends.</summary>
    public static async Task<(SupervisionTask Task, Assignment Assignment)> LockAsync(SupervisionDbContext db, Assignment visible, CancellationToken ct)
    {
        var task = await LockAsync(db, visible.TaskId, ct);
        return (task, await db.Assignments.SingleAsync(a => a.Id == visible.Id, ct));
    }

    /// <summary>409 when the task is closed or cancelled (no further draws, assignments or answers), otherwise null.</summary>
    public static ProblemHttpResult? Finished(SupervisionTask task) => task.Status switch
    {
        "closed" => Problems.Conflict(new LocalizedText("任务已结束", "the task is closed")),
        "cancelled" => Problems.Conflict(new LocalizedText("任务已取消", "the task is cancelled")),
        _ => null,
    };

    public static ProblemHttpResult WrongState(Assignment a, string expected) => Problems.Conflict(new LocalizedText(
        $"该委派状态为 {a.Status}，此操作要求 {expected}", $"the assignment is {a.Status}; this needs {expected}"));
}
