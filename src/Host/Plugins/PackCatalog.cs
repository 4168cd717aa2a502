using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Plugins;

/// <summary>The enabled packs with the kernel's national catalogue: every rule and jurisdiction in force in this deployment.</summary>
public sealed class PackCatalog
{
    public PackCatalog(IReadOnlyList<LoadedPack> packs)
    {
        Packs = packs;
        Rules = [.. NationalRules.All, .. packs.SelectMany(p => p.Pack.Rules)];
        Jurisdictions =
        [
            new JurisdictionDefinition("CN", new("全国", "National"), null),
            .. CardAuthorities.All.Where(a => a.Code != "CN"),
            .. packs.SelectMany(p => p.Pack.Jurisdictions),
        ];
        SourceDocuments = [NationalRules.Source, .. packs.SelectMany(p => p.Manifest.SourceDocuments)];
    }

    /// <summary>Enabled packs in load order.</summary>
    public IReadOnlyList<LoadedPack> Packs { get; }

    /// <summary>Every rule of the kernel and the enabled packs (all periods).</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The jurisdiction tree: national root, provinces of the card annex, sub-jurisdictions of the packs.</summary>
    public IReadOnlyList<JurisdictionDefinition> Jurisdictions { get; }

    /// <summary>Source documents by their short code.</summary>
    public IReadOnlyList<SourceDocument> SourceDocuments { get; }

    /// <summary>An enabled pack by id.</summary>
    public LoadedPack? Find(string id) => Packs.FirstOrDefault(p => p.Manifest.Id == id);

    /// <summary>True when the code is a known node of this deployment's tree.</summary>
    public bool IsKnown(JurisdictionCode code) => Jurisdictions.Any(j => j.Code == code.Value);

    /// <summary>
    /// Rules in force on <paramref name="day"/> that concern <paramref name="jurisdiction"/>: rules of the node and
    /// its ancestors (they apply there) and of its descendants (they apply in a part of it).
    /// </summary>
    public IEnumerable<RuleDescriptor> InForce(DateOnly day, JurisdictionCode? jurisdiction) =>
        Rules.Where(r => r.IsInForceOn(day) && (jurisdiction is not { } j || r.Jurisdiction.Contains(j) || j.Contains(r.Jurisdiction)));
}
