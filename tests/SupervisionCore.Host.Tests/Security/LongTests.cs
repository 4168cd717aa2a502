namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// The one switch of the long reliability runs: <c>SUPERVISION_LONG_TESTS=1</c> scales the fuzzing, the concurrency,
/// the crash iterations and the outage duration up to the figures of issue #10 (README "Long reliability tests").
/// </summary>
public static class LongTests
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SUPERVISION_LONG_TESTS") is "1" or "true";

    /// <summary><paramref name="normal"/> in the default run, <paramref name="extended"/> under the switch.</summary>
    public static int Scale(int normal, int extended) => Enabled ? extended : normal;
}

/// <summary>The security suites share one Host and world; the process-level fault suites run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SecuritySuite : ICollectionFixture<SecurityWorld>
{
    public const string Name = "security";
}

/// <summary>Tests that start Host processes and PostgreSQL clusters of their own (run serially, not beside each other).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSuite
{
    public const string Name = "faults";
}
