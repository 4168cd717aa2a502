using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Calendar;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Features.Assignments;

/// <summary>
/// Who sees and changes assignments. Staff see those of tasks in their subtree; a supervisor sees only their own; an
/// institution operator sees the assignments of their institution's tasks — the internal ones always (their own people),
/// the external ones only once the task's draw is published (一公开), so the institution does not learn beforehand who
/// will come. Only the assigned supervisor or a dispatcher of the task's jurisdiction changes an assignment.
/// </summary>
public sealed class AssignmentAccess(SupervisionDbContext db) : IScopedService
{
    /// <summary>An assignment with the facts every response shows.</summary>
    public sealed record Row(Assignment Assignment, string SupervisorName, bool RecordFiled)
    {
        public AssignmentDto ToDto() => AssignmentDto.From(Assignment, SupervisorName, RecordFiled);
    }

    /// <summary>
    /// The assignments the principal may see: staff of the task's jurisdiction all; the supervisor their own; the operator
    /// of the task's institution its own internal supervisors' assignments, and external ones once the draw is published
    /// or the supervisor has entered the site (from then on there is nothing left to keep from the institution).
    /// </summary>
    public IQueryable<Assignment> Visible(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tasks = db.SupervisionTasks.AsNoTracking().WithinJurisdictionOf(user, t => t.Jurisdiction);
        var pairs = from a in db.Assignments.AsNoTracking() join t in tasks on a.TaskId equals t.Id select new { a, t };
        if (TaskAccess.IsStaff(user)) return pairs.Select(p => p.a);
        if (user.Has(Roles.InstitutionOperator) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Institution), out var own))
            return pairs.Where(p => p.t.InstitutionId == own
                && (p.a.Role == "internal" || p.a.EntryAt != null
                    || db.Draws.Any(d => d.TaskId == p.t.Id && d.Purpose == "supervisor" && d.Status == "run" && d.Published)))
                .Select(p => p.a);
        if (user.Has(Roles.Supervisor) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var self))
            return pairs.Where(p => p.a.SupervisorId == self).Select(p => p.a);
        return pairs.Where(_ => false).Select(p => p.a);
    }

    /// <summary>Adds the supervisor's name and whether a record is filed.</summary>
    public IQueryable<Row> Rows(IQueryable<Assignment> assignments) =>
        from a in assignments
        join s in db.Supervisors.AsNoTracking() on a.SupervisorId equals s.Id
        select new Row(a, s.Name, db.SupervisionRecords.Any(r => r.AssignmentId == a.Id));

    public async Task<AssignmentDto> DtoAsync(Guid id, CancellationToken ct) =>
        (await Rows(db.Assignments.AsNoTracking().Where(a => a.Id == id)).SingleAsync(ct)).ToDto();

    /// <summary>
    /// The assignment (untracked) when the principal may change it; otherwise the problem: 404 (not visible: another
    /// supervisor's, or outside the subtree) or 403 (visible, but the principal is neither the assigned supervisor nor a dispatcher).
    /// </summary>
    public async Task<(Assignment? Assignment, ProblemHttpResult? Problem)> ForChangeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var assignment = await Visible(user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null) return (null, Problems.NotFound($"assignment {id}"));
        var self = Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var s) ? s : Guid.Empty;
        if (TaskAccess.IsDispatcher(user) || (user.Has(Roles.Supervisor) && assignment.SupervisorId == self)) return (assignment, null);
        return (null, Problems.Forbidden(new LocalizedText("只有被委派的督导员本人或委派机构可以操作该委派", "only the assigned supervisor or a dispatcher may act on this assignment")));
    }

    /// <summary>An assignment with its task when the principal may see it; null otherwise (answer 404).</summary>
    public async Task<AssignmentScene?> VisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, bool track = false)
    {
        if (!await Visible(user).AnyAsync(a => a.Id == id, ct)) return null;
        var assignment = await (track ? db.Assignments : db.Assignments.AsNoTracking()).SingleAsync(a => a.Id == id, ct);
        var task = await db.SupervisionTasks.AsNoTracking().SingleAsync(t => t.Id == assignment.TaskId, ct);
        return new AssignmentScene(assignment, task);
    }

    /// <summary>True when the caller is the supervisor of the assignment.</summary>
    public static bool IsAssignedSupervisor(ClaimsPrincipal user, AssignmentScene scene) =>
        user.Has(Roles.Supervisor) && Guid.TryParse(user.FindFirstValue(SupervisionClaims.Supervisor), out var self) && self == scene.Assignment.SupervisorId;

    /// <summary>True when the caller operates the task's institution.</summary>
    public static bool IsInstitution(ClaimsPrincipal user, AssignmentScene scene) =>
        user.Has(Roles.InstitutionOperator) && user.FindFirstValue(SupervisionClaims.Institution) == scene.Task.InstitutionId.ToString();
}

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
