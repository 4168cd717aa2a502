using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
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

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, AssignmentAccess access, AssignmentActs acts)
    : Endpoint<Request, AssignmentDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/assignments");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("assignments.create").Produces<AssignmentDto>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("assignments");
        Summary(s => { s.Summary = "Assign a supervisor manually"; s.Description = "委派机构直接委派督导员（待其接受）：外督和内督作同样审查：持有效证卡、未暂停/取消资格/解聘/禁入，回避（利害关系、考评人员），政策包的委派限制和委派时的任职条件（如年龄、聘任制）；内督还须为该任务所属机构的内部督导员；超过人员配备规则上限的委派被拒绝（违反时 422 列出每条规则）。同一人重复委派到同一任务 409；已结束或已取消的任务 409。"; });
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

        var made = await acts.AssignAsync(visible.Id, supervisor, req.Role == "internal" ? SupervisorKind.Internal : SupervisorKind.External, User.AsActor(), ct);
        if (made.Problem is not null) { await Send.ResultAsync(made.Problem); return; }
        await Send.ResponseAsync(await access.DtoAsync(made.Assignment!.Id, ct), 201, ct);
    }
}
