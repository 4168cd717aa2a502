using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Assignments;

/// <summary>
/// 替补 (substitution) after a refusal (<c>cn.dispatch.random</c>, CN 第八条): the next person in the refused assignment's
/// draw ranking who is not already on the task (in any state) and who, judged again now as the draw would judge them
/// (<see cref="DispatchFactsLoader.JudgeAsync"/>, the kernel's <c>DispatchJudgement</c>: still dispatchable on the task's first day, no recusal, no pack exclusion),
/// may go. Candidates passed over are reported with the rules that stopped them. A manual assignment, or one of a
/// superseded draw, has no ranking to take a substitute from.
/// </summary>
public sealed class Substitution(SupervisionDbContext db, DispatchFactsLoader facts) : IScopedService
{
    /// <summary>The outcome: the new invitation (added to the context, not saved) or null, and who was passed over.</summary>
    public sealed record Result(Assignment? Replacement, IReadOnlyList<ExclusionDto> Skipped);

    /// <summary>Finds and adds the substitute for <paramref name="refused"/>; sets its <c>ReplacedById</c>. Call with the task locked.</summary>
    public async Task<Result> ReplaceAsync(SupervisionTask task, Assignment refused, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(refused);
        if (refused.DrawId is not { } drawId) return new Result(null, []);
        var draw = await db.Draws.AsNoTracking().SingleAsync(d => d.Id == drawId, ct);
        if (draw.Status != "run") return new Result(null, []);
        var taken = (await db.Assignments.AsNoTracking().Where(a => a.TaskId == task.Id).Select(a => a.SupervisorId).ToListAsync(ct)).ToHashSet();
        taken.Add(refused.SupervisorId);
        var skipped = new List<ExclusionDto>();
        for (var i = 0; i < draw.Ranking.Length; i++)
        {
            var id = Guid.Parse(draw.Ranking[i]);
            if (taken.Contains(id)) continue;
            var outcome = await facts.JudgeAsync(task, id, SupervisorKind.External, ct);
            if (!outcome.Passed)
            {
                skipped.Add(new ExclusionDto(draw.Ranking[i], [.. outcome.Violations.Select(v => v.Rule).Distinct()]));
                continue;
            }
            var replacement = new Assignment
            {
                Id = Guid.CreateVersion7(), TaskId = task.Id, DrawId = draw.Id, SupervisorId = id, Rank = i + 1,
                Role = "external", Status = AssignmentStatuses.Invited, CreatedAt = now,
            };
            db.Assignments.Add(replacement);
            refused.ReplacedById = replacement.Id;
            return new Result(replacement, skipped);
        }
        return new Result(null, skipped);
    }
}
