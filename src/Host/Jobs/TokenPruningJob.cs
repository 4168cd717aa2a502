using OpenIddict.Abstractions;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Jobs;

/// <summary>
/// OpenIddict keeps a row per authorisation code and refresh token: prune those expired or revoked more than a
/// day ago, hourly, once per cluster.
/// </summary>
public sealed class TokenPruningJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruningJob> logger)
    : ClusterJob(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override long LockKey => 0x5C_1001;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        var threshold = _clock.GetUtcNow().AddDays(-1);
        await services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        await services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
    }
}
