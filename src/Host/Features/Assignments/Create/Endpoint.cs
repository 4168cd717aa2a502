using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Assignments.Create;

public sealed class Request
{
    /// <summary>The task.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid SupervisorId { get; set; }
    /// <summary>external | internal (internal: a full-process supervisor of the task's own institution).</summary>
    /// <example>external</example>
    public string Role { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.SupervisorId).NotEmpty();
        RuleFor(r => r.Role).Must(r => r is "external" or "internal").WithMessage("'role' must be external or internal");
    }
}

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, AssignmentAccess access, DrawService draws, AuditLog audit, TimeProvider clock)
    : Endpoint<Request, AssignmentDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/assignments");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("assignments.create").Produces<AssignmentDto>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("assignments");
        Summary(s => { s.Summary = "Assign a supervisor manually"; s.Description = "委派机构直接委派督导员（待其接受）：外督须在任务首日可委派并通过全部回避与政策包委派规则（违反时 422 列出每条规则）；内督须为该任务所属机构的内部督导员并在辖区内（全过程内部督导）。同一人重复委派到同一任务 409；已结束或已取消的任务 409。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var visible = await tasks.VisibleAsync(User, req.Id, ct);
        if (visible is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == visible.AuthorityId, ct);
        var supervisor = await db.Supervisors.AsNoTracking().SingleOrDefaultAsync(s => s.Id == req.SupervisorId, ct);
        if (supervisor is null || !User.CanAccess(JurisdictionCode.Parse(supervisor.Jurisdiction))
            || (req.Role == "internal" && !JurisdictionCode.Parse(authority.Jurisdiction).Contains(JurisdictionCode.Parse(supervisor.Jurisdiction))))
        { await Send.ResultAsync(Problems.NotFound($"supervisor {req.SupervisorId} in the jurisdiction")); return; }

        var outcome = req.Role == "external"
            ? (supervisor.Kind == "external" ? await draws.EvaluateAsync(visible, supervisor.Id, ct) : KindViolation("只能委派外部督导员担任外督", "only an external supervisor can be assigned as external"))
            : (supervisor.Kind == "internal" && supervisor.InstitutionId == visible.InstitutionId ? RuleOutcome.Pass
                : KindViolation("内部督导员须为该任务所属评价机构的内部督导员", "an internal supervisor must be an internal supervisor of the task's institution"));
        if (!outcome.Passed) { await Send.ResultAsync(Problems.Violations(outcome.Violations)); return; }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await TaskLifecycle.LockAsync(db, visible.Id, ct);
        if (TaskLifecycle.Finished(task) is { } finished) { await Send.ResultAsync(finished); return; }
        if (await db.Assignments.AnyAsync(a => a.TaskId == task.Id && a.SupervisorId == supervisor.Id && AssignmentStatuses.Live.Contains(a.Status), ct))
        { await Send.ResultAsync(Problems.Conflict(new LocalizedText("该督导员已委派到此任务", "this supervisor is already assigned to the task"))); return; }
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisor.Id, Role = req.Role, Status = AssignmentStatuses.Invited, CreatedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("assignment.create", "assignment", assignment.Id.ToString(), task.Jurisdiction,
            Rules: req.Role == "external" ? [NationalRules.DispatchRandom.Id, NationalRules.RecusalConflict.Id, NationalRules.RecusalExaminer.Id] : [NationalRules.SupervisorKinds.Id],
            After: new { assignment.Id, assignment.TaskId, assignment.SupervisorId, assignment.Role, assignment.Status }, Detail: "manual assignment"), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(await access.DtoAsync(assignment.Id, ct), 201, ct);
    }

    private static RuleOutcome KindViolation(string zh, string en) => RuleOutcome.Fail(NationalRules.SupervisorKinds.Violated(new LocalizedText(zh, en)));
}
