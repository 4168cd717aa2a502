using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Jobs;

/// <summary>
/// 聘期届满自动解聘 (<c>cn.appointment.term</c>, CN 第八条): a term ends by itself after its last day. The status is
/// always derived from the dates; this job only records each expiry once in the audit log (action
/// <c>appointment.expire</c>) and marks the appointment, once per cluster. It looks every hour, so an expiry is recorded
/// within an hour of midnight China time whenever the Host started; terms ended early (dismissal) did not expire and are
/// left alone. Idempotent: a recorded expiry is never recorded again.
/// </summary>
public sealed class AppointmentExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AppointmentExpiryJob> logger)
    : ClusterJob(scopes, clock, logger)
{
    // A round records at most this many; the next round takes the rest.
    private const int Batch = 5000;
    private readonly TimeProvider _clock = clock;

    protected override long LockKey => 0x5C_1002;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(_clock.GetUtcNow());
        var audit = services.GetRequiredService<AuditLog>();
        var expired = await db.Appointments
            .Where(a => a.End < today && !a.ExpiryRecorded && (a.TerminatedOn == null || a.TerminatedOn > a.End))
            .OrderBy(a => a.End).ThenBy(a => a.Id).Take(Batch)
            .Join(db.Supervisors, a => a.SupervisorId, s => s.Id, (a, s) => new { Appointment = a, s.Jurisdiction })
            .ToListAsync(ct);
        if (expired.Count == 0) return;
        foreach (var e in expired) e.Appointment.ExpiryRecorded = true;
        await db.SaveChangesAsync(ct);
        // The audit entries last, just before the caller commits.
        foreach (var e in expired)
            await audit.AppendAsync(db, AuditActor.System, new AuditEvent("appointment.expire", "appointment", e.Appointment.Id.ToString(), e.Jurisdiction,
                Rules: [NationalRules.AppointmentTerm.Id], After: new { e.Appointment.SupervisorId, e.Appointment.TermNumber, e.Appointment.End },
                Detail: $"term {e.Appointment.TermNumber} ended by itself on {e.Appointment.End:yyyy-MM-dd}"), ct);
    }
}
