using FastEndpoints;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Complaints.Get;

public sealed class Request
{
    /// <example>0193a5c6-0a11-7b22-8c33-4d5e6f708192</example>
    public Guid Id { get; set; }
}

public sealed class Endpoint(ComplaintAccess access) : Endpoint<Request, ComplaintDto>
{
    public override void Configure()
    {
        Get("/api/v1/complaints/{id}");
        Roles(ComplaintAccess.Readers);
        Description(b => b.WithName("complaints.get").Produces<ComplaintDto>(200).ProducesProblem(404));
        Tags("complaints");
        Summary(s => { s.Summary = "A complaint"; s.Description = "一件群众举报及其处理经过（分派、调查任务、核实结论）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var c = await access.FindAsync(User, req.Id, ct);
        if (c is null) { await Send.ResultAsync(Problems.NotFound($"complaint {req.Id}")); return; }
        await Send.OkAsync(ComplaintDto.From(c), ct);
    }
}
