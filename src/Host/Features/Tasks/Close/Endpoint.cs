using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Assignments;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Tasks.Close;

public sealed class Request
{
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, AuditLog audit, Activities.ActivityCoverageCheck coverage, Draws.DispatchFactsLoader facts) : Endpoint<Request, TaskDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/closure");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("tasks.close").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("tasks");
        Summary(s => { s.Summary = "Close a task"; s.Description = "结束进行中的督导任务：每一名已接受委派的外部督导员都须已向委派机构提交督导记录（CN 第十条，cn.report.required），否则 422 逐一列出；已接受委派的督导员人数须达到人员配备规则的下限（如专项至少3名 cn.special.group-size，BJ 19/26 至少2名外督），否则 422；结束时有记录的委派转为已完成，未答复的邀请撤回（replaced）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await tasks.VisibleAsync(User, req.Id, ct) is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await TaskLifecycle.LockAsync(db, req.Id, ct);
        if (TaskLifecycle.Finished(task) is { } finished) { await Send.ResultAsync(finished); return; }
        if (task.Status != "in-progress")
        { await Send.ResultAsync(Problems.Conflict(new LocalizedText("任务尚无已接受的委派，不能结束；如不再执行请取消", "no assignment of the task was accepted: it cannot be closed; cancel it instead"))); return; }

        var assignments = await db.Assignments.Where(a => a.TaskId == task.Id).ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var filed = (await db.SupervisionRecords.AsNoTracking().Where(r => ids.Contains(r.AssignmentId)).Select(r => r.AssignmentId).ToListAsync(ct)).ToHashSet();
        var decision = ClosureDecision.Decide(new ClosureFacts
        {
            Assignments = [.. assignments.Select(a => new AssignmentOnTask(a.Id.ToString(), a.SupervisorId.ToString(),
                a.Role == "internal" ? SupervisorKind.Internal : SupervisorKind.External, States.ParseAssignment(a.Status), filed.Contains(a.Id)))],
            Staffing = await facts.StaffingAsync(task, ct),
            // Packs' coverage rules over the whole activity (GD 13 full coverage, YN full-process internal supervision).
            CoverageFlags = task.ActivityId is { } activityId ? await coverage.FlagsAsync(activityId, ct) : [],
        });
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        var before = TaskDto.From(task);
        var closed = decision.Transition;
        foreach (var a in assignments.Where(a => closed.Completed.Contains(a.Id.ToString()))) a.Status = AssignmentState.Completed.Text();
        foreach (var a in assignments.Where(a => closed.Withdrawn.Contains(a.Id.ToString()))) a.Status = AssignmentState.Replaced.Text();
        task.Status = closed.TaskState.Text();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("task.close", "supervision-task", task.Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.ReportRequired.Id, .. task.StaffingRules], Before: before, After: TaskDto.From(task),
            Detail: $"{filed.Count} record(s) filed; {closed.Withdrawn.Count} open invitation(s) withdrawn"), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(TaskDto.From(task), ct);
    }
}
