using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Records;

/// <summary>An assignment with its task.</summary>
public sealed record AssignmentScene(Assignment Assignment, SupervisionTask Task)
{
    /// <summary>The task's jurisdiction.</summary>
    public JurisdictionCode Jurisdiction => JurisdictionCode.Parse(Task.Jurisdiction);

    /// <summary>
    /// The China day the supervision ended, from which filing periods run: the supervisor's exit (离场) when recorded,
    /// else the end of the task window.
    /// </summary>
    public DateOnly SupervisionEnd => ChinaTime.DateOf(Assignment.ExitAt ?? Task.WindowEnd);
}

/// <summary>
/// Who sees an assignment (and its record and feedback): staff of the task's jurisdiction, the supervisor assigned, the
/// operator of the task's institution. Anyone else gets null, which endpoints answer with 404.
/// </summary>
public sealed class AssignmentAccess(SupervisionDbContext db) : IScopedService
{
    public async Task<AssignmentScene?> VisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var assignments = track ? db.Assignments : db.Assignments.AsNoTracking();
        var assignment = await assignments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null) return null;
        var task = await db.SupervisionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == assignment.TaskId, ct);
        if (task is null || !user.CanAccess(JurisdictionCode.Parse(task.Jurisdiction))) return null;
        var scene = new AssignmentScene(assignment, task);
        return TaskAccess.IsStaff(user) || IsAssignedSupervisor(user, scene) || IsInstitution(user, scene) ? scene : null;
    }

    /// <summary>True when the caller is the supervisor of the assignment.</summary>
    public static bool IsAssignedSupervisor(ClaimsPrincipal user, AssignmentScene scene) =>
        user.Has(Roles.Supervisor) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var self) && self == scene.Assignment.SupervisorId;

    /// <summary>True when the caller operates the task's institution.</summary>
    public static bool IsInstitution(ClaimsPrincipal user, AssignmentScene scene) =>
        user.Has(Roles.InstitutionOperator) && user.FindFirstValue(SupervisionClaims.Institution) == scene.Task.InstitutionId.ToString();
}
