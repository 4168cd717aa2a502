using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Infrastructure;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Assignments.List;

public sealed class Request : PagedRequest
{
    public Guid? TaskId { get; set; }
    public Guid? SupervisorId { get; set; }
    /// <summary>invited | accepted | refused | replaced | completed.</summary>
    public string? Status { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedRequestValidator());
        RuleFor(r => r.Status).Must(s => s is null || AssignmentStatuses.All.Contains(s)).WithMessage("'status' must be one of " + string.Join(", ", AssignmentStatuses.All));
    }
}

public sealed class Endpoint(AssignmentAccess access) : Endpoint<Request, Page<AssignmentDto>>
{
    public override void Configure()
    {
        Get("/api/v1/assignments");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("assignments.list"));
        Tags("assignments");
        Summary(s => { s.Summary = "Assignments"; s.Description = "委派列表：督导员只见自己的委派；委派机构与审计人员按任务、督导员、状态筛选本辖区的委派；评价机构只见本机构任务的内督委派及已公开抽取的外督委派。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = access.Visible(User);
        if (req.TaskId is { } task) query = query.Where(a => a.TaskId == task);
        if (req.SupervisorId is { } supervisor) query = query.Where(a => a.SupervisorId == supervisor);
        if (req.Status is { } status) query = query.Where(a => a.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await access.Rows(query.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Skip(req.Skip).Take(req.Take)).ToListAsync(ct);
        var items = rows.OrderByDescending(r => r.Assignment.CreatedAt).ThenBy(r => r.Assignment.Id).Select(r => r.ToDto()).ToList();
        await Send.OkAsync(new Page<AssignmentDto>(items, req.Page ?? 1, req.Take, total), ct);
    }
}
