using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Authorities.List;

public sealed class Request
{
    /// <summary>Jurisdiction code (CN, 44, 44.A): authorities of that node, its ancestors and its descendants. Default: all.</summary>
    public string? Jurisdiction { get; set; }
    /// <summary>ministry | provincial-centre | city-centre | zone-bureau | industry-department.</summary>
    public string? Kind { get; set; }
}

public sealed class Validator : Validator<Request>
{
    private static readonly HashSet<string> Kinds = [.. Enum.GetValues<AuthorityKind>().Select(AuthorityKinds.ToText)];

    public Validator()
    {
        RuleFor(r => r.Jurisdiction)
            .Must(j => j is null || JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a jurisdiction code such as CN, 44 or 44.A")
            .Must(j => j is null || !JurisdictionCode.TryParse(j, out var code) || Resolve<PackCatalog>().IsKnown(code))
            .WithMessage("'jurisdiction' is not a node of this deployment's tree (GET /api/v1/jurisdictions)");
        RuleFor(r => r.Kind).Must(k => k is null || Kinds.Contains(k))
            .WithMessage("'kind' must be ministry, provincial-centre, city-centre, zone-bureau or industry-department");
    }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, ListResponse<AuthorityDto>>
{
    public override void Configure()
    {
        Get("/api/v1/authorities");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("authorities.list"));
        Tags("registry");
        Summary(s => { s.Summary = "Authorities (appointing and card-issuing bodies)"; s.Description = "委派机构/发证机构：人社部鉴定中心、各省鉴定中心及政策包增加的市级中心、功能区主管局等；可按辖区（本级、上级和下级）和类别筛选。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Authorities.AsNoTracking();
        if (req.Kind is not null) query = query.Where(a => a.Kind == req.Kind);
        var rows = await query.OrderBy(a => a.Jurisdiction).ThenBy(a => a.Id).ToListAsync(ct);
        // Same reading as the rule catalogue (PackCatalog.InForce): the node, its ancestors and its descendants.
        if (req.Jurisdiction is not null)
        {
            var j = JurisdictionCode.Parse(req.Jurisdiction);
            rows = [.. rows.Where(a => JurisdictionCode.TryParse(a.Jurisdiction, out var own) && (own.Contains(j) || j.Contains(own)))];
        }
        var items = rows.Select(AuthorityDto.From).ToList();
        await Send.OkAsync(new ListResponse<AuthorityDto>(items, items.Count), ct);
    }
}
