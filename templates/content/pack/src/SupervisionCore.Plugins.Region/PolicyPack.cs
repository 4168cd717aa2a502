using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Region.Rules;

namespace SupervisionCore.Plugins.Region;

/// <summary>The pack's entry point: exactly one public parameterless IPolicyPack class per pack assembly.</summary>
public sealed class PolicyPack : IPolicyPack
{
    /// <inheritdoc />
    public string Id => RegionRules.PackId;

    /// <inheritdoc />
    public string RulePrefix => RegionRules.PackId;

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => RegionRules.All;

    /// <inheritdoc />
    public IReadOnlyList<JurisdictionDefinition> Jurisdictions => [];
}
