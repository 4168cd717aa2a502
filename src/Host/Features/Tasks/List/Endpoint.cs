using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Access;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Tasks.List;

public sealed class Request : PagedRequest
{
    public Guid? InstitutionId { get; set; }
    public Guid? ActivityId { get; set; }
    public string? Status { get; set; }
    public string? Kind { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedRequestValidator());
        RuleFor(r => r.Kind).Must(k => k is null || TaskKinds.TryParse(k, out _)).WithMessage("'kind' must be one of " + string.Join(", ", TaskKinds.All));
        RuleFor(r => r.Status).Must(s => s is null || s is "planned" or "drawn" or "in-progress" or "closed" or "cancelled");
    }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Page<TaskDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervision-tasks");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("tasks.list"));
        Tags("tasks");
        Summary(s => { s.Summary = "Supervision tasks"; s.Description = "本辖区的督导任务；机构操作员只见本机构的任务，督导员只见委派给自己的任务。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.SupervisionTasks.AsNoTracking().WithinJurisdictionOf(User, t => t.Jurisdiction);
        var staff = User.Has(KernelRoles.NationalAdmin) || User.Has(KernelRoles.ProvinceAdmin) || User.Has(KernelRoles.CenterOperator) || User.Has(KernelRoles.Auditor);
        if (!staff && User.Has(KernelRoles.InstitutionOperator))
        {
            var own = Guid.TryParse(User.FindFirst(SupervisionClaims.Institution)?.Value, out var id) ? id : Guid.Empty;
            query = query.Where(t => t.InstitutionId == own);
        }
        else if (!staff)
        {
            var self = Guid.TryParse(User.FindFirst(SupervisionClaims.Supervisor)?.Value, out var id) ? id : Guid.Empty;
            query = query.Where(t => db.Assignments.Any(a => a.TaskId == t.Id && a.SupervisorId == self));
        }
        if (req.InstitutionId is { } institution) query = query.Where(t => t.InstitutionId == institution);
        if (req.ActivityId is { } activity) query = query.Where(t => t.ActivityId == activity);
        if (req.Status is { } status) query = query.Where(t => t.Status == status);
        if (req.Kind is { } kind) query = query.Where(t => t.Kind == kind);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(t => t.WindowStart).ThenBy(t => t.Id).Skip(req.Skip).Take(req.Take).ToListAsync(ct);
        await Send.OkAsync(new Page<TaskDto>([.. rows.Select(TaskDto.From)], req.Page ?? 1, req.Take, total), ct);
    }
}
