using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Registry;

/// <summary>Kind of a 委派机构/发证机构 (authority that appoints, dispatches or issues cards). CN 第五条, 第七条.</summary>
public enum AuthorityKind
{
    /// <summary>人力资源社会保障部 / 职业技能鉴定中心 (MOHRSS, OSTA).</summary>
    Ministry = 1,

    /// <summary>省级职业技能鉴定中心 (provincial skill appraisal centre).</summary>
    ProvincialCentre = 2,

    /// <summary>地级以上市鉴定中心 (city appraisal centre).</summary>
    CityCentre = 3,

    /// <summary>开发区等功能区主管局 (zone bureau, e.g. BJ E-Town's 社会事业局).</summary>
    ZoneBureau = 4,

    /// <summary>相关行业部门 (industry department, issues internal cards).</summary>
    IndustryDepartment = 5,
}

/// <summary>An authority as the kernel or a pack defines it.</summary>
/// <param name="Id">Stable id (<c>00</c> MOHRSS, <c>44</c> provincial centre, pack-defined ids such as <c>44.A</c>).</param>
/// <param name="Kind">Kind.</param>
/// <param name="Jurisdiction">The subtree it acts in.</param>
/// <param name="CardIssuerCode">Code it puts in card numbers, or null when it issues no cards.</param>
/// <param name="Name">Name in Chinese and English.</param>
public sealed record AuthorityDefinition(string Id, AuthorityKind Kind, JurisdictionCode Jurisdiction, string? CardIssuerCode, LocalizedText Name)
{
    /// <summary>True when the authority may issue external cards under the national rule (<c>cn.card.issuer-level</c>: provincial or higher).</summary>
    public bool IsProvincialOrHigher => Kind is AuthorityKind.Ministry or AuthorityKind.ProvincialCentre;
}

/// <summary>
/// Authorities a pack adds in its jurisdiction (GD's city centres, BJ E-Town's zone bureau). The kernel supplies
/// MOHRSS and one provincial centre per province of the card annex (表3).
/// </summary>
public interface IAuthorityCatalogue : IPackExtension
{
    /// <summary>The pack's authorities.</summary>
    IReadOnlyList<AuthorityDefinition> Authorities { get; }
}

/// <summary>The kernel's default authorities: MOHRSS and each province's skill appraisal centre.</summary>
public static class NationalAuthorities
{
    /// <summary>MOHRSS plus one provincial centre per code of the card annex.</summary>
    public static IReadOnlyList<AuthorityDefinition> All { get; } =
    [
        .. CardAuthorities.All.Select(a => a.Code == "CN"
            ? new AuthorityDefinition(CardAuthorities.MinistryCode, AuthorityKind.Ministry, JurisdictionCode.National, CardAuthorities.MinistryCode,
                new("人力资源社会保障部职业技能鉴定中心", "MOHRSS Occupational Skill Testing Authority (OSTA)"))
            : new AuthorityDefinition(a.Code, AuthorityKind.ProvincialCentre, JurisdictionCode.Parse(a.Code), a.Code,
                new($"{a.Name.Zh}职业技能鉴定中心", $"{a.Name.En} skill appraisal centre"))),
    ];
}
