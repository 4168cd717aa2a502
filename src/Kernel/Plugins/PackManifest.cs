namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// The manifest a pack ships as <c>pack.json</c> in its folder. The Host reads it before loading the
/// assembly, so an incompatible pack is refused without running any of its code.
/// </summary>
public sealed record PackManifest
{
    /// <summary>Pack id, lower-case (<c>gd</c>, <c>bj-etdz</c>); routes live under <c>/api/v1/regions/{id}/</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name in Chinese and English.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The pack's own semantic version.</summary>
    public required string Version { get; init; }

    /// <summary>The kernel contract version the pack was built against (<c>1.0</c>).</summary>
    public required string KernelContract { get; init; }

    /// <summary>File name of the pack assembly inside its folder.</summary>
    public required string Assembly { get; init; }

    /// <summary>Jurisdictions the pack governs (<c>44</c>, <c>11.ETDZ</c>).</summary>
    public required IReadOnlyList<string> Jurisdictions { get; init; }

    /// <summary>The source documents the pack implements.</summary>
    public required IReadOnlyList<Rules.SourceDocument> SourceDocuments { get; init; }

    /// <summary>Checks the manifest's own fields; returns the problems found (empty when complete).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id) || !PackIds.IsValid(Id)) problems.Add($"id '{Id}' must be lower-case letters, digits and '-'");
        if (Name is null || string.IsNullOrWhiteSpace(Name.Zh) || string.IsNullOrWhiteSpace(Name.En)) problems.Add("name needs zh and en");
        if (!System.Version.TryParse(Version, out _)) problems.Add($"version '{Version}' is not a version");
        if (!System.Version.TryParse(KernelContract, out _)) problems.Add($"kernelContract '{KernelContract}' is not a version");
        if (string.IsNullOrWhiteSpace(Assembly)) problems.Add("assembly is missing");
        if (Jurisdictions is null || Jurisdictions.Count == 0) problems.Add("jurisdictions are missing");
        else problems.AddRange(Jurisdictions.Where(j => !Registry.JurisdictionCode.TryParse(j, out _)).Select(j => $"jurisdiction '{j}' is not a code"));
        if (SourceDocuments is null || SourceDocuments.Count == 0) problems.Add("sourceDocuments are missing");
        return problems;
    }
}

/// <summary>Pack id syntax.</summary>
public static class PackIds
{
    /// <summary>True for 1–32 characters of lower-case letters, digits and inner hyphens.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 32 && id[0] != '-' && id[^1] != '-' &&
        id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
