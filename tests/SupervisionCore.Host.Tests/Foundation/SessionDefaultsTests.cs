using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Foundation;

/// <summary>
/// The Host's PostgreSQL sessions run with JIT off (issue #20: on a draw's pool query JIT compilation was 285 ms of 590 ms),
/// unless the operator's connection string says otherwise.
/// </summary>
public sealed class SessionDefaultsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("Host=db;Database=supervision", "-c jit=off")]
    [InlineData("Host=db;Database=supervision;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [InlineData("Host=db;Database=supervision;Options=-c jit=on", "-c jit=on")]
    [InlineData("Host=db;Database=supervision;Options=-c JIT=on", "-c JIT=on")]
    public void Jit_is_turned_off_unless_the_connection_string_sets_it(string configured, string options)
    {
        var result = new NpgsqlConnectionStringBuilder(SupervisionHost.WithSessionDefaults(configured));
        result.Options.ShouldBe(options);
        result.Host.ShouldBe("db");
        result.Database.ShouldBe("supervision");
    }

    [Fact]
    public async Task The_hosts_own_sessions_run_without_jit()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW jit", (NpgsqlConnection)db.Database.GetDbConnection());
        ((string)(await show.ExecuteScalarAsync())!).ShouldBe("off");
    }
}
