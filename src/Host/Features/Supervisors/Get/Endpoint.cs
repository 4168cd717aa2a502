using FastEndpoints;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, SupervisorStanding standing) : Endpoint<Request, SupervisorDto>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.get").ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "A supervisor with today's standing"; s.Description = "质量督导员详情：当前聘期、证卡、暂停/取消资格/禁入标记及是否可委派；号码和电话为掩码。督导员只能查看本人。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var summary = await standing.SummariesAsync([supervisor.Id], ct);
        await Send.OkAsync(SupervisorDto.From(supervisor, summary[supervisor.Id]), ct);
    }
}
