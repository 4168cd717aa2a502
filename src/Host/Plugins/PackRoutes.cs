using FastEndpoints;

namespace SupervisionCore.Host.Plugins;

/// <summary>Start-up check that every enabled pack's endpoints were mapped, and only under its own prefix.</summary>
internal static class PackRoutes
{
    public static string Prefix(string packId) => $"/api/v1/regions/{packId}/";

    public static void Verify(WebApplication app, IReadOnlyList<LoadedPack> packs)
    {
        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText?.TrimStart('/'), Definition: e.Metadata.GetMetadata<EndpointDefinition>()))
            .Where(e => e.Definition is not null)
            .ToList();
        foreach (var pack in packs)
        {
            var own = mapped.Where(e => e.Definition!.EndpointType.Assembly == pack.Assembly).ToList();
            if (own.Count == 0)
                throw new StartupException($"pack '{pack.Manifest.Id}': none of its {pack.EndpointTypes.Count} endpoints was mapped by FastEndpoints");
            var stray = own.FirstOrDefault(e => !e.Route.StartsWith(Prefix(pack.Manifest.Id), StringComparison.Ordinal));
            if (stray.Route is not null)
                throw new StartupException($"pack '{pack.Manifest.Id}': route '{stray.Route}' is outside its prefix '{Prefix(pack.Manifest.Id)}'");
        }
    }
}
