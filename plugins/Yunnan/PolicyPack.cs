using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan;

/// <summary>The Yunnan policy pack (<c>yn</c>, jurisdiction 53; adds no sub-jurisdictions).</summary>
public sealed class PolicyPack : IPolicyPack
{
    /// <inheritdoc />
    public string Id => YunnanRules.PackId;

    /// <inheritdoc />
    public string RulePrefix => "yn";

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => YunnanRules.All;

    /// <inheritdoc />
    public IReadOnlyList<JurisdictionDefinition> Jurisdictions => [];
}
