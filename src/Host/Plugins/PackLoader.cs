using System.Reflection;
using System.Text.Json;
using McMaster.NETCore.Plugins;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Host.Plugins;

/// <summary>Where packs come from and which are enabled.</summary>
public sealed class PluginsOptions
{
    public const string Section = "Plugins";

    /// <summary>Folder holding one sub-folder per pack; default: <c>plugins/</c> next to the Host's binaries.</summary>
    public string? Path { get; set; }

    /// <summary>Pack ids to enable; empty means every pack found.</summary>
    public List<string> Enabled { get; set; } = [];

    /// <summary>The effective folder.</summary>
    public string ResolvedPath => System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(AppContext.BaseDirectory, "plugins"));
}

/// <summary>A pack that passed every load check.</summary>
/// <param name="Manifest">Its manifest (pack.json).</param>
/// <param name="Pack">Its entry point.</param>
/// <param name="Assembly">Its assembly, loaded in its own context with the kernel, framework and FastEndpoints shared.</param>
/// <param name="Folder">Its folder.</param>
/// <param name="EndpointTypes">Endpoint types the pack contributes.</param>
public sealed record LoadedPack(PackManifest Manifest, IPolicyPack Pack, Assembly Assembly, string Folder, IReadOnlyList<Type> EndpointTypes);

/// <summary>A pack could not be loaded; the message names the pack and the reason in one line.</summary>
public sealed class PackLoadException(string message) : Exception(message)
{
    public PackLoadException() : this("pack load failed") { }
    public PackLoadException(string message, Exception inner) : this(message + ": " + inner.Message) { }
}

/// <summary>
/// Loads policy packs from disk with McMaster.NETCore.Plugins. Each pack folder holds <c>pack.json</c> and the
/// pack assembly. The kernel contract, FastEndpoints, FluentValidation, EF Core and Npgsql types are shared with
/// the Host (a pack carrying its own FastEndpoints would have its endpoints silently ignored, so the loader counts
/// each pack's endpoints against the shared <see cref="FastEndpoints.IEndpoint"/> and refuses a pack with none).
/// </summary>
public static class PackLoader
{
    /// <summary>Types whose assemblies every pack shares with the Host.</summary>
    public static readonly Type[] SharedTypes =
    [
        typeof(IPolicyPack),
        typeof(SupervisionCore.Plugins.AspNetCore.PackProblems),
        typeof(FastEndpoints.IEndpoint),
        typeof(FastEndpoints.EndpointDefinition),
        typeof(FluentValidation.IValidator),
        typeof(Microsoft.EntityFrameworkCore.DbContext),
        typeof(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions),
        typeof(Npgsql.NpgsqlConnection),
        typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
        typeof(Microsoft.Extensions.Logging.ILogger),
    ];

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    /// <summary>Loads the enabled packs, or throws <see cref="PackLoadException"/>.</summary>
    public static IReadOnlyList<LoadedPack> Load(PluginsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.ResolvedPath;
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(System.IO.Path.Combine(d, "pack.json")))
                .ToDictionary(d => System.IO.Path.GetFileName(d), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        var enabled = options.Enabled.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct().ToList();
        if (enabled.Count > 0 && !Directory.Exists(root))
            throw new PackLoadException($"pack '{enabled[0]}': the plugins folder '{root}' does not exist (set Plugins:Path)");
        var ids = enabled.Count > 0 ? enabled : [.. found.Keys.Order(StringComparer.Ordinal)];

        var packs = new List<LoadedPack>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var folder))
            {
                var known = found.Count == 0 ? "none" : string.Join(", ", found.Keys.Order(StringComparer.Ordinal));
                throw new PackLoadException($"pack '{id}': Plugins:Enabled names it, but '{root}' has no folder '{id}' with a pack.json (found: {known})");
            }
            packs.Add(LoadOne(id, folder));
        }
        return packs;
    }

    private static LoadedPack LoadOne(string id, string folder)
    {
        var manifest = ReadManifest(id, folder);
        if (manifest.Id != id)
            throw new PackLoadException($"pack '{id}': its pack.json says id '{manifest.Id}'; the folder name must equal the pack id");
        var reason = KernelContract.Incompatibility(Version.Parse(manifest.KernelContract));
        if (reason is not null) throw new PackLoadException($"pack '{id}' is incompatible: {reason}");

        var assemblyPath = System.IO.Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
            throw new PackLoadException($"pack '{id}': assembly '{manifest.Assembly}' named in pack.json is missing from '{folder}'");

        Assembly assembly;
        Type[] types;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, c => c.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var first = ex.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? ex.Message;
            throw new PackLoadException($"pack '{id}' failed to load: {first}");
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PackLoadException($"pack '{id}' failed to load: {ex.Message}");
        }

        var entryTypes = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPolicyPack).IsAssignableFrom(t)).ToList();
        if (entryTypes.Count != 1)
            throw new PackLoadException(entryTypes.Count == 0
                ? $"pack '{id}': its assembly has no class implementing IPolicyPack from the shared kernel contract (does it ship its own SupervisionCore.Kernel.dll? reference it with Private=false/ExcludeAssets=runtime)"
                : $"pack '{id}': its assembly has {entryTypes.Count} IPolicyPack classes; exactly one is allowed");

        IPolicyPack pack;
        try
        {
            pack = (IPolicyPack)Activator.CreateInstance(entryTypes[0])!;
        }
        catch (Exception ex)
        {
            throw new PackLoadException($"pack '{id}': creating {entryTypes[0].Name} failed: {(ex.InnerException ?? ex).Message}");
        }
        if (pack.Id != id) throw new PackLoadException($"pack '{id}': its IPolicyPack.Id is '{pack.Id}'");
        var badRule = pack.Rules.FirstOrDefault(r => !r.Id.StartsWith(pack.RulePrefix + ".", StringComparison.Ordinal) || r.Pack != id);
        if (badRule is not null)
            throw new PackLoadException($"pack '{id}': rule '{badRule.Id}' must start with '{pack.RulePrefix}.' and name pack '{id}'");
        var duplicate = pack.Rules.GroupBy(r => (r.Id, r.EffectiveFrom)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new PackLoadException($"pack '{id}': rule '{duplicate.Key.Id}' is declared twice for the same period");

        var endpoints = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(FastEndpoints.IEndpoint).IsAssignableFrom(t)).ToList();
        if (endpoints.Count == 0)
            throw new PackLoadException($"pack '{id}' contributed no endpoints: a pack needs at least one, and must reference FastEndpoints with Private=false/ExcludeAssets=runtime (a private FastEndpoints.dll hides its endpoints)");

        return new LoadedPack(manifest, pack, assembly, folder, endpoints);
    }

    private static PackManifest ReadManifest(string id, string folder)
    {
        PackManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PackManifest>(File.ReadAllText(System.IO.Path.Combine(folder, "pack.json")), ManifestJson);
        }
        catch (JsonException ex)
        {
            throw new PackLoadException($"pack '{id}': pack.json is not valid: {ex.Message}");
        }
        if (manifest is null) throw new PackLoadException($"pack '{id}': pack.json is empty");
        var problems = manifest.Problems();
        if (problems.Count > 0) throw new PackLoadException($"pack '{id}': pack.json is incomplete: {string.Join("; ", problems)}");
        return manifest;
    }
}
