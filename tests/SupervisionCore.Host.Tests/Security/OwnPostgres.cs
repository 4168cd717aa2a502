using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SupervisionCore.Host.Database;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// A PostgreSQL cluster of one fault test (never the shared test cluster): fsync on, and it can be stopped, killed
/// with SIGKILL (the postmaster and its backends, by process id) and started again on the same port.
/// </summary>
public sealed class OwnPostgres : IDisposable
{
    private readonly EmbeddedPostgres _first;
    private readonly string _dir;
    private readonly string _folder;

    public OwnPostgres()
    {
        _folder = Path.Combine(Path.GetTempPath(), "sc-fault-" + Guid.NewGuid().ToString("N")[..8]);
        _dir = Path.Combine(_folder, "pgdata");
        _first = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(_dir));
        Port = _first.Port;
        using var connection = new NpgsqlConnection(_first.ConnectionString("postgres"));
        connection.Open();
        using var create = new NpgsqlCommand("CREATE DATABASE supervision", connection);
        create.ExecuteNonQuery();
    }

    public int Port { get; }

    /// <summary>The end of the server log (for a failure message).</summary>
    public string Log { get { var text = File.ReadAllText(Path.Combine(_dir, "server.log")); return text[Math.Max(0, text.Length - 3000)..]; } }

    /// <summary>The Host's connection string: short connect and command timeouts so an outage answers fast.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_first.ConnectionString("supervision")) { Timeout = 3, CommandTimeout = 10, MaxPoolSize = 100 }.ConnectionString;

    private int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(_dir, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>SIGKILL of the postmaster and every backend (no shutdown checkpoint: crash recovery on the next start).</summary>
    public void Kill()
    {
        var postmaster = PostmasterPid;
        var children = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == postmaster).ToList();
        foreach (var pid in children.Prepend(postmaster)) Run("kill", $"-9 {pid}");
        foreach (var pid in children.Prepend(postmaster)) for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++) Thread.Sleep(50);
        // A killed postmaster not yet reaped by its (foreign) parent still answers kill(pid, 0): its pid file would block the restart.
        if (!Directory.Exists($"/proc/{postmaster}") || IsZombie(postmaster))
            foreach (var stale in new[] { "postmaster.pid", $".s.PGSQL.{Port}.lock", $".s.PGSQL.{Port}" }) File.Delete(Path.Combine(_dir, stale));
    }

    /// <summary>A fast shutdown (what an operator or a failover does).</summary>
    public void Stop() => PgCtl($"-D \"{_dir}\" -m fast -w -t 30 stop");

    public void Start() => PgCtl($"-D \"{_dir}\" -l \"{Path.Combine(_dir, "server.log")}\" -w -t 60 -o \"-p {Port} -k \\\"{_dir}\\\" -c listen_addresses=127.0.0.1 -c max_connections=300\" start");

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return -1; }
        catch (UnauthorizedAccessException) { return -1; }
    }

    private static bool IsZombie(int pid)
    {
        try { var stat = File.ReadAllText($"/proc/{pid}/stat"); return stat[(stat.LastIndexOf(')') + 2)] == 'Z'; }
        catch (IOException) { return true; }
    }

    private static void PgCtl(string arguments)
    {
        var pgCtl = Path.Combine(EmbeddedPostgres.FindBinDirectory()!, "pg_ctl");
        if (Environment.UserName == "root") Run("runuser", $"-u postgres -- \"{pgCtl}\" {arguments}");
        else Run(pgCtl, arguments);
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    public void Dispose()
    {
        try { _first.Stop(); } catch (EmbeddedPostgresException) { }
        try { Stop(); } catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
