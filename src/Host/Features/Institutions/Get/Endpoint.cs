using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Institutions.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, InstitutionDto>
{
    public override void Configure()
    {
        Get("/api/v1/institutions/{id}");
        Roles(InstitutionScope.Readers);
        Description(b => b.WithName("institutions.get").Produces<InstitutionDto>(200).ProducesProblem(404));
        Tags("registry");
        Summary(s => { s.Summary = "One evaluation institution"; s.Description = "评价机构详情（含状态和并发版本号 version，亦作 ETag）；辖区外或非本机构返回404。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Visible(User).SingleOrDefaultAsync(i => i.Id == req.Id, ct);
        if (institution is null) { await Send.ResultAsync(Problems.NotFound($"institution {req.Id} not found")); return; }
        HttpContext.Response.Headers.ETag = InstitutionDto.ETag(institution.Version);
        await Send.OkAsync(InstitutionDto.From(institution), ct);
    }
}
