using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong;

/// <summary>The Guangdong policy pack (<c>gd</c>, jurisdiction 44 and its 21 cities).</summary>
public sealed class PolicyPack : IPolicyPack
{
    /// <inheritdoc />
    public string Id => GuangdongRules.PackId;

    /// <inheritdoc />
    public string RulePrefix => "gd";

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => GuangdongRules.All;

    /// <inheritdoc />
    public IReadOnlyList<JurisdictionDefinition> Jurisdictions => Cities.Jurisdictions;
}
