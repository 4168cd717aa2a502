using SupervisionCore.Host;

// One line on stderr and exit code 1 when the Host cannot start (missing PostgreSQL binaries, a bad pack, …).
try
{
    await SupervisionHost.RunAsync(args);
    return 0;
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync($"SupervisionCore cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
