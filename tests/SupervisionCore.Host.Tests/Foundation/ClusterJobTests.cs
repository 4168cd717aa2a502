using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SupervisionCore.Host.Jobs;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Foundation;

public sealed class ClusterJobTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private TokenPruningJob Job => app.Services.GetServices<IHostedService>().OfType<TokenPruningJob>().Single();

    [Fact]
    public async Task A_round_runs_when_the_cluster_lock_is_free_and_is_skipped_while_another_host_holds_it()
    {
        // The Host runs its own first round as it starts (as do the other cluster jobs): wait until that one is done.
        var ran = false;
        for (var attempt = 0; attempt < 50 && !ran; attempt++)
            if (!(ran = await Job.TryRunAsync(CancellationToken.None))) await Task.Delay(100);
        ran.ShouldBeTrue();

        await using var otherHost = new NpgsqlConnection(app.ConnectionString);
        await otherHost.OpenAsync();
        await using var tx = await otherHost.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({0x5C_1001})", otherHost, tx))
            await hold.ExecuteNonQueryAsync();
        (await Job.TryRunAsync(CancellationToken.None)).ShouldBeFalse();
        await tx.RollbackAsync();
        (await Job.TryRunAsync(CancellationToken.None)).ShouldBeTrue();
    }
}
