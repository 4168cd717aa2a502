using FastEndpoints;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Assignments.Accept;

public sealed class Request
{
    /// <example>0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f</example>
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess access, AuditLog audit, TimeProvider clock) : Endpoint<Request, AssignmentDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/acceptance");
        Roles(KernelRoles.Supervisor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("assignments.accept").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("assignments");
        Summary(s => { s.Summary = "Accept an assignment"; s.Description = "督导员接受委派（或委派机构代为登记）；仅限待答复（invited）的委派。任务的首个接受使任务进入进行中（in-progress）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (visible, denied) = await access.ForChangeAsync(User, req.Id, ct);
        if (denied is not null) { await Send.ResultAsync(denied); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (task, assignment) = await TaskLifecycle.LockAsync(db, visible!, ct);
        if (TaskLifecycle.Finished(task) is { } finished) { await Send.ResultAsync(finished); return; }
        if (assignment.Status != AssignmentStatuses.Invited) { await Send.ResultAsync(TaskLifecycle.WrongState(assignment, AssignmentStatuses.Invited)); return; }

        assignment.Status = AssignmentStatuses.Accepted;
        assignment.RespondedAt = clock.GetUtcNow();
        var starts = task.Status is "planned" or "drawn";
        var taskBefore = TaskDto.From(task);
        if (starts) task.Status = "in-progress";
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("assignment.accept", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.DispatchRandom.Id], After: new { assignment.Id, assignment.TaskId, assignment.SupervisorId, assignment.Status }), ct);
        if (starts)
            await audit.AppendAsync(db, User.AsActor(), new AuditEvent("task.start", "supervision-task", task.Id.ToString(), task.Jurisdiction,
                Before: taskBefore, After: TaskDto.From(task), Detail: "first acceptance: assignment " + assignment.Id), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(await access.DtoAsync(assignment.Id, ct), ct);
    }
}
