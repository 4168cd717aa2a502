using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues.List;

public sealed class Request
{
    /// <summary>Only this institution's venues.</summary>
    [QueryParam]
    public Guid? InstitutionId { get; set; }
}

public sealed class Response
{
    public required IReadOnlyList<VenueDto> Items { get; init; }
}

/// <summary>Registered venues the caller may see.</summary>
public sealed class Endpoint(BeijingEtdzDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/bj-etdz/venues");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("bj-etdz.venues.list").Produces<Response>(200));
        Tags("bj-etdz");
        Summary(s => { s.Summary = "Registered venues"; s.Description = "BJ 23: venues of the zone, by registration time; an institution operator sees only its own."; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Venues.AsNoTracking().Include(v => v.Occupations).Include(v => v.Equipment).Where(VenueAccess.Readable(User));
        if (req.InstitutionId is { } institution) query = query.Where(v => v.InstitutionId == institution);
        var venues = await query.OrderBy(v => v.RegisteredAt).ThenBy(v => v.Id).Take(1000).AsSplitQuery().ToListAsync(ct);
        await Send.OkAsync(new Response { Items = [.. venues.Select(VenueDto.From)] }, ct);
    }
}
