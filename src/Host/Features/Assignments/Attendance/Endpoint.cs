using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Assignments.Attendance;

public sealed class Request
{
    /// <example>0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f</example>
    public Guid Id { get; set; }
    /// <summary>到场时间 (entry), ISO-8601 with offset, e.g. 2025-06-10T08:10:00+08:00.</summary>
    /// <example>2025-06-01T08:10:00+08:00</example>
    public DateTimeOffset? EntryAt { get; set; }
    /// <summary>离场时间 (exit), after <see cref="EntryAt"/>.</summary>
    /// <example>2025-06-01T17:20:00+08:00</example>
    public DateTimeOffset? ExitAt { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.EntryAt).NotNull().WithMessage("'entryAt' is required");
        RuleFor(r => r.ExitAt).NotNull().WithMessage("'exitAt' is required");
        RuleFor(r => r.ExitAt).GreaterThan(r => r.EntryAt).When(r => r.EntryAt is not null && r.ExitAt is not null).WithMessage("'exitAt' must be after 'entryAt'");
    }
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess access, AuditLog audit) : Endpoint<Request, AssignmentDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/attendance");
        Roles(KernelRoles.Supervisor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("assignments.attendance").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("assignments");
        Summary(s => { s.Summary = "Record entry and exit times"; s.Description = "登记督导员到场与离场时间（带时区偏移的 ISO-8601，按 UTC 保存）：离场须晚于到场；两者须在任务时间窗前后各放宽 12 小时的范围内（含边界）；仅限已接受的委派，由督导员本人或委派机构登记。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (visible, denied) = await access.ForChangeAsync(User, req.Id, ct);
        if (denied is not null) { await Send.ResultAsync(denied); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (task, assignment) = await TaskLifecycle.LockAsync(db, visible!, ct);
        var window = $"{AttendanceWindow.EarliestFor(task):O} – {AttendanceWindow.LatestFor(task):O}";
        if (!AttendanceWindow.Contains(task, req.EntryAt!.Value)) AddError(r => r.EntryAt, ValidationLanguage.Text($"'entryAt' 应在任务时间窗前后各放宽 12 小时的范围内（{window}）", $"'entryAt' must lie within the task window widened by 12 hours ({window})"));
        if (!AttendanceWindow.Contains(task, req.ExitAt!.Value)) AddError(r => r.ExitAt, ValidationLanguage.Text($"'exitAt' 应在任务时间窗前后各放宽 12 小时的范围内（{window}）", $"'exitAt' must lie within the task window widened by 12 hours ({window})"));
        ThrowIfAnyErrors();
        if (TaskLifecycle.Finished(task) is { } finished) { await Send.ResultAsync(finished); return; }
        if (assignment.Status != AssignmentStatuses.Accepted) { await Send.ResultAsync(TaskLifecycle.WrongState(assignment, AssignmentStatuses.Accepted)); return; }

        var before = new { assignment.EntryAt, assignment.ExitAt };
        assignment.EntryAt = req.EntryAt.Value.ToUniversalTime();
        assignment.ExitAt = req.ExitAt.Value.ToUniversalTime();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("assignment.attendance", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Before: before, After: new { assignment.EntryAt, assignment.ExitAt }), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(await access.DtoAsync(assignment.Id, ct), ct);
    }
}
