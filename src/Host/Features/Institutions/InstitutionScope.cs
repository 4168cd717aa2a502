using System.Globalization;
using System.Security.Claims;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Features.Institutions;

/// <summary>评价机构 (evaluation institution) as clients see it; <c>version</c> is the optimistic-concurrency token (also the ETag).</summary>
public sealed record InstitutionDto(
    Guid Id, string Name, string Kind, string FilingNumber, string FilingLevel, string Jurisdiction, string Status,
    string InternalIssuerCode, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version)
{
    public static InstitutionDto From(Institution i) => new(
        i.Id, i.Name, i.Kind, i.FilingNumber, i.FilingLevel, i.Jurisdiction, i.Status, i.InternalIssuerCode, i.CreatedAt, i.UpdatedAt, i.Version);

    /// <summary>The strong ETag of a version (<c>"123"</c>).</summary>
    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}

/// <summary>
/// Which institutions a principal sees: its jurisdiction subtree; an institution operator (with no wider role) only the
/// institution of its <c>institution</c> claim. Used by every institution endpoint so the rule is in one place.
/// </summary>
public static class InstitutionScope
{
    /// <summary>Roles that see every institution of their subtree.</summary>
    private static readonly string[] SubtreeReaders = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.Auditor];

    /// <summary>Roles that register and edit institutions inside their subtree.</summary>
    public static readonly string[] Editors = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator];

    /// <summary>Roles that read the institution registry.</summary>
    public static readonly string[] Readers = [Roles.NationalAdmin, Roles.ProvinceAdmin, Roles.CenterOperator, Roles.InstitutionOperator, Roles.Auditor];

    /// <summary>Roles that decide CN 第十八条 sanctions (由人力资源社会保障部门): the HRSS administrations.</summary>
    public static readonly string[] Sanctioners = [Roles.NationalAdmin, Roles.ProvinceAdmin];

    /// <summary>The institutions the principal may see.</summary>
    public static IQueryable<Institution> Visible(this IQueryable<Institution> query, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scoped = query.WithinJurisdictionOf(user, i => i.Jurisdiction);
        if (SubtreeReaders.Any(user.Has)) return scoped;
        if (user.Has(Roles.InstitutionOperator) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Institution), out var own))
            return scoped.Where(i => i.Id == own);
        return scoped.Where(_ => false);
    }
}
