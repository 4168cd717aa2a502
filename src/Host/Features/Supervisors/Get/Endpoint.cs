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
        // One round trip (SupervisorRead), visibility checked in memory: absent and out of reach are both 404.
        var facts = await SupervisorRead.LoadAsync(db, req.Id, ct);
        if (facts is null || !User.CanRead(facts.Supervisor)) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        await Send.OkAsync(SupervisorDto.From(facts.Supervisor, standing.SummaryOf(facts)), ct);
    }
}
