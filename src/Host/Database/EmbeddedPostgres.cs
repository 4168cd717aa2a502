using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace SupervisionCore.Host.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's PostgreSQL server binaries: initialised once in a data
/// folder (reused across runs), started on a free loopback port, stopped on dispose. As root it runs the server
/// as the <c>postgres</c> OS user (PostgreSQL refuses to run as root). Used by the Host when no connection string
/// is configured, and by the test fixture (with <see cref="Options.Throwaway"/>).
/// No local user is trusted: the superuser <c>postgres</c> authenticates with SCRAM-SHA-256 on the loopback port and on the Unix
/// socket, with a generated password kept in <see cref="Options.PasswordFile"/> (mode 0600, readable only by the Host's OS user).
/// A cluster initialised by an earlier version with <c>initdb -A trust</c> is migrated on start: the password is set and
/// <c>pg_hba.conf</c> rewritten and reloaded.
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    /// <summary>Settings of an embedded cluster.</summary>
    /// <param name="DataDirectory">Cluster folder; created and initialised when empty.</param>
    /// <param name="Throwaway">Test clusters: fsync off (never for the Host's own data).</param>
    /// <param name="BinDirectory">Folder of initdb/pg_ctl, or null to search PATH then /usr/lib/postgresql/*/bin.</param>
    /// <param name="MaxConnections">The server's <c>max_connections</c>: 300 for a Host (two Hosts with 100-connection pools and room to spare).</param>
    /// <param name="PasswordFile">File of the superuser's password; default <c>&lt;DataDirectory&gt;.password</c> beside the cluster folder
    /// (outside it, so the server's OS user cannot read it when the Host runs as root).</param>
    public sealed record Options(string DataDirectory, bool Throwaway = false, string? BinDirectory = null, int MaxConnections = 300, string? PasswordFile = null)
    {
        /// <summary>The effective password file.</summary>
        public string ResolvedPasswordFile => PasswordFile ?? Path.GetFullPath(DataDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".password";
    }

    /// <summary>What <c>pg_hba.conf</c> holds: password (SCRAM) authentication for every local and loopback connection, nothing else.</summary>
    internal const string HbaConf = """
        # Written by SupervisionCore: every local or loopback login needs the password (SCRAM); the Host keeps it in its password file.
        local   all             all                                     scram-sha-256
        host    all             all             127.0.0.1/32            scram-sha-256
        host    all             all             ::1/128                 scram-sha-256
        local   replication     all                                     scram-sha-256
        host    replication     all             127.0.0.1/32            scram-sha-256
        host    replication     all             ::1/128                 scram-sha-256

        """;

    private const string OsUser = "postgres";
    private readonly Options _options;
    private readonly string _binDirectory;
    private readonly string _password;
    private bool _started;

    private EmbeddedPostgres(Options options, string binDirectory, int port)
    {
        _options = options;
        _binDirectory = binDirectory;
        Port = port;
        _password = LoadOrCreatePassword(options.ResolvedPasswordFile);
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string for a database of this cluster (superuser <c>postgres</c>, SCRAM-SHA-256 with the generated password).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = OsUser, Password = _password, Database = database,
        Pooling = true, MaxPoolSize = 100, Timeout = 15, CommandTimeout = 30,
    }.ConnectionString;

    /// <summary>The file holding the superuser's password.</summary>
    public string PasswordFile => _options.ResolvedPasswordFile;

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
        pg.MigrateFromTrustIfNeeded();
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
        // initdb reads the password from a file: a private copy the server's OS user can read, removed right after.
        var scratch = Directory.CreateTempSubdirectory("sc-pw-");
        var pwfile = Path.Combine(scratch.FullName, "pw");
        try
        {
            WritePrivate(pwfile, _password);
            if (RunningAsRoot)
            {
                RunRaw("chown", $"-R {OsUser}:{OsUser} \"{scratch.FullName}\"", TimeSpan.FromSeconds(10));
            }
            Run("initdb", $"-D \"{dir}\" -U postgres -A scram-sha-256 --pwfile=\"{pwfile}\" -E UTF8 --locale=C", TimeSpan.FromMinutes(2));
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        WriteHba();
    }

    /// <summary>True when <c>pg_hba.conf</c> has an active line that trusts (or otherwise does not ask for the password).</summary>
    private bool HbaTrustsSomeone() =>
        File.ReadLines(Path.Combine(_options.DataDirectory, "pg_hba.conf"))
            .Select(l => l.Split('#', 2)[0].Trim())
            .Where(l => l.Length > 0)
            .Any(l => !l.EndsWith("scram-sha-256", StringComparison.Ordinal));

    private void WriteHba()
    {
        var hba = Path.Combine(_options.DataDirectory, "pg_hba.conf");
        var temp = hba + ".new";
        File.WriteAllText(temp, HbaConf);
        if (RunningAsRoot) RunRaw("chown", $"{OsUser}:{OsUser} \"{temp}\"", TimeSpan.FromSeconds(10));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, hba, overwrite: true);
    }

    /// <summary>
    /// A cluster made with <c>initdb -A trust</c> (earlier versions): connect while it still trusts, give the superuser the
    /// password of the password file, then allow only SCRAM and reload. Run again after a crash half-way, it does the same.
    /// </summary>
    private void MigrateFromTrustIfNeeded()
    {
        if (!HbaTrustsSomeone()) return;
        var trusting = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Password = null, Pooling = false }.ConnectionString;
        using (var connection = new NpgsqlConnection(trusting))
        {
            connection.Open();
            // The password is base64url (no quote can occur); ALTER ROLE takes no parameters.
            using var alter = new NpgsqlCommand($"SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres WITH PASSWORD '{_password}'", connection);
            alter.ExecuteNonQuery();
        }
        WriteHba();
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            reload.ExecuteNonQuery();
        }
    }

    /// <summary>The password of the password file, created (32 random bytes, base64url, mode 0600) when there is none.</summary>
    private static string LoadOrCreatePassword(string file)
    {
        if (File.Exists(file))
        {
            var existing = File.ReadAllText(file).Trim();
            if (existing.Length >= 16) return existing;
            throw new EmbeddedPostgresException($"the embedded PostgreSQL password file '{file}' is empty or too short: restore it (or delete it together with the cluster folder)");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            WritePrivate(file, password);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another Host process created it first: use theirs.
            return File.ReadAllText(file).Trim();
        }
        return password;
    }

    /// <summary>Creates <paramref name="file"/> with mode 0600 from the start (never briefly readable by others).</summary>
    private static void WritePrivate(string file, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
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
