using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Features.Institutions;
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
        return await db.Institutions.AsNoTracking().Visible(user).SingleOrDefaultAsync(i => i.Id == id, ct);
    }
}
