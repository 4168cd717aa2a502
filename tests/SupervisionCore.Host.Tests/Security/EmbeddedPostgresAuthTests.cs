using Npgsql;
using SupervisionCore.Host.Database;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 item 3: the embedded cluster (the Host's, the tests', the bench's) trusts no local user: password (SCRAM-SHA-256)
/// authentication on its TCP port and its Unix socket, the generated password in a file only the Host's user can read, and a
/// cluster made with <c>initdb -A trust</c> by an earlier version is migrated on start.
/// </summary>
public sealed class EmbeddedPostgresAuthTests
{
    private static string WithoutPassword(int port, string host = "127.0.0.1") =>
        $"Host={host};Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=10";

    private static async Task ShouldRefuseAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var error = await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync());
        error.Message.ShouldMatch("(?i)password|authentication");
    }

    [Fact]
    public async Task The_test_cluster_refuses_a_local_connection_without_the_password()
    {
        var pg = TestCluster.Instance;
        await ShouldRefuseAsync(WithoutPassword(pg.Port));
        await ShouldRefuseAsync(WithoutPassword(pg.Port, "localhost"));
        await using var connection = new NpgsqlConnection(pg.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var who = new NpgsqlCommand("SELECT current_user", connection);
        ((string)(await who.ExecuteScalarAsync())!).ShouldBe("postgres");
    }

    [Fact]
    public async Task A_fresh_embedded_cluster_refuses_tcp_and_socket_connections_without_the_password()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-auth-" + Guid.NewGuid().ToString("N")[..8]);
        var dir = Path.Combine(folder, "pgdata");
        using (var pg = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(dir, Throwaway: true)))
        {
            await ShouldRefuseAsync(WithoutPassword(pg.Port));
            await ShouldRefuseAsync(WithoutPassword(pg.Port, dir));
            File.ReadAllText(Path.Combine(dir, "pg_hba.conf")).ShouldNotContain("trust");
        }
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_password_file_is_readable_by_the_hosts_user_only_and_outside_the_cluster_folder()
    {
        var pg = TestCluster.Instance;
        File.Exists(pg.PasswordFile).ShouldBeTrue();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(pg.PasswordFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        new NpgsqlConnectionStringBuilder(pg.ConnectionString("postgres")).Password.ShouldBe(File.ReadAllText(pg.PasswordFile).Trim());
        Path.GetDirectoryName(pg.PasswordFile).ShouldNotEndWith("pgdata");
    }

    [Fact]
    public async Task A_cluster_made_with_trust_auth_by_an_earlier_version_is_migrated_and_keeps_its_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-trust-" + Guid.NewGuid().ToString("N")[..8]);
        var dir = Path.Combine(folder, "pgdata");
        Directory.CreateDirectory(dir);
        // What earlier versions did: initdb -A trust (as the postgres OS user when run as root).
        var bin = EmbeddedPostgres.FindBinDirectory()!;
        if (Environment.UserName == "root")
        {
            Run("chown", $"-R postgres:postgres \"{folder}\"");
            Run("runuser", $"-u postgres -- \"{Path.Combine(bin, "initdb")}\" -D \"{dir}\" -U postgres -A trust -E UTF8 --locale=C");
        }
        else Run(Path.Combine(bin, "initdb"), $"-D \"{dir}\" -U postgres -A trust -E UTF8 --locale=C");
        File.ReadAllText(Path.Combine(dir, "pg_hba.conf")).ShouldContain("trust");

        using (var pg = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(dir, Throwaway: true)))
        {
            await ShouldRefuseAsync(WithoutPassword(pg.Port));
            await ShouldRefuseAsync(WithoutPassword(pg.Port, dir));
            await using var connection = new NpgsqlConnection(pg.ConnectionString("postgres"));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Started again (the password read back from its file): still SCRAM only, data there.
        using (var again = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(dir, Throwaway: true)))
        {
            await ShouldRefuseAsync(WithoutPassword(again.Port));
            await using var connection = new NpgsqlConnection(again.ConnectionString("postgres"));
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT v FROM kept", connection);
            ((int)(await read.ExecuteScalarAsync())!).ShouldBe(42);
        }
        File.ReadAllText(Path.Combine(dir, "pg_hba.conf")).ShouldNotContain("trust");
        Directory.Delete(folder, recursive: true);
    }

    private static void Run(string file, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments)
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" })!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);
    }
}
