using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Commendations.Record;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Commendations.List;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, ListResponse<CommendationDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/commendations");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.commendations.list").ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "A supervisor's commendations"; s.Description = "质量督导员的表彰/激励记录（广东第二十一条、云南第二十二条），按日期排列。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var rows = await db.SupervisorCommendations.AsNoTracking().Where(c => c.SupervisorId == supervisor.Id).OrderBy(c => c.On).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        await Send.OkAsync(new ListResponse<CommendationDto>([.. rows.Select(CommendationDto.From)], rows.Count), ct);
    }
}
