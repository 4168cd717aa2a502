using FastEndpoints;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Jurisdictions.List;

/// <summary>A node of the jurisdiction tree.</summary>
public sealed record JurisdictionDto(string Code, string? Parent, TextDto Name, string? Note);

public sealed class Endpoint(PackCatalog catalog) : EndpointWithoutRequest<ListResponse<JurisdictionDto>>
{
    public override void Configure()
    {
        Get("/api/v1/jurisdictions");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("jurisdictions.list"));
        Tags("registry");
        Summary(s => { s.Summary = "Jurisdiction tree"; s.Description = "辖区树：全国 → 省（证卡编码附件表3）→ 政策包增加的市、区。"; });
    }

    public override Task HandleAsync(CancellationToken ct)
    {
        var items = catalog.Jurisdictions.Select(j =>
        {
            var code = JurisdictionCode.Parse(j.Code);
            return new JurisdictionDto(j.Code, code.IsNational ? null : code.Parent.Value, TextDto.From(j.Name), j.Note);
        }).ToList();
        return Send.OkAsync(new ListResponse<JurisdictionDto>(items, items.Count), ct);
    }
}
