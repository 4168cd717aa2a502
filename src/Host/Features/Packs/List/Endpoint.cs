using FastEndpoints;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Features.Packs.List;

/// <summary>An enabled policy pack and its manifest.</summary>
public sealed record PackDto(
    string Id, TextDto Name, string Version, string KernelContract, IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<SourceDocumentDto> SourceDocuments, int RuleCount, string RoutePrefix);

public sealed class Endpoint(PackCatalog catalog) : EndpointWithoutRequest<ListResponse<PackDto>>
{
    public override void Configure()
    {
        Get("/api/v1/packs");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("packs.list"));
        Tags("packs");
        Summary(s => { s.Summary = "Enabled policy packs"; s.Description = "启用的地方政策包及其清单 (manifest): id, names, version, kernel contract, jurisdictions, source documents."; });
    }

    public override Task HandleAsync(CancellationToken ct)
    {
        var items = catalog.Packs.Select(p => new PackDto(
            p.Manifest.Id, TextDto.From(p.Manifest.Name), p.Manifest.Version, p.Manifest.KernelContract, p.Manifest.Jurisdictions,
            [.. p.Manifest.SourceDocuments.Select(SourceDocumentDto.From)], p.Pack.Rules.Count, PackRoutes.Prefix(p.Manifest.Id))).ToList();
        return Send.OkAsync(new ListResponse<PackDto>(items, items.Count), ct);
    }
}
