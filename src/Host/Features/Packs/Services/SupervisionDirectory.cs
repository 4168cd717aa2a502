using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Cards;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Features.Assignments;
using SupervisionCore.Host.Features.Supervisors.Sanctions;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;

namespace SupervisionCore.Host.Features.Packs.Services;

/// <summary>The kernel's registry and supervision data as packs read it (<see cref="ISupervisionDirectory"/>); no tracking, personal data masked.</summary>
public sealed class SupervisionDirectory(SupervisionDbContext db, TimeProvider clock) : ISupervisionDirectory
{
    public async Task<SupervisorFacts?> FindSupervisorAsync(string supervisorId, CancellationToken ct)
    {
        if (!Guid.TryParse(supervisorId, out var id)) return null;
        var list = await FactsAsync(db.Supervisors.AsNoTracking().Where(s => s.Id == id), ct);
        return list.SingleOrDefault();
    }

    public async Task<IReadOnlyList<SupervisorFacts>> ListSupervisorsAsync(SupervisorQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = query.Scope.Value;
        var q = db.Supervisors.AsNoTracking().Where(s => scope == "CN" || s.Jurisdiction == scope || s.Jurisdiction.StartsWith(scope + "."));
        if (query.Kind is { } kind) { var k = kind == SupervisorKind.Internal ? "internal" : "external"; q = q.Where(s => s.Kind == k); }
        if (query.InstitutionId is not null)
        {
            if (!Guid.TryParse(query.InstitutionId, out var inst)) return [];
            q = q.Where(s => s.InstitutionId == inst);
        }
        if (query.ActiveOn is { } on)
            q = q.Where(s => db.Appointments.Any(a => a.SupervisorId == s.Id && a.Start <= on && a.End >= on && (a.TerminatedOn == null || a.TerminatedOn > on)));
        return await FactsAsync(q.OrderBy(s => s.Id), ct);
    }

    private async Task<List<SupervisorFacts>> FactsAsync(IQueryable<Supervisor> q, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var rows = await q.Select(s => new
        {
            s.Id, s.Kind, s.Jurisdiction, s.InstitutionId, s.Name, s.IdNumberMasked, s.IdNumberHash,
            Active = db.Appointments.Any(a => a.SupervisorId == s.Id && a.Start <= today && a.End >= today && (a.TerminatedOn == null || a.TerminatedOn > today)),
            Cards = db.Cards.Where(c => c.SupervisorId == s.Id && c.IssuedOn <= today && c.ValidUntil >= today && (c.WithdrawnOn == null || c.WithdrawnOn > today)).Select(c => c.Number).ToList(),
        }).ToListAsync(ct);
        return rows.Select(r => new SupervisorFacts(r.Id.ToString(), r.Kind == "internal" ? SupervisorKind.Internal : SupervisorKind.External,
            JurisdictionCode.Parse(r.Jurisdiction), r.InstitutionId?.ToString(), r.Name, r.IdNumberMasked, Convert.ToHexStringLower(r.IdNumberHash), r.Active, r.Cards)).ToList();
    }

