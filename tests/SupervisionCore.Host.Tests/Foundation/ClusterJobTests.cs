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
        (await Job.TryRunAsync(CancellationToken.None)).ShouldBeTrue();

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
