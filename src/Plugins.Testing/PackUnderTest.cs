using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Testing;

/// <summary>
/// A pack as the Host sees it, built without the Host: its entry point, its manifest, and every extension-point class
/// of its assembly created the way the Host creates them (a singleton per class, constructor arguments from DI: the
/// configuration, <see cref="TimeProvider"/>, the China working-day calendar and the pack's other extensions).
/// </summary>
public sealed class PackUnderTest
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    /// <summary>Builds the view of <paramref name="pack"/> with its manifest file and the configuration its extensions read.</summary>
    public PackUnderTest(IPolicyPack pack, string manifestPath, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        ManifestPath = manifestPath;
        Assembly = pack.GetType().Assembly;
        Manifest = File.Exists(manifestPath)
            ? JsonSerializer.Deserialize<PackManifest>(File.ReadAllText(manifestPath), ManifestJson)
              ?? throw new InvalidDataException($"{manifestPath} is empty")
            : throw new FileNotFoundException($"pack.json of pack '{pack.Id}' not found at '{manifestPath}'", manifestPath);
        ExtensionTypes = [.. LoadableTypes(Assembly).Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPackExtension).IsAssignableFrom(t))];

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IWorkingDayCalendar>(ChinaWorkingDayCalendar.WithPublishedArrangements());
        foreach (var type in ExtensionTypes) services.AddSingleton(type);
        var provider = services.BuildServiceProvider();
        Extensions = [.. ExtensionTypes.Select(t => (IPackExtension)provider.GetRequiredService(t))];
    }

    /// <summary>The pack's entry point.</summary>
    public IPolicyPack Pack { get; }

    /// <summary>The pack assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Where the manifest was read from.</summary>
    public string ManifestPath { get; }

    /// <summary>The manifest (pack.json).</summary>
    public PackManifest Manifest { get; }

    /// <summary>Every non-abstract class of the pack implementing <see cref="IPackExtension"/> (what the Host registers).</summary>
    public IReadOnlyList<Type> ExtensionTypes { get; }

    /// <summary>One instance of each extension class.</summary>
    public IReadOnlyList<IPackExtension> Extensions { get; }

    /// <summary>The extensions that enforce a catalogued rule.</summary>
    public IEnumerable<IRuleExtension> RuleExtensions => Extensions.OfType<IRuleExtension>();

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { return [.. ex.Types.Where(t => t is not null)!]; }
    }
}
