using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Parameters;

/// <summary>The parameters of one pack key (<c>cn</c> for the kernel's): where they apply and their definitions.</summary>
/// <param name="Key">Pack id, or <c>cn</c>.</param>
/// <param name="Jurisdictions">Where the pack applies (who may add values: an administrator whose subtree holds them all).</param>
/// <param name="Definitions">The pack's parameters.</param>
public sealed record PackParameters(string Key, IReadOnlyList<JurisdictionCode> Jurisdictions, IReadOnlyList<ParameterDefinition> Definitions)
{
    /// <summary>The definition with <paramref name="id"/>, or null.</summary>
    public ParameterDefinition? Find(string id) => Definitions.FirstOrDefault(d => d.Id == id);
}

/// <summary>Every parameter declared by the kernel and the enabled packs (<see cref="IParameterCatalogue"/>), by pack key.</summary>
public sealed class ParameterRegistry : ISingletonService
{
    /// <summary>The key of the kernel's parameters; <c>national</c> is accepted as an alias.</summary>
    public const string NationalKey = NationalRules.PackId;

    private readonly Dictionary<string, PackParameters> _packs;

    /// <exception cref="StartupException">A catalogue is unsound (unknown pack, id outside the pack's prefix, bad default, unknown rule, duplicate id).</exception>
    public ParameterRegistry(IEnumerable<IParameterCatalogue> catalogues, PackCatalog packs)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        ArgumentNullException.ThrowIfNull(packs);
        var byPack = catalogues.GroupBy(c => c.PackId).ToDictionary(g => g.Key, g => g.SelectMany(c => c.Parameters).ToList(), StringComparer.Ordinal);
        var prefixes = packs.Packs.ToDictionary(p => p.Manifest.Id, p => p.Pack.RulePrefix, StringComparer.Ordinal);
        prefixes[NationalKey] = NationalRules.PackId;
        var ruleIds = packs.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (pack, definitions) in byPack)
        {
            if (!prefixes.TryGetValue(pack, out var prefix)) throw new StartupException($"parameters: a catalogue names pack '{pack}', which is not enabled");
            var problems = definitions.SelectMany(d => d.Problems(prefix))
                .Concat(definitions.Where(d => d.Pack != pack).Select(d => $"parameter '{d.Id}' names pack '{d.Pack}'"))
                .Concat(definitions.SelectMany(d => d.RuleIds.Where(r => !ruleIds.Contains(r)).Select(r => $"parameter '{d.Id}' feeds unknown rule '{r}'")))
                .Concat(definitions.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => $"parameter '{g.Key}' is declared twice"))
                .ToList();
            if (problems.Count > 0) throw new StartupException($"pack '{pack}': {string.Join("; ", problems)}");
        }
        _packs = new(StringComparer.Ordinal)
        {
            [NationalKey] = new(NationalKey, [JurisdictionCode.National], byPack.GetValueOrDefault(NationalKey) ?? []),
        };
        foreach (var pack in packs.Packs)
        {
            _packs[pack.Manifest.Id] = new(pack.Manifest.Id, [.. pack.Manifest.Jurisdictions.Select(JurisdictionCode.Parse)],
                byPack.GetValueOrDefault(pack.Manifest.Id) ?? []);
        }
        All = [.. _packs.Values.SelectMany(p => p.Definitions)];
    }

    /// <summary>Every parameter.</summary>
    public IReadOnlyList<ParameterDefinition> All { get; }

    /// <summary>The parameters of <paramref name="key"/> (<c>cn</c>/<c>national</c> or an enabled pack id), or null.</summary>
    public PackParameters? Pack(string? key) =>
        key is null ? null : _packs.GetValueOrDefault(key == "national" ? NationalKey : key);

    /// <summary>The parameters that feed <paramref name="ruleId"/>.</summary>
    public IEnumerable<ParameterDefinition> ForRule(string ruleId) => All.Where(d => d.RuleIds.Contains(ruleId, StringComparer.Ordinal));
}

/// <summary>
/// The parameters in force (<see cref="IParameterSource"/>): the catalogues' defaults overlaid with the values stored in
/// <c>parameter_values</c>, read once per request. No cache across requests: a value added on one Host is seen by the next
/// request on every Host, and the table is small (a few rows a year).
/// </summary>
public sealed class ParameterResolver(SupervisionDbContext db, ParameterRegistry registry) : IParameterSource, IScopedService
{
    private Task<ParameterSet>? _current;

    /// <inheritdoc />
    public Task<ParameterSet> CurrentAsync(CancellationToken ct) => _current ??= LoadAsync(ct);

    private async Task<ParameterSet> LoadAsync(CancellationToken ct)
    {
        var rows = await db.ParameterValues.AsNoTracking().OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).ToListAsync(ct);
        // In the order added: on one day the last one added governs (ParameterTimeline keeps the last of a day).
        return ParameterSet.Of(registry.All, rows.ToLookup(r => r.ParameterId, r => new ParameterValue(r.EffectiveFrom, r.Value, r.Reason, Added: true)));
    }
}
