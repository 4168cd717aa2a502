using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning;

/// <summary>
/// Closes the previous learning year (YN 17) by itself on a configured day, once per cluster: from
/// <c>Packs:yn:LearningYearClose:Date</c> (<c>MM-dd</c>, China time) each year, every Host tries a round at start-up and then
/// every <c>IntervalMinutes</c> (default 60); a round takes the year's advisory lock without waiting (a Host that does not
/// get it skips) and does nothing when the year is closed. Scope: <c>Packs:yn:LearningYearClose:Scope</c> (default 53).
/// Without a configured date the job does nothing (closing is then manual).
/// </summary>
public sealed class LearningYearCloseJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<LearningYearCloseJob> logger)
    : IHostedService, IDisposable
{
    private const string Section = "Packs:yn:LearningYearClose";
    private ITimer? _timer;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The configured day of the year, or null when the job is off.</summary>
    public (int Month, int Day)? ConfiguredDate =>
        DateOnly.TryParseExact($"2000-{configuration[$"{Section}:Date"]}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d.Month, d.Day) : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ConfiguredDate is null) return;
        // The first round before serving: a Host started after the configured day closes the year at once.
        await RoundAsync(cancellationToken);
        var minutes = configuration.GetValue<int?>($"{Section}:IntervalMinutes") ?? 60;
        _timer = clock.CreateTimer(_ => { if (Volatile.Read(ref _disposed) == 0) _ = RoundAsync(_stopping.Token); }, null, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes));
    }

    /// <summary>One round: closes the previous year when the configured day has come and it is not closed yet.</summary>
    public async Task<CloseOutcome?> RoundAsync(CancellationToken ct)
    {
        try
        {
            if (ConfiguredDate is not { } date) return null;
            var today = ChinaTime.DateOf(clock.GetUtcNow());
            if (today < new DateOnly(today.Year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(today.Year, date.Month)))) return null;
            var scope = SupervisionCore.Kernel.Registry.JurisdictionCode.Parse(configuration[$"{Section}:Scope"] ?? YunnanRules.Jurisdiction.Value);
            await using var services = scopes.CreateAsyncScope();
            var sp = services.ServiceProvider;
            var db = sp.GetRequiredService<YunnanDbContext>();
            if (await LearningYearCloser.ClosedAsync(db, today.Year - 1, scope, ct) is not null) return null;
            var closer = sp.GetRequiredService<LearningYearCloser>();
            var outcome = await closer.CloseAsync(today.Year - 1, scope, today, dryRun: false, by: null, wait: false, ct);
            if (outcome is { AlreadyClosed: false })
                logger.LogInformation("yn.learning.annual: closed {Year} in {Scope}: {Revoked} of {Checked} internal supervisors lost the qualification",
                    outcome.Year, outcome.Scope, outcome.Decisions.Count, outcome.Checked);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be away for a while; the next round tries again.
            logger.LogWarning(ex, "yn.learning.annual: closing the previous year failed");
            return null;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop a service it already disposed (test hosts do): stopping twice is harmless.
        if (Interlocked.CompareExchange(ref _disposed, 0, 0) == 1) return Task.CompletedTask;
        _stopping.Cancel();
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _timer?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private int _disposed;
}
