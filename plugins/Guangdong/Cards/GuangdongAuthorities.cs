using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Cards;

/// <summary>
/// 市鉴定中心 (city appraisal centres) of GD 第五条: "地级以上市职业技能鉴定指导中心（考试院、办公室）" train their city's
/// external supervisors and issue their cards (第七条). One per city of annex 1 table 3: id and jurisdiction <c>44.A</c> …,
/// kind <see cref="AuthorityKind.CityCentre"/>, card issuer code the city letter (position 6 of the card). The provincial
/// centre (省技能中心, id and card code <c>44</c>) is the kernel's (<see cref="NationalAuthorities"/>).
/// </summary>
public sealed class GuangdongAuthorities : IAuthorityCatalogue
{
    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public IReadOnlyList<AuthorityDefinition> Authorities { get; } =
    [
        .. Cities.All.Select(c => new AuthorityDefinition(
            c.Jurisdiction.Value, AuthorityKind.CityCentre, c.Jurisdiction, c.Letter.ToString(),
            new LocalizedText($"{c.Name.Zh}职业技能鉴定指导中心", $"{c.Name.En} skill appraisal guidance centre"))),
    ];
}
