namespace SupervisionCore.Host.Database;

/// <summary>Database settings (section <c>Database</c>); the server itself is <c>ConnectionStrings:Supervision</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Embedded cluster folder, used when no connection string is set. Default: a folder under the user's local data dir.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder of the PostgreSQL server binaries for the embedded cluster; default: PATH, then /usr/lib/postgresql/*/bin.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Apply EF Core migrations at start-up (default true).</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>The effective embedded data folder.</summary>
    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "SupervisionCore", "pgdata"));
}
