using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Access;

/// <summary>
/// Which institutions a principal may act on, and whether an institution may receive new activities and tasks.
/// Institution operators reach only the institution named in their <c>institution</c> claim; everyone else their
/// jurisdiction subtree.
/// </summary>
public sealed class InstitutionAccess(SupervisionDbContext db) : IScopedService
{
    /// <summary>The institution when it exists and the principal may see it; null otherwise (answer 404).</summary>
    public async Task<Institution?> VisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null || !user.CanAccess(JurisdictionCode.Parse(institution.Jurisdiction))) return null;
        if (user.Has(Roles.InstitutionOperator) && !user.Has(Roles.CenterOperator) && !user.Has(Roles.ProvinceAdmin) && !user.Has(Roles.NationalAdmin)
            && user.FindFirstValue(SupervisionClaims.Institution) != id.ToString()) return null;
        return institution;
    }

    /// <summary>
    /// A disqualified institution (取消评价工作资格, the last step of the ladder) gets no new activities or tasks
    /// (<c>cn.sanction.institution-ladder</c>, CN 第十八条).
    /// </summary>
    public static RuleOutcome CanReceiveNew(Institution institution)
    {
        ArgumentNullException.ThrowIfNull(institution);
        return institution.Status == "disqualified"
            ? RuleOutcome.Fail(NationalRules.InstitutionSanctionLadder.Violated(new LocalizedText(
                $"评价机构“{institution.Name}”已被取消评价工作资格，不得新增评价活动或督导任务",
                $"institution '{institution.Name}' is disqualified and gets no new activities or tasks")))
            : RuleOutcome.Pass;
    }
}
