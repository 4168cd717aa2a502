using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SupervisionCore.Host.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's PostgreSQL server binaries: initialised once in a data
/// folder (reused across runs), started on a free loopback port, stopped on dispose. As root it runs the server
/// as the <c>postgres</c> OS user (PostgreSQL refuses to run as root). Used by the Host when no connection string
/// is configured, and by the test fixture (with <see cref="Options.Throwaway"/>).
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    /// <summary>Settings of an embedded cluster.</summary>
    /// <param name="DataDirectory">Cluster folder; created and initialised when empty.</param>
    /// <param name="Throwaway">Test clusters: fsync off (never for the Host's own data).</param>
    /// <param name="BinDirectory">Folder of initdb/pg_ctl, or null to search PATH then /usr/lib/postgresql/*/bin.</param>
    /// <param name="MaxConnections">The server's <c>max_connections</c>: 300 for a Host (two Hosts with 100-connection pools and room to spare).</param>
    public sealed record Options(string DataDirectory, bool Throwaway = false, string? BinDirectory = null, int MaxConnections = 300);

    private const string OsUser = "postgres";
    private readonly Options _options;
    private readonly string _binDirectory;
    private bool _started;

    private EmbeddedPostgres(Options options, string binDirectory, int port)
    {
        _options = options;
        _binDirectory = binDirectory;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string for a database of this cluster (superuser <c>postgres</c>, trust auth on loopback).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=100;Timeout=15;Command Timeout=30";

    /// <summary>Initialises (if needed) and starts a cluster; throws <see cref="EmbeddedPostgresException"/> with one clear line when it cannot.</summary>
    public static EmbeddedPostgres Start(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bin = options.BinDirectory ?? FindBinDirectory();
        if (bin is null || !HasServerTools(bin))
            throw new EmbeddedPostgresException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found {(options.BinDirectory is null ? "on PATH or in /usr/lib/postgresql/*/bin" : $"in '{options.BinDirectory}'")}: " +
                "install them (Debian: apt-get install postgresql), set Database__BinDirectory to their folder, " +
                "or set ConnectionStrings__Supervision to an existing server.");
        var pg = new EmbeddedPostgres(options, bin, FreePort());
        pg.InitialiseIfEmpty();
        pg.StartServer();
        return pg;
    }

    /// <summary>Finds the folder holding initdb and pg_ctl: PATH first, then the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServerTools(dir))
            {
                // Debian links initdb into /usr/local/bin; resolve to the real folder so pg_ctl finds 'postgres'.
                var target = new FileInfo(Path.Combine(dir, "initdb")).ResolveLinkTarget(true);
                return target is not null ? Path.GetDirectoryName(target.FullName) : dir;
            }
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) return null;
        return Directory.GetDirectories(debianRoot)
            .Select(v => Path.Combine(v, "bin"))
            .Where(HasServerTools)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var n) ? n : 0)
            .FirstOrDefault();
    }

    private static bool HasServerTools(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private void InitialiseIfEmpty()
    {
        var dir = _options.DataDirectory;
        Directory.CreateDirectory(dir);
        if (File.Exists(Path.Combine(dir, "PG_VERSION"))) { PrepareOwnership(dir); return; }
        if (Directory.EnumerateFileSystemEntries(dir).Any())
            throw new EmbeddedPostgresException($"Database:DataDirectory '{dir}' is not empty and holds no PostgreSQL cluster: choose an empty or existing cluster folder.");
        PrepareOwnership(dir);
        Run("initdb", $"-D \"{dir}\" -U postgres -A trust -E UTF8 --locale=C", TimeSpan.FromMinutes(2));
    }

    private static void PrepareOwnership(string dir)
    {
        if (!RunningAsRoot) return;
        // The server runs as 'postgres': it must own its data folder, and reach it through every parent.
        RunRaw("chown", $"-R {OsUser}:{OsUser} \"{dir}\"", TimeSpan.FromSeconds(30));
        RunRaw("chmod", $"700 \"{dir}\"", TimeSpan.FromSeconds(10));
        for (var parent = Directory.GetParent(dir); parent is not null; parent = parent.Parent)
            RunRaw("chmod", $"o+x \"{parent.FullName}\"", TimeSpan.FromSeconds(10));
    }

    private void StartServer()
    {
        var dir = _options.DataDirectory;
        // A Host killed with SIGKILL leaves its server running on this folder: stop that leftover first (one Host
        // per embedded folder; N Hosts share a real server through ConnectionStrings:Supervision). A stale
        // postmaster.pid of a dead server is handled by pg_ctl itself.
        if (TryRun("pg_ctl", $"-D \"{dir}\" status", TimeSpan.FromSeconds(15)) == 0)
            Run("pg_ctl", $"-D \"{dir}\" -m fast -w -t 30 stop", TimeSpan.FromSeconds(45));
        var settings = $"-p {Port} -k \\\"{dir}\\\" -c listen_addresses=127.0.0.1 -c max_connections={_options.MaxConnections}";
        if (_options.Throwaway) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        try
        {
            Run("pg_ctl", $"-D \"{dir}\" -l \"{Path.Combine(dir, "server.log")}\" -w -t 60 -o \"{settings}\" start", TimeSpan.FromSeconds(90));
        }
        catch (EmbeddedPostgresException ex)
        {
            throw new EmbeddedPostgresException($"the embedded PostgreSQL in '{dir}' did not start ({ex.Message}); see {Path.Combine(dir, "server.log")}");
        }
        _started = true;
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended, committed data is safe).</summary>
    public void Stop()
    {
        if (!_started) return;
        _started = false;
        try
        {
            Run("pg_ctl", $"-D \"{_options.DataDirectory}\" -m fast -w -t 30 stop", TimeSpan.FromSeconds(45));
        }
        catch (EmbeddedPostgresException)
        {
            Run("pg_ctl", $"-D \"{_options.DataDirectory}\" -m immediate -w stop", TimeSpan.FromSeconds(20));
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void Run(string tool, string arguments, TimeSpan timeout)
    {
        var exe = Path.Combine(_binDirectory, tool);
        if (RunningAsRoot) RunRaw("runuser", $"-u {OsUser} -- \"{exe}\" {arguments}", timeout);
        else RunRaw(exe, arguments, timeout);
    }

    private int TryRun(string tool, string arguments, TimeSpan timeout)
    {
        try
        {
            Run(tool, arguments, timeout);
            return 0;
        }
        catch (EmbeddedPostgresException)
        {
            return 1;
        }
    }

    private static void RunRaw(string file, string arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        psi.Environment["LC_ALL"] = "C";
        using var process = Process.Start(psi) ?? throw new EmbeddedPostgresException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new EmbeddedPostgresException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
        {
            var detail = (stderr.Result + " " + stdout.Result).Trim();
            throw new EmbeddedPostgresException($"{Path.GetFileName(file)} {FirstWord(arguments)} failed (exit {process.ExitCode}): {LastLine(detail)}");
        }
    }

    private static string LastLine(string text) =>
        string.Join(' ', (text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string FirstWord(string arguments) => arguments.Split(' ', 2)[0];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The embedded cluster could not be found, initialised or started; the message is one line saying what to do.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddedPostgresException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public EmbeddedPostgresException() { }

    /// <summary>Creates the exception.</summary>
    public EmbeddedPostgresException(string message, Exception inner) : base(message, inner) { }
}
