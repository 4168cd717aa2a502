using System.Security.Claims;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Admin;

/// <summary>
/// Who may grant what: a principal grants only inside its own jurisdiction subtree, a province admin never grants
/// national-admin, and the jurisdiction must be a node of this deployment's tree.
/// </summary>
internal static class Grants
{
    /// <summary>Null when allowed, else the reason.</summary>
    public static LocalizedText? Check(ClaimsPrincipal user, IReadOnlyList<string> roles, string jurisdiction, PackCatalog catalog)
    {
        var target = JurisdictionCode.Parse(jurisdiction);
        if (!catalog.IsKnown(target))
            return new($"辖区 {target} 不在本部署的辖区树中", $"jurisdiction {target} is not a node of this deployment's tree");
        if (!user.CanAccess(target))
            return new("只能在本辖区范围内授权", "you can grant access only inside your own jurisdiction");
        if (roles.Contains(Roles.NationalAdmin) && !user.Has(Roles.NationalAdmin))
            return new("只有全国管理员可以授予全国管理员角色", "only a national admin can grant national-admin");
        if (roles.Contains(Roles.NationalAdmin) && !target.IsNational)
            return new("全国管理员的辖区必须是 CN", "a national admin's jurisdiction must be CN");
        return null;
    }
}
