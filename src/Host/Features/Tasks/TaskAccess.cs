using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Tasks;

/// <summary>Who sees a task: staff of its jurisdiction, the operator of its institution, the supervisors assigned to it.</summary>
public sealed class TaskAccess(SupervisionDbContext db) : IScopedService
{
    /// <summary>True for roles that manage dispatch (admins, centre operators) or audit it.</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Has(Roles.NationalAdmin) || user.Has(Roles.ProvinceAdmin) || user.Has(Roles.CenterOperator) || user.Has(Roles.Auditor);

    /// <summary>True for roles that may change dispatch (not auditors).</summary>
    public static bool IsDispatcher(ClaimsPrincipal user) =>
        user.Has(Roles.NationalAdmin) || user.Has(Roles.ProvinceAdmin) || user.Has(Roles.CenterOperator);

    public async Task<SupervisionTask?> VisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var query = track ? db.SupervisionTasks : db.SupervisionTasks.AsNoTracking();
        var task = await query.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !user.CanAccess(JurisdictionCode.Parse(task.Jurisdiction))) return null;
        if (IsStaff(user)) return task;
        if (user.Has(Roles.InstitutionOperator) && user.FindFirstValue(SupervisionClaims.Institution) == task.InstitutionId.ToString()) return task;
        if (user.Has(Roles.Supervisor) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var self)
            && await db.Assignments.AnyAsync(a => a.TaskId == id && a.SupervisorId == self, ct)) return task;
        return null;
    }
}
