using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Sanctions.Decide;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Sanctions.List;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, ListResponse<SanctionDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/sanctions");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.sanctions.list").ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "A supervisor's sanctions"; s.Description = "质量督导员的处理记录（批评、暂停委派、解聘、取消资格、禁入），按决定日期排列。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var rows = await db.SupervisorSanctions.AsNoTracking().Where(s => s.SupervisorId == supervisor.Id).OrderBy(s => s.DecidedOn).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        await Send.OkAsync(new ListResponse<SanctionDto>([.. rows.Select(SanctionDto.From)], rows.Count), ct);
    }
}
