using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Shared;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning;

/// <summary>The outcome of closing a learning year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Scope">The jurisdiction closed.</param>
/// <param name="DryRun">True for a preview: nothing changed.</param>
/// <param name="AlreadyClosed">True when the year was closed before: nothing changed now.</param>
/// <param name="ClosedOn">Day of the (first) close; null for a dry run of an open year.</param>
/// <param name="Checked">Internal supervisors judged (still appointed, or already removed since the year's end).</param>
/// <param name="Decisions">Who loses the qualification, with the rule (for an already closed year: those of the first close); <c>changed</c> is false for whoever was already revoked or dismissed.</param>
public sealed record CloseOutcome(int Year, string Scope, bool DryRun, bool AlreadyClosed, DateOnly? ClosedOn, int Checked, IReadOnlyList<ConsequenceDto> Decisions);

/// <summary>
/// Closes a learning year (YN 17, <c>yn.learning.annual</c>): every internal supervisor in scope appointed at the year's end
/// and still active is judged by <see cref="AnnualLearningRule"/> over their recorded sessions; each decision revokes the
/// qualification through the Host (<see cref="ISupervisorActions"/>: cards withdrawn, appointments ended, blacklisted by
/// <see cref="BlacklistRule"/>, audited). The close is stored, so a second close changes nothing; concurrent closes of the
/// same year and scope serialise on a PostgreSQL advisory lock (one per cluster).
/// <para>Never a second revocation: whoever was appointed at the year's end but already stands revoked or dismissed
/// (<see cref="StandingRemoval"/>: under YN 19, 21, 22, a national measure, or an earlier run of this close that stopped
/// before it was stored) and fails the year is reported as already revoked (<c>changed</c> false) and not revoked again; the
/// Host refuses a second revocation of a removed supervisor too (a removal dated ahead of today).</para>
/// </summary>
public sealed class LearningYearCloser(YunnanDbContext db, ISupervisionDirectory directory, ISupervisorActions actions, IPackAudit audit, AnnualLearningRule rule)
{
    /// <summary>Closes (or previews) <paramref name="year"/> in <paramref name="scope"/> on <paramref name="today"/>.</summary>
    /// <param name="year">The year closed.</param>
    /// <param name="scope">The part of Yunnan closed.</param>
    /// <param name="today">China day of the close (the day of the revocations).</param>
    /// <param name="dryRun">Preview only: nothing changes.</param>
    /// <param name="by">Who closes; null for the scheduled job.</param>
    /// <param name="wait">False for the scheduled job: skip (return null) when another Host holds the lock.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<CloseOutcome?> CloseAsync(int year, JurisdictionCode scope, DateOnly today, bool dryRun, ClaimsPrincipal? by, bool wait, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!dryRun)
        {
            var key = LockKey(year, scope);
            if (wait) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
            else if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(ct)) return null;
        }
        var closed = await ClosedAsync(db, year, scope, ct);
        if (closed is not null)
            return new CloseOutcome(year, scope.Value, dryRun, true, closed.ClosedOn, 0, JsonSerializer.Deserialize<List<ConsequenceDto>>(closed.Decisions, JsonSerializerOptions.Web) ?? []);

        var yearEnd = new DateOnly(year, 12, 31);
        // Appointed at the year's end: judged when still active today, or reported when no longer active because already removed.
        List<SupervisorFacts> supervisors = [];
        HashSet<string> removed = [];
        foreach (var s in await directory.ListSupervisorsAsync(new SupervisorQuery(scope, SupervisorKind.Internal, ActiveOn: yearEnd < today ? yearEnd : today), ct))
        {
            if (s.Active) supervisors.Add(s);
            else if (StandingRemoval.Of(await directory.FileAsync(s.Id, ct)) is not null) { supervisors.Add(s); removed.Add(s.Id); }
        }
        var ids = supervisors.Select(s => Guid.Parse(s.Id)).ToList();
        var results = await (from r in db.LearningResults.AsNoTracking()
                             join s in db.LearningSessions.AsNoTracking() on r.SessionId equals s.Id
                             where ids.Contains(r.SupervisorId) && r.Attended
                             select new { r.SupervisorId, s.HeldOn, r.Passed }).ToListAsync(ct);
        var events = results.ToLookup(r => r.SupervisorId.ToString(), r => new LifecycleEvent(LifecycleEventKinds.BusinessLearning, r.HeldOn, r.Passed));

        List<ConsequenceDto> decisions = [];
        foreach (var s in supervisors)
        {
            if (rule.CloseYear(year, new LifecycleSubject(s.Id, s.Kind, [.. events[s.Id]])) is not { } decision) continue;
            // Already revoked or dismissed: reported, not revoked again (nothing to withdraw, no second blacklist entry).
            if (removed.Contains(s.Id)) { decisions.Add(new ConsequenceDto(s.Id, "revoke-qualification", ViolationDto.From(decision.Violation), false, [], false)); continue; }
            if (dryRun) { decisions.Add(new ConsequenceDto(s.Id, "revoke-qualification", ViolationDto.From(decision.Violation), false, s.CardNumbers, false)); continue; }
            var outcome = await actions.RevokeQualificationAsync(decision.SupervisorId, today, decision.Violation, by, ct);
            decisions.Add(new ConsequenceDto(s.Id, "revoke-qualification", ViolationDto.From(decision.Violation), outcome.Changed, outcome.WithdrawnCards, outcome.Bars.Count > 0));
        }
        if (dryRun) return new CloseOutcome(year, scope.Value, true, false, null, supervisors.Count, decisions);

        db.LearningYearCloses.Add(new LearningYearClose
        {
            Year = year, Scope = scope.Value, ClosedOn = today, ClosedBy = by is null ? "system" : Caller.Actor(by), ClosedAt = DateTimeOffset.UtcNow,
            Decisions = JsonSerializer.Serialize(decisions, JsonSerializerOptions.Web),
        });
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.learning-year.close", "yn.learning-year", $"{year}/{scope.Value}", scope,
            [YunnanRules.LearningAnnual.Id], After: decisions,
            Detail: $"year={year} judged={supervisors.Count} revoked={decisions.Count(d => d.Changed)} already-removed={decisions.Count(d => !d.Changed)}"), by, ct);
        await tx.CommitAsync(ct);
        return new CloseOutcome(year, scope.Value, false, false, today, supervisors.Count, decisions);
    }

    /// <summary>The close of <paramref name="year"/> covering <paramref name="where"/> (its own scope or a wider one), or null.</summary>
    public static async Task<LearningYearClose?> ClosedAsync(YunnanDbContext db, int year, JurisdictionCode where, CancellationToken ct)
    {
        var closes = await db.LearningYearCloses.AsNoTracking().Where(c => c.Year == year).ToListAsync(ct);
        return closes.FirstOrDefault(c => JurisdictionCode.Parse(c.Scope).Contains(where));
    }

    /// <summary>A cluster-wide lock key per year and scope.</summary>
    public static long LockKey(int year, JurisdictionCode scope) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"yn.learning.annual/{year}/{scope.Value}")), 0);
}
