using System.Reflection;

namespace SupervisionCore.Plugins.Testing.Hosting;

/// <summary>
/// Finds the Host the kit loads a pack into: a folder holding <c>SupervisionCore.Host.dll</c> (a published or built Host,
/// its bundled packs under <c>plugins/</c>). First the environment variable <c>SUPERVISIONCORE_HOST_DIR</c>, then the
/// MSBuild property <c>SupervisionCoreHostDir</c> of the test project (written into the test assembly by the kit's
/// build targets as <c>[AssemblyMetadata("SupervisionCore.HostDir", …)]</c>).
/// </summary>
public static class HostLocator
{
    /// <summary>The environment variable naming the Host folder.</summary>
    public const string EnvironmentVariable = "SUPERVISIONCORE_HOST_DIR";

    /// <summary>The assembly metadata key the build targets write.</summary>
    public const string MetadataKey = "SupervisionCore.HostDir";

    /// <summary>The Host folder for tests in <paramref name="testAssembly"/>, or a reason why there is none.</summary>
    public static (string? Folder, string? Problem) Find(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var fromBuild = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        var folder = !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv : fromBuild;
        if (string.IsNullOrWhiteSpace(folder))
            return (null, $"no Host to load the pack into: set the MSBuild property SupervisionCoreHostDir in the test project, or the environment variable {EnvironmentVariable}, to a folder holding SupervisionCore.Host.dll (a published Host)");
        if (!File.Exists(Path.Combine(folder, "SupervisionCore.Host.dll")))
            return (null, $"'{folder}' (from {(string.IsNullOrWhiteSpace(fromEnv) ? "SupervisionCoreHostDir" : EnvironmentVariable)}) holds no SupervisionCore.Host.dll: build or publish the Host there first");
        return (Path.GetFullPath(folder), null);
    }
}
