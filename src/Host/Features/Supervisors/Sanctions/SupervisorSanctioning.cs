using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;

namespace SupervisionCore.Host.Features.Supervisors.Sanctions;

/// <summary>What a recorded sanction changed.</summary>
public sealed record SanctionEffects(List<Appointment> Ended, List<Card> Withdrawn, List<RegistryBar> Bars);

/// <summary>
/// Records a supervisor sanction and everything that follows from it, inside the caller's transaction: appointments
/// ended and cards withdrawn (dismissal, revocation), every pack's <see cref="ISanctionConsequenceRule"/> (registry
/// bars), one audit entry per change. Shared by the sanction endpoint and the packs' revocations (<see cref="ISupervisorActions"/>).
/// </summary>
public sealed class SupervisorSanctioning(
    SupervisionDbContext db, AuditLog audit, IEnumerable<ISanctionConsequenceRule> consequences, IEnumerable<ISanctionGrounds> packGrounds, TimeProvider clock) : IScopedService
{
    /// <summary>
    /// The removal (取消资格 revocation, 解聘 dismissal, or a pack's measure that ends the appointment such as GD 21 不予续聘)
    /// that still stands against the supervisor, or null. Reading: the latest removal recorded stands — whatever its rule,
    /// ground or date — unless the person was appointed again after it was recorded (a later appointment means the removal was
    /// overtaken and a new removal is a new act). A revocation requested by a pack (<see cref="ISupervisorActions"/>: YN 17
    /// learning, YN 19 refusals, YN 22 assessment) is not recorded again over a standing removal.
    /// </summary>
    public async Task<SupervisorSanction?> StandingRemovalAsync(Guid supervisorId, CancellationToken ct)
    {
        List<string> removing = ["dismissal", "revocation", .. packGrounds.SelectMany(p => p.Measures).Where(m => m.EndsAppointment).Select(m => m.Key)];
        var latest = await db.SupervisorSanctions.AsNoTracking().Where(s => s.SupervisorId == supervisorId && removing.Contains(s.Measure))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (latest is null) return null;
        var reappointed = await db.Appointments.AsNoTracking().AnyAsync(a => a.SupervisorId == supervisorId && a.CreatedAt > latest.CreatedAt, ct);
        return reappointed ? null : latest;
    }

    public async Task<SanctionEffects> ApplyAsync(Supervisor supervisor, SupervisorSanction sanction, bool endsAppointment, AuditActor actor, CancellationToken ct)
    {
        db.SupervisorSanctions.Add(sanction);
        List<Appointment> ended = [];
        List<Card> withdrawn = [];
        var on = sanction.DecidedOn;
        if (endsAppointment)
        {
            var reason = $"{sanction.Measure}: {sanction.Ground}";
            ended = await db.Appointments.Where(a => a.SupervisorId == supervisor.Id && a.End >= on && (a.TerminatedOn == null || a.TerminatedOn > on)).ToListAsync(ct);
            ended.ForEach(a => (a.TerminatedOn, a.TerminationReason) = (on, reason));
            withdrawn = await db.Cards.Where(c => c.SupervisorId == supervisor.Id && c.ValidUntil >= on && (c.WithdrawnOn == null || c.WithdrawnOn > on)).ToListAsync(ct);
            withdrawn.ForEach(c => (c.WithdrawnOn, c.WithdrawnReason) = (on, reason));
        }

        var decision = new SanctionDecision(supervisor.Id.ToString(), JurisdictionCode.Parse(supervisor.Jurisdiction), sanction.Measure, sanction.Ground, on, sanction.Rules);
        var bars = consequences.Applicable(decision.Jurisdiction, on).Select(r => r.OnSanction(decision)).OfType<RegistryBar>().ToList();
        var existing = await db.RegistryBars.Where(b => b.SupervisorId == supervisor.Id).Select(b => new { b.Rule, b.Scope }).ToListAsync(ct);
        var added = bars.Where(b => !existing.Any(e => e.Rule == b.Violation.Rule && e.Scope == b.Scope.Value)).ToList();
        var records = added.Select(b => new RegistryBarRecord
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, IdNumberHash = supervisor.IdNumberHash, Scope = b.Scope.Value, From = b.From, Until = b.Until,
            Rule = b.Violation.Rule, Citation = b.Violation.Citation, MessageZh = b.Violation.Message.Zh, MessageEn = b.Violation.Message.En,
            SanctionId = sanction.Id, CreatedAt = clock.GetUtcNow(),
        }).ToList();
        db.RegistryBars.AddRange(records);
        await db.SaveChangesAsync(ct);

        string[] rules = [.. sanction.Rules];
        foreach (var a in ended)
            await audit.AppendAsync(db, actor, new AuditEvent("appointment.terminate", "appointment", a.Id.ToString(), supervisor.Jurisdiction, rules,
                After: new { a.TerminatedOn, a.TerminationReason, Sanction = sanction.Id }), ct);
        foreach (var c in withdrawn)
            await audit.AppendAsync(db, actor, new AuditEvent("card.withdraw", "card", c.Id.ToString(), supervisor.Jurisdiction, rules,
                After: new { c.Number, c.WithdrawnOn, c.WithdrawnReason, Sanction = sanction.Id }), ct);
        foreach (var r in records)
            await audit.AppendAsync(db, actor, new AuditEvent("registry.bar", "registry-bar", r.Id.ToString(), supervisor.Jurisdiction, [r.Rule],
                After: new { r.SupervisorId, r.Scope, r.From, r.Until, r.Rule, Sanction = sanction.Id }), ct);
        await audit.AppendAsync(db, actor, new AuditEvent("supervisor.sanction", "supervisor-sanction", sanction.Id.ToString(), supervisor.Jurisdiction, rules,
            After: new { sanction.SupervisorId, sanction.Measure, sanction.Ground, sanction.DecidedOn, sanction.SuspendedFrom, sanction.SuspendedUntil, sanction.EvidenceNote },
            Detail: $"{sanction.Measure} ({sanction.Ground}): {ended.Count} appointment(s) ended, {withdrawn.Count} card(s) withdrawn, {records.Count} registry bar(s)"), ct);
        return new SanctionEffects(ended, withdrawn, added);
    }
}

/// <summary>Refusals of registration and appointment for people under a registry bar (GD 21 lifetime ban, YN blacklist).</summary>
public static class RegistryBars
{
    /// <summary>The violations of bars in force on <paramref name="on"/> over <paramref name="where"/> for the person with <paramref name="idNumberHash"/>.</summary>
    public static async Task<List<Violation>> ViolationsAsync(this SupervisionDbContext db, byte[] idNumberHash, JurisdictionCode where, DateOnly on, CancellationToken ct)
    {
        var rows = await db.RegistryBars.AsNoTracking().Where(b => b.IdNumberHash == idNumberHash && b.From <= on && (b.Until == null || b.Until >= on)).ToListAsync(ct);
        return [.. SanctionDecisions.BarsInForce(rows.Select(b => new StoredRegistryBar(
            JurisdictionCode.Parse(b.Scope), b.From, b.Until, b.Rule, b.Citation, new Kernel.LocalizedText(b.MessageZh, b.MessageEn))), where, on)];
    }
}

/// <summary>A registry bar (禁入/黑名单): where and from when the person may not be registered or appointed again, and why.</summary>
public sealed record RegistryBarDto(string Scope, DateOnly From, DateOnly? Until, ViolationDto Rule)
{
    public static RegistryBarDto Of(RegistryBar b) => new(b.Scope.Value, b.From, b.Until, ViolationDto.From(b.Violation));
}
