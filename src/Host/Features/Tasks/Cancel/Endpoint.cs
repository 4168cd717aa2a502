using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Assignments;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Tasks.Cancel;

public sealed class Request
{
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }
    /// <summary>Why the task is cancelled (activity called off, institution disqualified …).</summary>
    /// <example>评价机构已将该批次认定活动延期至下半年</example>
    public string Reason { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, AuditLog audit) : Endpoint<Request, TaskDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/cancellation");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("tasks.cancel").ProducesProblem(404).ProducesProblem(409));
        Tags("tasks");
        Summary(s => { s.Summary = "Cancel a task"; s.Description = "取消督导任务（须说明理由）：未答复的委派邀请撤回（replaced）；已取消或已结束的任务不再接受抽取与委派。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await tasks.VisibleAsync(User, req.Id, ct) is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await TaskLifecycle.LockAsync(db, req.Id, ct);
        if (TaskLifecycle.Finished(task) is { } finished) { await Send.ResultAsync(finished); return; }

        var before = TaskDto.From(task);
        var open = await db.Assignments.Where(a => a.TaskId == task.Id && a.Status == AssignmentStatuses.Invited).ToListAsync(ct);
        foreach (var a in open) a.Status = AssignmentStatuses.Replaced;
        task.Status = "cancelled";
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("task.cancel", "supervision-task", task.Id.ToString(), task.Jurisdiction,
            Before: before, After: TaskDto.From(task), Detail: $"{req.Reason} ({open.Count} open invitation(s) withdrawn)"), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(TaskDto.From(task), ct);
    }
}
