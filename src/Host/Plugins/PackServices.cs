using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Host.Plugins;

/// <summary>
/// Packs register their own services (kernel contract 2.0, <see cref="IPolicyPack.ConfigureServices"/>): called once per
/// enabled pack while the Host builds its container, after the Host's scans (extension points, DbContexts, hosted
/// services), so a pack may add to or replace what the scans registered.
/// </summary>
public static class PackServices
{
    public static IServiceCollection AddPackServices(this IServiceCollection services, IEnumerable<LoadedPack> packs, IConfiguration configuration)
    {
        foreach (var pack in packs)
        {
            try { pack.Pack.ConfigureServices(services, configuration); }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new StartupException($"pack '{pack.Manifest.Id}': ConfigureServices failed: {ex.Message}");
            }
        }
        return services;
    }
}
