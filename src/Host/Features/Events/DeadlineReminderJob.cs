using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Calendar;
using SupervisionCore.Host.Jobs;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Events;

/// <summary>
/// Deadline reminders (到期提醒): once per cluster and round, every record not yet filed for an accepted assignment, and
/// every institution feedback not yet given, whose due date (the governing deadline policy on the working-day calendar,
/// as when filing) calls for a reminder (<see cref="FilingReminders"/>) raises <c>record.due-tomorrow</c> /
/// <c>record.overdue</c> / <c>feedback.due-tomorrow</c> / <c>feedback.overdue</c> through the audit log (actor
/// <c>system</c>), hence its event. Each reminder is raised once per assignment: an audit entry of the same action and
/// assignment means it was.
/// </summary>
public sealed class DeadlineReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineReminderJob> logger, IConfiguration configuration)
    : ClusterJob(scopes, clock, logger)
{
    // Supervisions that ended longer ago than this are past any reminder worth sending (their overdue one was raised).
    private const int HorizonDays = 120;
    private readonly TimeProvider _clock = clock;

    protected override long LockKey => 0x5C_1021;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Events:ReminderIntervalMinutes", 60)));

    private sealed record Open(Guid AssignmentId, Guid TaskId, Guid SupervisorId, Guid InstitutionId, string Jurisdiction, string Kind, DateOnly End, bool NeedsRecord, bool NeedsFeedback);

    protected override async Task RunOnceAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var since = now.AddDays(-HorizonDays);
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.Status == "accepted" || a.Status == "completed")
            .Join(db.SupervisionTasks, a => a.TaskId, t => t.Id, (a, t) => new { a, t })
            .Where(x => (x.a.ExitAt ?? x.t.WindowEnd) >= since && (x.a.ExitAt ?? x.t.WindowEnd) <= now)
            .Select(x => new
            {
                x.a.Id, x.a.TaskId, x.a.SupervisorId, x.t.InstitutionId, x.t.Jurisdiction, x.t.Kind, x.a.Status, End = x.a.ExitAt ?? x.t.WindowEnd,
                HasFeedback = db.SupervisorFeedback.Any(f => f.AssignmentId == x.a.Id),
            })
            .ToListAsync(ct);
        var open = rows.Select(r => new Open(r.Id, r.TaskId, r.SupervisorId, r.InstitutionId, r.Jurisdiction, r.Kind, ChinaTime.DateOf(r.End),
                NeedsRecord: r.Status == "accepted", NeedsFeedback: !r.HasFeedback))
            .Where(o => o.NeedsRecord || o.NeedsFeedback).ToList();
        if (open.Count == 0) return;

        var ids = open.Select(o => o.AssignmentId.ToString()).ToList();
        string[] actions = ["record.due-tomorrow", "record.overdue", "feedback.due-tomorrow", "feedback.overdue"];
        var raised = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.TargetType == "assignment" && ids.Contains(e.TargetId) && actions.Contains(e.Action))
                .Select(e => new { e.Action, e.TargetId }).ToListAsync(ct))
            .Select(e => (e.Action, e.TargetId)).ToHashSet();

        var deadlines = services.GetRequiredService<DeadlinePolicies>();
        var calendar = await services.GetRequiredService<CalendarService>().CurrentAsync(ct);
        var audit = services.GetRequiredService<AuditLog>();
        var reminders = new List<AuditEvent>();
        foreach (var o in open)
        {
            var where = JurisdictionCode.Parse(o.Jurisdiction);
            var kind = Tasks.TaskKinds.Parse(o.Kind);
            if (o.NeedsRecord)
                Add(await deadlines.ForAsync(DeadlineSubject.SupervisionRecord, where, o.End, kind, ct), "record", NationalRules.ReportRequired.Id);
            if (o.NeedsFeedback)
                Add(await deadlines.ForAsync(DeadlineSubject.InstitutionFeedback, where, o.End, kind, ct), "feedback", null);

            void Add(FilingDeadline deadline, string subject, string? rule)
            {
                var reminder = FilingReminders.Of(deadline.Due, today, calendar);
                if (reminder == FilingReminder.None) return;
                var action = subject + (reminder == FilingReminder.Overdue ? ".overdue" : ".due-tomorrow");
                if (!raised.Add((action, o.AssignmentId.ToString()))) return;
                string[] rules = [.. new[] { rule, deadline.Rule?.Id }.OfType<string>()];
                reminders.Add(new AuditEvent(action, "assignment", o.AssignmentId.ToString(), o.Jurisdiction, rules,
                    After: new { o.AssignmentId, o.TaskId, o.SupervisorId, o.InstitutionId, DueOn = deadline.Due },
                    Detail: $"{subject} due on {deadline.Due:yyyy-MM-dd} ({deadline.Rule?.Id}); {(reminder == FilingReminder.Overdue ? "overdue" : "due on the next working day")} on {today:yyyy-MM-dd}"));
            }
        }
        // The entries (and their events) commit with the round's transaction.
        foreach (var r in reminders) await audit.AppendAsync(db, AuditActor.System, r, ct);
    }
}
