using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Data.Applications;

namespace SupervisionCore.Plugins.Yunnan.Features.Applications;

/// <summary>Loading an application and its supervisor for a step, with the caller's reach (absent and out of reach are both 404).</summary>
public static class ApplicationStep
{
    public static async Task<(QualificationApplication Application, SupervisorFacts Supervisor)?> LoadAsync(
        ApplicationsDbContext db, ISupervisionDirectory directory, ClaimsPrincipal user, Guid id, bool acting, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return null;
        var s = await directory.FindSupervisorAsync(application.SupervisorId.ToString(), ct);
        if (s is null || !(acting ? user.ActsFor(s) : user.Sees(s))) return null;
        return (application, s);
    }
}
