using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Jobs;

/// <summary>
/// Periodic work that must run once per cluster, not once per Host: each run first takes a PostgreSQL
/// transaction-scoped advisory lock with <c>pg_try_advisory_xact_lock</c>; a Host that does not get it skips the
/// round. Subclasses make their work idempotent, so a round repeated after a crash changes nothing twice.
/// </summary>
public abstract class ClusterJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Cluster-wide lock key of this job.</summary>
    protected abstract long LockKey { get; }

    /// <summary>Time between rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One round, inside the locked transaction (commit is done by the caller).</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct);

    /// <summary>Runs one round now if this Host gets the lock; returns false when another Host holds it.</summary>
    public async Task<bool> TryRunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
        if (!locked) return false;
        await RunOnceAsync(scope.ServiceProvider, db, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await TryRunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a while; the next round tries again.
                logger.LogWarning(ex, "{Job} round failed", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
