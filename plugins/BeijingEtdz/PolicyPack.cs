using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz;

/// <summary>The Beijing E-Town policy pack (<c>bj-etdz</c>, zone <c>11.ETDZ</c>; rule ids <c>bj.*</c>).</summary>
public sealed class PolicyPack : IPolicyPack
{
    private static readonly IReadOnlyList<JurisdictionDefinition> Zone =
    [
        new(BeijingEtdzRules.Jurisdiction.Value,
            new LocalizedText("北京经济技术开发区", "Beijing Economic-Technological Development Area"),
            "经开区 (E-Town); supervision managed by 北京经济技术开发区社会事业局 (BJ 5)."),
    ];

    /// <inheritdoc />
    public string Id => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public string RulePrefix => BeijingEtdzRules.RulePrefix;

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => BeijingEtdzRules.All;

    /// <inheritdoc />
    public IReadOnlyList<JurisdictionDefinition> Jurisdictions => Zone;
}
