using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// The entry point of a policy pack: exactly one public, parameterless class per pack assembly implements it.
/// The Host finds it after reading the manifest, checks that its id matches, adds its rules to the catalogue,
/// hands its assembly to FastEndpoints (endpoints and validators) and Scrutor (extension points:
/// every non-abstract class implementing a kernel extension-point interface is registered as a singleton).
/// </summary>
public interface IPolicyPack
{
    /// <summary>The pack id; equals the manifest's id.</summary>
    string Id { get; }

    /// <summary>
    /// The prefix of the pack's rule ids (<c>gd</c>; <c>bj</c> for pack <c>bj-etdz</c>, as RULES.md names them).
    /// Every rule id of the pack starts with this prefix and a dot.
    /// </summary>
    string RulePrefix { get; }

    /// <summary>Every rule of the pack's source documents, with ids prefixed <c>{RulePrefix}.</c>.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Sub-jurisdictions the pack adds below its province (cities, zones).</summary>
    IReadOnlyList<JurisdictionDefinition> Jurisdictions { get; }
}

/// <summary>A node the kernel or a pack adds to the jurisdiction tree.</summary>
/// <param name="Code">The code (<c>44.A</c>).</param>
/// <param name="Name">Name in Chinese and English.</param>
/// <param name="Note">Remark (e.g. why a code is kept though not in GB/T 2260), or null.</param>
public sealed record JurisdictionDefinition(string Code, LocalizedText Name, string? Note = null);
