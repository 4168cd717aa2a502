using Npgsql;
using SupervisionCore.Host.Database;

namespace SupervisionCore.Host.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, started from the installed binaries (no Docker here), with a
/// fresh database per test class or Host. Stopped and deleted when the test process exits.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<EmbeddedPostgres> Cluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _folder;
    private static int _counter;

    private static EmbeddedPostgres Start()
    {
        _folder = Path.Combine(Path.GetTempPath(), "sc-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var pg = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(Path.Combine(_folder, "pgdata"), Throwaway: true,
            // Hundreds of throwaway databases each keep a small pool, and the two-Host tests open up to 100 connections per
            // process: room for all of them, so a test never sees "too many clients" (53300, a transient 503) from its neighbours.
            MaxConnections: 1000));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pg.Stop();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return pg;
    }

    /// <summary>The running cluster.</summary>
    public static EmbeddedPostgres Instance => Cluster.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string NewDatabase(string purpose)
    {
        var name = $"t{Interlocked.Increment(ref _counter)}_{new string([.. purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)])}";
        name = name[..Math.Min(name.Length, 60)];
        using var connection = new NpgsqlConnection(Instance.ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        // Idle connections of a finished test's pool are closed within seconds, not after Npgsql's default 300 s.
        return Instance.ConnectionString(name) + ";Connection Idle Lifetime=10;Connection Pruning Interval=5";
    }
}
