using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Authorities.Get;

public sealed class Request
{
    /// <summary>Authority id (<c>00</c> MOHRSS, <c>44</c> a provincial centre, pack-defined ids such as <c>44.A</c>).</summary>
    public string Id { get; set; } = string.Empty;
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, AuthorityDto>
{
    public override void Configure()
    {
        Get("/api/v1/authorities/{id}");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("authorities.get").Produces<AuthorityDto>(200).ProducesProblem(404));
        Tags("registry");
        Summary(s => { s.Summary = "One authority"; s.Description = "委派机构/发证机构详情：类别、辖区、证卡编码中的机构代码。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == req.Id, ct);
        if (authority is null) { await Send.ResultAsync(Problems.NotFound($"authority {req.Id} not found")); return; }
        await Send.OkAsync(AuthorityDto.From(authority), ct);
    }
}
