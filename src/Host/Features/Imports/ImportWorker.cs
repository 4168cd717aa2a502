using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>Wakes this Host's worker when a job is submitted here (the other Hosts find it on their next poll).</summary>
public sealed class ImportSignal : ISingletonService, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// The background worker of the imports: claims one queued job at a time with <c>FOR UPDATE SKIP LOCKED</c>, so that N
/// Hosts on one database never process a job twice, and processes it. A job whose Host died (no heartbeat for
/// <see cref="StaleAfter"/>) is claimed again and processed from the start (an all-or-nothing job had written nothing;
/// a valid-rows-only job finds its already imported rows as duplicates).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportProcessor processor, ImportSignal signal, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}" is { Length: > 100 } s ? s[..100] : $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid? job = null;
            try
            {
                job = await ClaimAsync(stoppingToken);
                if (job is { } id) await processor.ProcessAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // This Host is stopping mid-job: hand the job back at once rather than leave it "running" until it is stale.
                if (job is { } claimed) await ReleaseAsync(claimed);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // The database is away or the job broke: try later; a claimed job is taken again once stale.
                logger.LogWarning(ex, "import worker: {JobId} not processed", job);
            }
            if (job is null)
            {
                try { await signal.WaitAsync(Poll, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// Puts a job this Host claimed back in the queue (best effort, a few seconds at most): an all-or-nothing job wrote nothing
    /// (its transaction was rolled back); a valid-rows-only job finds its imported rows as duplicates when processed again.
    /// If the database is away too, the job is taken again once stale.
    /// </summary>
    internal async Task ReleaseAsync(Guid job)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE supervision.import_jobs SET status = 'queued', claimed_by = NULL
                WHERE id = {job} AND status = 'running' AND claimed_by = {_instance}
                """, timeout.Token);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or DbUpdateException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "import worker: {JobId} not handed back; it is taken again once stale", job);
        }
    }

    /// <summary>Claims the oldest queued (or stale) job for this Host, or null.</summary>
    internal async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var stale = DateTimeOffset.UtcNow - StaleAfter;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE supervision.import_jobs SET status = 'running', claimed_by = {_instance}, started_at = now(), heartbeat_at = now()
            WHERE id = (SELECT id FROM supervision.import_jobs
                        WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < {stale})
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }
}

/// <summary>Registers the import worker (one line in the composition root).</summary>
public static class ImportsRegistration
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services.AddHostedService<ImportWorker>();
}
