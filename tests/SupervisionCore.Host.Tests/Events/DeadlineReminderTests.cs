using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Events;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Records;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>
/// Deadline reminders from the working-day calendar: records not filed (GD 20: 5 working days) and institution feedback
/// not given (BJ-ETDZ 22: 5 calendar days) raise due-tomorrow / overdue events once, through the audit log.
/// </summary>
public sealed class DeadlineReminderTests(EventsApp app) : IClassFixture<EventsApp>
{
    private async Task<Guid> AcceptedAssignmentAsync(string jurisdiction, DateTimeOffset end, string kind = "daily")
    {
        var institution = await Seed.InstitutionAsync(app, jurisdiction);
        var supervisor = await Seed.SupervisorAsync(app, jurisdiction);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = kind, AuthorityId = jurisdiction[..2], Jurisdiction = jurisdiction, InstitutionId = institution.Id, RequiredCount = 1,
            Status = "in-progress", WindowStart = end.AddHours(-8), WindowEnd = end, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisor.Id, Rank = 1, Role = "external", Status = "accepted",
            CreatedAt = DateTimeOffset.UtcNow, RespondedAt = DateTimeOffset.UtcNow, EntryAt = end.AddHours(-8), ExitAt = end,
        };
        db.SupervisionTasks.Add(task);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    }

    private async Task RunJobAsync()
    {
        var job = app.Services.GetServices<IHostedService>().OfType<DeadlineReminderJob>().Single();
        // The Host's own first round may hold the cluster lock for a moment.
        for (var i = 0; i < 50 && !await job.TryRunAsync(CancellationToken.None); i++) await Task.Delay(100);
    }

    private async Task<List<(string Type, string Subject, JsonElement Data)>> RemindersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var rows = await db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Type.EndsWith(".due-tomorrow") || e.Type.EndsWith(".overdue")).OrderBy(e => e.Position).ToListAsync();
        return [.. rows.Select(e => (e.Type, e.Subject, JsonDocument.Parse(e.Data).RootElement))];
    }

    [Fact]
    public async Task Records_and_feedback_due_tomorrow_or_overdue_raise_their_events_once()
    {
        var now = DateTimeOffset.UtcNow;
        var today = ChinaTime.DateOf(now);
        var calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();
        // An end day whose GD due date (5 working days later) is the next working day: found by walking back from today.
        var end = today.AddDays(-1);
        while (FilingReminders.Of(WorkingDays.After(calendar, end, 5).Due, today, calendar) != FilingReminder.DueTomorrow) end = end.AddDays(-1);
        var endAt = new DateTimeOffset(end.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

        var dueTomorrow = await AcceptedAssignmentAsync("44", endAt);
        var overdue = await AcceptedAssignmentAsync("44", now.AddDays(-30));
        var notYet = await AcceptedAssignmentAsync("44", now.AddMinutes(-5));
        var bjOverdue = await AcceptedAssignmentAsync("11.ETDZ", now.AddDays(-30));

        await RunJobAsync();
        await RunJobAsync(); // a second round raises nothing again
        var reminders = await RemindersAsync();
        reminders.Select(r => (r.Type, r.Subject)).ShouldBe([
            ("supervision.record.due-tomorrow", $"assignment/{dueTomorrow}"),
            ("supervision.record.overdue", $"assignment/{overdue}"),
            ("supervision.record.overdue", $"assignment/{bjOverdue}"),
            ("supervision.feedback.overdue", $"assignment/{bjOverdue}"),
        ], ignoreOrder: true);
        reminders.ShouldNotContain(r => r.Subject == $"assignment/{notYet}");
        var tomorrow = reminders.Single(r => r.Subject == $"assignment/{dueTomorrow}").Data;
        tomorrow.GetProperty("dueOn").GetString().ShouldBe(WorkingDays.After(calendar, end, 5).Due.ToString("yyyy-MM-dd"));
        tomorrow.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.report.required", "gd.record.deadline"]);
        tomorrow.GetProperty("assignmentId").GetGuid().ShouldBe(dueTomorrow);
        reminders.Single(r => r.Type == "supervision.feedback.overdue").Data.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["bj.record.deadline"]);
    }
}
