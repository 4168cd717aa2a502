using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupervisionCore.Host.Plugins;

/// <summary>
/// Packs' scheduled work: every non-abstract <see cref="IHostedService"/> in an enabled pack's assembly is registered
/// (singleton, resolved from the Host's container), e.g. the YN learning-year close. A pack's job makes itself run once per
/// cluster (PostgreSQL advisory lock), as the Host's own jobs do (Jobs/ClusterJob.cs).
/// </summary>
public static class PackHostedServices
{
    public static IServiceCollection AddPackHostedServices(this IServiceCollection services, IEnumerable<LoadedPack> packs)
    {
        foreach (var type in packs.SelectMany(p => p.Assembly.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IHostedService).IsAssignableFrom(t)))
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IHostedService), type));
        return services;
    }
}
