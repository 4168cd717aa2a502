using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Assignments;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Demo;

/// <summary>
/// Drawn demo tasks (<c>Demo:Enabled</c>), for Guangdong (44), the Beijing ETDZ (11.ETDZ) and Yunnan (53): a daily task of
/// an activity that ended a week ago, drawn and published (一公开: it is in <c>GET /api/v1/public/draws</c>), and a daily task
/// of an activity in two weeks, drawn, whose first selected supervisor has accepted. Every draw is made by the real draw
/// service (<see cref="DrawService"/>: the dispatchable pool minus the rules' exclusions, the kernel's verifiable ranking,
/// a fresh seed), so its transcript verifies. Convergent: each start completes what is missing and duplicates nothing.
/// </summary>
internal static class DemoDraws
{
    private const long DrawsLock = 0x5C_0005;
    private static readonly string[] Jurisdictions = ["44", "11.ETDZ", "53"];

    /// <summary>One drawn demo task: plan number suffix, days from today to the activity, publish the draw, accept rank 1.</summary>
    private sealed record Plan(string Suffix, int InDays, bool Publish, bool Accept, string Occupation);

    private static readonly Plan[] Plans =
    [
        new("002", -7, Publish: true, Accept: false, "焊工"),
        new("003", 14, Publish: false, Accept: true, "养老护理员"),
    ];

    /// <summary>Completes the drawn demo tasks; one line per draw for the console (jurisdiction, state, ids).</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        var draws = services.GetRequiredService<DrawService>();
        var audit = services.GetRequiredService<AuditLog>();
        var staffing = services.GetServices<IStaffingRule>().BindTo(await services.GetRequiredService<IParameterSource>().CurrentAsync(ct));
        var kinds = services.GetServices<ITaskKindProvider>();
        var acts = services.GetRequiredService<AssignmentActs>();
        var lines = new List<string>();
        // The draw service commits its own transactions: a session lock (on a connection kept open) makes Hosts starting
        // together complete the demo draws once.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({DrawsLock})", ct);
            foreach (var code in Jurisdictions)
            {
                var institutions = await db.Institutions.AsNoTracking().Where(i => i.Name.StartsWith("【演示】") && i.Jurisdiction == code)
                    .OrderBy(i => i.FilingNumber).Select(i => i.Id).ToListAsync(ct);
                if (institutions.Count < 2) continue;
                foreach (var plan in Plans)
                {
                    var task = await TaskAsync(db, code, institutions[plan.Publish ? 1 : 0], plan, kinds, staffing, ct);
                    var draw = await db.Draws.SingleOrDefaultAsync(d => d.TaskId == task.Id && d.Purpose == "supervisor" && d.Status == "run", ct);
                    if (draw is null)
                    {
                        var run = await draws.DrawAsync(task, null, VerifiableDraw.NewSeed(), null, null, AuditActor.System, ct);
                        if (!run.Decision.Allowed) { lines.Add($"  {code,-8} task {task.Id}: not drawn ({string.Join(", ", run.Decision.Violations.Select(v => v.Rule))})"); continue; }
                        if (run.Draw is null) continue;
                        draw = run.Draw;
                    }
                    if (plan.Publish) await draws.PublishAsync(draw, AuditActor.System, ct);
                    if (plan.Accept) await AcceptFirstAsync(db, acts, draw, ct);
                    lines.Add($"  {code,-8} draw {draw.Id}  task {task.Id}  {(plan.Publish ? "published" : "rank 1 accepted")}");
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({DrawsLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        return lines;
    }

    /// <summary>The plan's activity and daily task, created when missing (tracked: the draw moves the task to <c>drawn</c>).</summary>
    private static async Task<SupervisionTask> TaskAsync(
        SupervisionDbContext db, string code, Guid institutionId, Plan plan, IEnumerable<ITaskKindProvider> kinds, IEnumerable<IStaffingRule> staffing, CancellationToken ct)
    {
        var planNumber = $"{code}-DEMO-{plan.Suffix}";
        var existing = await (from t in db.SupervisionTasks
                              join a in db.Activities on t.ActivityId equals a.Id
                              where a.PlanNumber == planNumber && a.Jurisdiction == code
                              select t).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;

        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(plan.InDays);
        var startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(), InstitutionId = institutionId, Jurisdiction = code, Kind = "skill-level-recognition", Occupation = plan.Occupation,
            Level = "四级/中级工", PlanNumber = planNumber, RecognitionForm = "理论知识考试+操作技能考核",
            StartsAt = startsAt.ToUniversalTime(), EndsAt = startsAt.AddHours(8).ToUniversalTime(), CandidateCount = 40, CreatedAt = now,
            Venues = [new ActivityVenue { Name = "综合实训楼二层", Address = "演示地址", Contestants = 40 }],
        };
        db.Activities.Add(activity);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = "daily", AuthorityId = code, Jurisdiction = code, InstitutionId = institutionId, ActivityId = activity.Id,
            Matters = ["考场秩序", "考评人员、管理人员工作情况"], Status = "planned", WindowStart = activity.StartsAt, WindowEnd = activity.EndsAt, CreatedBy = "system", CreatedAt = now,
        };
        var planned = TaskCreationDecision.Decide(new TaskCreationFacts { Task = TaskKinds.Info(task, activity.CandidateCount) }, kinds, staffing);
        if (!planned.Allowed) throw new InvalidOperationException("demo task refused: " + string.Join(", ", planned.Violations.Select(v => v.Rule)));
        TaskKinds.Apply(task, planned.Transition);
        db.SupervisionTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>The first selected supervisor accepts, through the same act as <c>POST /assignments/{id}/acceptance</c>: the task starts.</summary>
    private static async Task AcceptFirstAsync(SupervisionDbContext db, AssignmentActs acts, Draw draw, CancellationToken ct)
    {
        var first = await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.DrawId == draw.Id && a.Rank == 1, ct);
        if (first is not { Status: AssignmentStatuses.Invited }) return;
        var accepted = await acts.AcceptAsync(first, AuditActor.System, "demo", ct);
        if (accepted.Problem is not null) throw new InvalidOperationException($"demo acceptance of {first.Id} refused");
    }
}
