using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

/// <summary>One registered venue.</summary>
public sealed class Endpoint(BeijingEtdzDbContext db) : Endpoint<Request, VenueDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/bj-etdz/venues/{id}");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("bj-etdz.venues.get").Produces<VenueDto>(200).ProducesProblem(404));
        Tags("bj-etdz");
        Summary(s => { s.Summary = "A registered venue"; s.Description = "BJ 23: the venue's registration and the facts an inspection checks (checkSubjects). Outside the caller's reach: 404."; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.Occupations).Include(v => v.Equipment)
            .Where(VenueAccess.Readable(User)).SingleOrDefaultAsync(v => v.Id == req.Id, ct);
        if (venue is null) { await Send.ResultAsync(PackProblems.NotFound($"venue {req.Id}")); return; }
        await Send.OkAsync(VenueDto.From(venue), ct);
    }
}
