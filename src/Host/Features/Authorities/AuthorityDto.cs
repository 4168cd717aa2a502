using SupervisionCore.Host.Data.Registry;

namespace SupervisionCore.Host.Features.Authorities;

/// <summary>委派机构/发证机构 (authority): kind, jurisdiction, the code it puts in card numbers, its name and who defined it (<c>cn</c> or a pack id).</summary>
public sealed record AuthorityDto(string Id, string Kind, string Jurisdiction, string? CardIssuerCode, TextDto Name, string Source)
{
    public static AuthorityDto From(Authority a) => new(a.Id, a.Kind, a.Jurisdiction, a.CardIssuerCode, new TextDto(a.NameZh, a.NameEn), a.Source);
}
