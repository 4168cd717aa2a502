using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Tasks;

/// <summary>
/// 设立督导任务 as every caller sets one (<c>POST /supervision-tasks</c>, a complaint's investigation): the dispatching
/// authority must cover the institution and be in the caller's reach (404 otherwise), the facts go to the kernel's
/// <see cref="TaskCreationDecision"/>, and an allowed task is added with its audit entry in the caller's transaction.
/// </summary>
public sealed class TaskPlanner(
    SupervisionDbContext db, Institutions.InstitutionStanding standing, IEnumerable<ITaskKindProvider> kindProviders, IEnumerable<IStaffingRule> staffingRules,
    AuditLog audit, TimeProvider clock, IParameterSource parameters) : IScopedService
{
    /// <summary>What a task asks for.</summary>
    public sealed record Plan(string Kind, string AuthorityId, Institution Institution, Activity? Activity, ActivityVenue? Venue, IReadOnlyList<string> Matters,
        DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd);

    /// <summary>The task and the kernel's decision, or the 404 when the authority is out of reach.</summary>
    public async Task<(ProblemHttpResult? NotFound, SupervisionTask? Task, Decision<TaskPlanned>? Decision)> DecideAsync(ClaimsPrincipal user, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var authority = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == plan.AuthorityId, ct);
        if (authority is null || !user.CanAccess(JurisdictionCode.Parse(authority.Jurisdiction))
            || !JurisdictionCode.Parse(authority.Jurisdiction).Contains(JurisdictionCode.Parse(plan.Institution.Jurisdiction)))
            return (Problems.NotFound($"authority '{plan.AuthorityId}' covering the institution's jurisdiction"), null, null);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = plan.Kind, AuthorityId = authority.Id, Jurisdiction = plan.Institution.Jurisdiction, InstitutionId = plan.Institution.Id,
            ActivityId = plan.Activity?.Id, VenueId = plan.Venue?.Id, Matters = [.. plan.Matters], Status = TaskState.Planned.Text(),
            WindowStart = (plan.WindowStart ?? plan.Activity!.StartsAt).ToUniversalTime(), WindowEnd = (plan.WindowEnd ?? plan.Activity!.EndsAt).ToUniversalTime(),
            CreatedBy = user.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        var decision = TaskCreationDecision.Decide(new TaskCreationFacts
        {
            Task = TaskKinds.Info(task, plan.Venue?.Contestants ?? plan.Activity?.CandidateCount ?? 0), InstitutionSanctions = await standing.HistoryAsync(plan.Institution.Id, ct),
        }, kindProviders, staffingRules.BindTo(await parameters.CurrentAsync(ct)));
        if (decision.Allowed) TaskKinds.Apply(task, decision.Transition);
        return (null, task, decision);
    }

    /// <summary>Adds an allowed task and its audit entry (call inside the caller's transaction).</summary>
    public async Task AddAsync(SupervisionTask task, AuditActor actor, string? detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        db.SupervisionTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, actor, new AuditEvent("task.create", "supervision-task", task.Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.TaskKinds.Id, .. task.StaffingRules], After: TaskDto.From(task), Detail: detail), ct);
    }
}