    public async Task<IReadOnlyList<SupervisorFileEntry>> FileAsync(string supervisorId, CancellationToken ct)
    {
        if (!Guid.TryParse(supervisorId, out var id)) return [];
        List<SupervisorFileEntry> file = [];
        static Dictionary<string, string?> D(params (string Key, object? Value)[] pairs) =>
            pairs.ToDictionary(p => p.Key, p => p.Value switch { null => null, DateOnly d => d.ToString("yyyy-MM-dd"), DateTimeOffset t => t.ToString("O"), bool b => b ? "true" : "false", var v => v.ToString() });

        var assignments = await (from a in db.Assignments.AsNoTracking()
                                 join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                                 where a.SupervisorId == id
                                 select new { a, t.InstitutionId, t.Kind }).ToListAsync(ct);
        foreach (var x in assignments)
        {
            var a = x.a;
            var task = a.TaskId.ToString();
            var inst = x.InstitutionId.ToString();
            file.Add(new(a.CreatedAt, SupervisorFileEntryKinds.Dispatched, task, inst, D(("assignment", a.Id), ("role", a.Role), ("taskKind", x.Kind), ("draw", a.DrawId), ("rank", a.Rank))));
            if (a.RespondedAt is { } at)
            {
                if (a.Status == AssignmentStatuses.Refused)
                    file.Add(new(at, SupervisorFileEntryKinds.Refused, task, inst, D(("assignment", a.Id), ("reason", a.RefusalReason), ("withoutReason", a.RefusedWithoutReason))));
                else if (a.Status is AssignmentStatuses.Accepted or AssignmentStatuses.Completed)
                    file.Add(new(at, SupervisorFileEntryKinds.Accepted, task, inst, D(("assignment", a.Id))));
            }
            if (a.EntryAt is { } entry)
                file.Add(new(entry, SupervisorFileEntryKinds.Attended, task, inst, D(("assignment", a.Id), ("entry", entry), ("exit", a.ExitAt))));
        }
        var assignmentIds = assignments.Select(x => x.a.Id).ToList();
        var byAssignment = assignments.ToDictionary(x => x.a.Id);
        foreach (var r in await db.SupervisionRecords.AsNoTracking().Where(r => assignmentIds.Contains(r.AssignmentId)).ToListAsync(ct))
            file.Add(new(r.SubmittedAt, SupervisorFileEntryKinds.RecordFiled, byAssignment[r.AssignmentId].a.TaskId.ToString(), byAssignment[r.AssignmentId].InstitutionId.ToString(),
                D(("record", r.Id), ("form", r.FormId), ("dueOn", r.DueOn), ("late", r.Late))));
        foreach (var f in await db.SupervisorFeedback.AsNoTracking().Where(f => assignmentIds.Contains(f.AssignmentId)).ToListAsync(ct))
            file.Add(new(f.SubmittedAt, SupervisorFileEntryKinds.Feedback, byAssignment[f.AssignmentId].a.TaskId.ToString(), f.InstitutionId.ToString(),
                D(("feedback", f.Id), ("form", f.FormId), ("conduct", f.Conduct), ("text", f.Text), ("late", f.Late))));
        foreach (var s in await db.SupervisorSanctions.AsNoTracking().Where(s => s.SupervisorId == id).ToListAsync(ct))
            file.Add(new(s.CreatedAt, SupervisorFileEntryKinds.Sanction, null, null,
                D(("sanction", s.Id), ("measure", s.Measure), ("ground", s.Ground), ("decidedOn", s.DecidedOn), ("rules", string.Join(',', s.Rules)))));
        foreach (var a in await db.Appointments.AsNoTracking().Where(a => a.SupervisorId == id).ToListAsync(ct))
            file.Add(new(a.CreatedAt, SupervisorFileEntryKinds.Appointed, null, null,
                D(("appointment", a.Id), ("by", a.AppointedBy), ("term", a.TermNumber), ("start", a.Start), ("end", a.End), ("terminatedOn", a.TerminatedOn))));
        foreach (var c in await db.Cards.AsNoTracking().Where(c => c.SupervisorId == id).ToListAsync(ct))
        {
            file.Add(new(c.CreatedAt, SupervisorFileEntryKinds.CardIssued, null, null, D(("card", c.Number), ("issuedOn", c.IssuedOn), ("validUntil", c.ValidUntil))));
            if (c.WithdrawnOn is { } w)
                file.Add(new(ChinaTime.StartOf(w), SupervisorFileEntryKinds.CardWithdrawn, null, null, D(("card", c.Number), ("withdrawnOn", w), ("reason", c.WithdrawnReason))));
        }
        return [.. file.OrderBy(e => e.At).ThenBy(e => e.Kind, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<AttendanceFact>> AttendanceAsync(JurisdictionCode scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = ChinaTime.StartOf(from).ToUniversalTime();
        var end = ChinaTime.StartOf(to.AddDays(1)).ToUniversalTime();
        var s = scope.Value;
        var rows = await (from a in db.Assignments.AsNoTracking()
                          join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                          join p in db.Supervisors.AsNoTracking() on a.SupervisorId equals p.Id
                          where a.EntryAt != null && a.ExitAt != null && a.EntryAt >= start && a.EntryAt < end
                                && (s == "CN" || t.Jurisdiction == s || t.Jurisdiction.StartsWith(s + "."))
                          orderby a.EntryAt, a.Id
                          select new { a.Id, a.SupervisorId, p.Name, a.Role, a.TaskId, t.Kind, t.Jurisdiction, t.InstitutionId, a.EntryAt, a.ExitAt }).ToListAsync(ct);
        return rows.Select(r => new AttendanceFact(r.Id.ToString(), r.SupervisorId.ToString(), r.Name, CardKinds.Parse(r.Role), r.TaskId.ToString(), TaskKinds.Parse(r.Kind),
            JurisdictionCode.Parse(r.Jurisdiction), r.InstitutionId.ToString(), r.EntryAt!.Value, r.ExitAt!.Value)).ToList();
    }

    public async Task<InstitutionFacts?> FindInstitutionAsync(string institutionId, CancellationToken ct)
    {
        if (!Guid.TryParse(institutionId, out var id)) return null;
        var i = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return i is null ? null : new InstitutionFacts(i.Id.ToString(), i.Name, i.Kind, i.FilingNumber, JurisdictionCode.Parse(i.Jurisdiction), i.Status);
    }

    public async Task<ActivityFacts?> FindActivityAsync(string activityId, CancellationToken ct)
    {
        if (!Guid.TryParse(activityId, out var id)) return null;
        var activity = await db.Activities.AsNoTracking().Include(a => a.Venues).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return null;
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => t.ActivityId == id).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var assignments = await (from a in db.Assignments.AsNoTracking()
                                 join p in db.Supervisors.AsNoTracking() on a.SupervisorId equals p.Id
                                 where taskIds.Contains(a.TaskId)
                                 orderby a.CreatedAt, a.Id
                                 select new { a.TaskId, a.Id, a.SupervisorId, p.Name, a.Role, a.Status, a.EntryAt, a.ExitAt })
            .ToListAsync(ct);
        var byTask = assignments.ToLookup(a => a.TaskId, a => new AssignmentFacts(a.Id.ToString(), a.SupervisorId.ToString(), a.Name,
            CardKinds.Parse(a.Role), States.ParseAssignment(a.Status), a.EntryAt, a.ExitAt));
        return new ActivityFacts(activity.Id.ToString(), ActivityKinds.Parse(activity.Kind) ?? throw new InvalidOperationException($"activity {activity.Id} has the unknown kind '{activity.Kind}'"), JurisdictionCode.Parse(activity.Jurisdiction), activity.InstitutionId.ToString(),
            activity.Occupation, activity.Level, activity.PlanNumber, activity.StartsAt, activity.EndsAt, activity.CandidateCount,
            [.. activity.Venues.OrderBy(v => v.Id).Select(v => new ActivityVenueFacts(v.Id, v.Name, v.Address, v.Contestants))],
            [.. tasks.Select(t => new ActivityTaskFacts(t.Id.ToString(), TaskKinds.Parse(t.Kind), States.ParseTask(t.Status), t.VenueId, t.WindowStart, t.WindowEnd,
                t.RequiredCount, t.StaffingRules, [.. byTask[t.Id]]))]);
    }

    public async Task<TaskFacts?> FindTaskAsync(string taskId, CancellationToken ct)
    {
        if (!Guid.TryParse(taskId, out var id)) return null;
        var t = await db.SupervisionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return t is null ? null : new TaskFacts(t.Id.ToString(), TaskKinds.Parse(t.Kind), States.ParseTask(t.Status), JurisdictionCode.Parse(t.Jurisdiction),
            t.InstitutionId.ToString(), t.ActivityId?.ToString(), t.WindowStart, t.WindowEnd);
    }

    public async Task<IReadOnlyList<RegistryBarEntry>> BarsAsync(JurisdictionCode scope, DateOnly day, CancellationToken ct)
    {
        var s = scope.Value;
        var rows = await (from b in db.RegistryBars.AsNoTracking()
                          join p in db.Supervisors.AsNoTracking() on b.SupervisorId equals p.Id
                          where b.From <= day && (b.Until == null || b.Until >= day) && (s == "CN" || b.Scope == s || b.Scope.StartsWith(s + "."))
                          orderby b.CreatedAt, b.Id
                          select new { b, p.Name, p.IdNumberMasked }).ToListAsync(ct);
        return rows.Select(r => new RegistryBarEntry(r.b.Id.ToString(), r.b.SupervisorId.ToString(), r.Name, r.IdNumberMasked,
            new StoredRegistryBar(JurisdictionCode.Parse(r.b.Scope), r.b.From, r.b.Until, r.b.Rule, r.b.Citation, new LocalizedText(r.b.MessageZh, r.b.MessageEn)).ToRegistryBar())).ToList();
    }
}

/// <summary>Revocations requested by packs (<see cref="ISupervisorActions"/>), through the same path as the sanction endpoint.</summary>
public sealed class SupervisorActions(SupervisionDbContext db, SupervisorSanctioning sanctioning, TimeProvider clock) : ISupervisorActions
{
    public async Task<RevocationOutcome> RevokeQualificationAsync(string supervisorId, DateOnly on, Violation reason, ClaimsPrincipal? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!Guid.TryParse(supervisorId, out var id)) throw new ArgumentException($"unknown supervisor {supervisorId}", nameof(supervisorId));
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var supervisor = (await db.Supervisors.FromSql($"SELECT *, xmin FROM supervision.supervisors WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault()
            ?? throw new ArgumentException($"unknown supervisor {supervisorId}", nameof(supervisorId));
        // Idempotent over every rule: a standing revocation or dismissal (any ground, any date) is not recorded again.
        if (await sanctioning.StandingRemovalAsync(id, ct) is not null)
            return new RevocationOutcome(supervisorId, false, [], 0, []);

        var sanction = new SupervisorSanction
        {
            Id = Guid.CreateVersion7(), SupervisorId = id, Measure = "revocation", Ground = reason.Rule, EvidenceNote = reason.Message.Zh,
            DecidedBy = by?.ActorId() ?? AuditActor.System.Id, DecidedOn = on, Rules = [reason.Rule], CreatedAt = clock.GetUtcNow(),
        };
        var effects = await sanctioning.ApplyAsync(supervisor, sanction, endsAppointment: true, by?.AsActor() ?? AuditActor.System, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new RevocationOutcome(supervisorId, true, [.. effects.Withdrawn.Select(c => c.Number)], effects.Ended.Count, effects.Bars);
    }
}
