using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// The zone's authority: 北京经济技术开发区社会事业局 (BJ 第五条 manages supervision in the zone; 第六条、第十五条 it selects,
/// appoints and dispatches the external supervisors). It issues no cards: external cards are numbered and issued by the
/// Beijing municipal centre (第十二条 "由北京市职业鉴定管理中心统一编码并颁发"), national format, issuer code <c>11</c> —
/// the kernel's authority <c>11</c>; internal cards are issued by the institutions themselves (第十三条, annex 1).
/// </summary>
public sealed class ZoneAuthorities : IAuthorityCatalogue
{
    /// <summary>Id of the zone bureau (equal to the zone's jurisdiction code).</summary>
    public const string BureauId = "11.ETDZ";

    /// <summary>社会事业局.</summary>
    public static AuthorityDefinition Bureau { get; } = new(
        BureauId, AuthorityKind.ZoneBureau, BeijingEtdzRules.Jurisdiction, CardIssuerCode: null,
        new LocalizedText("北京经济技术开发区社会事业局", "Social Affairs Bureau of the Beijing Economic-Technological Development Area"));

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public IReadOnlyList<AuthorityDefinition> Authorities { get; } = [Bureau];
}
