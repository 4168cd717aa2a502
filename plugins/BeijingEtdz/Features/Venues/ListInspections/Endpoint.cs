using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues.ListInspections;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Response
{
    public required IReadOnlyList<InspectionDto> Items { get; init; }
}

/// <summary>A venue's inspections, oldest first.</summary>
public sealed class Endpoint(BeijingEtdzDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/bj-etdz/venues/{id}/inspections");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("bj-etdz.venues.inspections.list").Produces<Response>(200).ProducesProblem(404));
        Tags("bj-etdz");
        Summary(s => { s.Summary = "A venue's checks (annex 5)"; s.Description = "BJ 23: every recorded check of the venue, oldest first, for whoever may see the venue."; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await db.Venues.AsNoTracking().Where(VenueAccess.Readable(User)).AnyAsync(v => v.Id == req.Id, ct))
        { await Send.ResultAsync(PackProblems.NotFound($"venue {req.Id}")); return; }
        var inspections = await db.VenueInspections.AsNoTracking().Include(i => i.Items).Where(i => i.VenueId == req.Id)
            .OrderBy(i => i.RecordedAt).ThenBy(i => i.Id).ToListAsync(ct);
        await Send.OkAsync(new Response { Items = [.. inspections.Select(InspectionDto.From)] }, ct);
    }
}
