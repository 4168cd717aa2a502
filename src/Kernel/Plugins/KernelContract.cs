namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// The version of the pack contract this kernel offers. A pack declares the contract version it was built
/// against in its manifest; the Host loads it when the major versions are equal and the pack's minor is not
/// newer than the kernel's (semantic versioning: minors only add).
/// </summary>
public static class KernelContract
{
    /// <summary>The contract version of this kernel build (equals the SupervisionCore.Kernel package version).</summary>
    public static Version Version { get; } = typeof(KernelContract).Assembly.GetName().Version is { } v
        ? new Version(v.Major, v.Minor, Math.Max(v.Build, 0))
        : new Version(1, 0, 0);

    /// <summary>Checks whether a pack built for <paramref name="packContract"/> can load into this kernel.</summary>
    /// <returns>Null when compatible, otherwise the reason in English.</returns>
    public static string? Incompatibility(Version packContract)
    {
        ArgumentNullException.ThrowIfNull(packContract);
        if (packContract.Major < Version.Major)
            return $"built for kernel contract {packContract.ToString(2)}, this Host offers {Version.ToString(2)} (major versions differ: rebuild the pack against SupervisionCore.Kernel {Version.ToString(2)})";
        if (packContract.Major != Version.Major)
            return $"built for kernel contract {packContract.ToString(2)}, this Host offers {Version.ToString(2)} (major versions differ)";
        if (packContract.Minor > Version.Minor)
            return $"built for kernel contract {packContract.ToString(2)}, newer than this Host's {Version.ToString(2)}: upgrade the Host";
        return null;
    }
}
