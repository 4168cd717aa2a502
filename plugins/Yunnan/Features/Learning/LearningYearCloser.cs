using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
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
/// <param name="NoSessionHeld">未举办: who was not judged because their institution held no session in the year that they could attend (appointed on or before its day); nobody of them is revoked.</param>
public sealed record CloseOutcome(int Year, string Scope, bool DryRun, bool AlreadyClosed, DateOnly? ClosedOn, int Checked, IReadOnlyList<ConsequenceDto> Decisions, IReadOnlyList<NoSessionDto> NoSessionHeld);

/// <summary>A supervisor the close did not judge: their institution held no session they could attend (YN 17).</summary>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The internal supervisor.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">Their institution.</param>
/// <param name="Rule">The rule and the reason (yn.learning.annual, "no session held").</param>
public sealed record NoSessionDto(string SupervisorId, string? InstitutionId, ViolationDto Rule);

/// <summary>
/// Closes a learning year (YN 17, <c>yn.learning.annual</c>): loads every internal supervisor in scope appointed at the year's
/// end and still active, their appointments and their institutions' sessions of the year, and persists what the pack's
/// decision <see cref="LearningYear.Decide"/> finds (only where the institution held a session the supervisor could attend;
/// otherwise "no session held", revoking nobody); each revocation revokes the
/// qualification through the Host (<see cref="ISupervisorActions"/>: cards withdrawn, appointments ended, blacklisted by
/// <see cref="BlacklistRule"/>, audited). The close is stored, so a second close changes nothing; concurrent closes of the
/// same year and scope serialise on a PostgreSQL advisory lock (one per cluster).
/// <para>Never a second revocation: whoever was appointed at the year's end but already stands revoked or dismissed
/// (<see cref="StandingRemoval"/>: under YN 19, 21, 22, a national measure, or an earlier run of this close that stopped
/// before it was stored) and fails the year is reported as already revoked (<c>changed</c> false) and not revoked again; the
/// Host refuses a second revocation of a removed supervisor too (a removal dated ahead of today).</para>
/// </summary>
public sealed class LearningYearCloser(YunnanDbContext db, ISupervisionDirectory directory, ISupervisorActions actions, IPackAudit audit, IParameterSource? parameters = null)
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
            return new CloseOutcome(year, scope.Value, dryRun, true, closed.ClosedOn, 0, JsonSerializer.Deserialize<List<ConsequenceDto>>(closed.Decisions, JsonSerializerOptions.Web) ?? [],
                NoSessionsOf(closed));

        var yearEnd = new DateOnly(year, 12, 31);
        // Appointed at the year's end: judged when still active today, or reported when no longer active because already removed.
        List<SupervisorFacts> supervisors = [];
        List<Learner> learners = [];
        foreach (var s in await directory.ListSupervisorsAsync(new SupervisorQuery(scope, SupervisorKind.Internal, ActiveOn: yearEnd < today ? yearEnd : today), ct))
        {
            var file = await directory.FileAsync(s.Id, ct);
            var removed = !s.Active && StandingRemoval.Of(file) is not null;
            if (!s.Active && !removed) continue;
            supervisors.Add(s);
            learners.Add(new Learner(s.Id, s.InstitutionId, Terms(file), removed));
        }
        var institutions = supervisors.Select(s => s.InstitutionId).OfType<string>().Select(Guid.Parse).Distinct().ToList();
        var held = await db.LearningSessions.AsNoTracking().Where(x => x.Year == year && institutions.Contains(x.InstitutionId)).ToListAsync(ct);
        var heldIds = held.Select(x => x.Id).ToList();
        var results = await db.LearningResults.AsNoTracking().Where(r => heldIds.Contains(r.SessionId)).ToListAsync(ct);
        var bySession = results.ToLookup(r => r.SessionId);
        var sessions = held.Select(x => new HeldSession(x.Id, x.InstitutionId.ToString(), x.HeldOn,
            bySession[x.Id].ToDictionary(r => r.SupervisorId.ToString(), r => (r.Attended, r.Passed)))).ToList();

        // The decision is the pack's rule (YN 17); this only persists what it decides.
        var decision = LearningYear.Decide(new LearningYearFacts(year, today, learners, sessions)
        {
            Parameters = parameters is null ? ParameterSet.Empty : await parameters.CurrentAsync(ct),
        });
        if (!decision.Allowed) throw new InvalidOperationException(string.Join("; ", decision.Violations.Select(v => v.Message.En)));
        var cards = supervisors.ToDictionary(s => s.Id, s => s.CardNumbers);
        List<ConsequenceDto> decisions = [];
        List<NoSessionDto> notHeld = [];
        foreach (var f in decision.Transition.Findings)
        {
            switch (f.Verdict)
            {
                case LearningYearVerdict.NoSessionHeld:
                    notHeld.Add(new NoSessionDto(f.SupervisorId, f.InstitutionId, ViolationDto.From(f.Reason!)));
                    break;
                // Already revoked or dismissed: reported, not revoked again (nothing to withdraw, no second blacklist entry).
                case LearningYearVerdict.AlreadyRemoved:
                    decisions.Add(new ConsequenceDto(f.SupervisorId, "revoke-qualification", ViolationDto.From(f.Reason!), false, [], false));
                    break;
                case LearningYearVerdict.Revoke when dryRun:
                    decisions.Add(new ConsequenceDto(f.SupervisorId, "revoke-qualification", ViolationDto.From(f.Reason!), false, cards[f.SupervisorId], false));
                    break;
                case LearningYearVerdict.Revoke:
                    var outcome = await actions.RevokeQualificationAsync(f.SupervisorId, today, f.Reason!, by, ct);
                    decisions.Add(new ConsequenceDto(f.SupervisorId, "revoke-qualification", ViolationDto.From(f.Reason!), outcome.Changed, outcome.WithdrawnCards, outcome.Bars.Count > 0));
                    break;
            }
        }
        if (dryRun) return new CloseOutcome(year, scope.Value, true, false, null, supervisors.Count, decisions, notHeld);

        db.LearningYearCloses.Add(new LearningYearClose
        {
            Year = year,
            Scope = scope.Value,
            ClosedOn = today,
            ClosedBy = Caller.ActorIdOrSystem(by),
            ClosedAt = DateTimeOffset.UtcNow,
            Decisions = JsonSerializer.Serialize(decisions, JsonSerializerOptions.Web),
            NoSessionHeld = JsonSerializer.Serialize(notHeld, JsonSerializerOptions.Web),
        });
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.learning-year.close", "yn.learning-year", $"{year}/{scope.Value}", scope,
            [YunnanRules.LearningAnnual.Id], After: decisions,
            Detail: $"year={year} judged={supervisors.Count} revoked={decisions.Count(d => d.Changed)} already-removed={decisions.Count(d => !d.Changed)} no-session-held={notHeld.Count}"), by, ct);
        await tx.CommitAsync(ct);
        return new CloseOutcome(year, scope.Value, false, false, today, supervisors.Count, decisions, notHeld);
    }

    /// <summary>The close of <paramref name="year"/> covering <paramref name="where"/> (its own scope or a wider one), or null.</summary>
    public static async Task<LearningYearClose?> ClosedAsync(YunnanDbContext db, int year, JurisdictionCode where, CancellationToken ct)
    {
        var closes = await db.LearningYearCloses.AsNoTracking().Where(c => c.Year == year).ToListAsync(ct);
        return closes.FirstOrDefault(c => JurisdictionCode.Parse(c.Scope).Contains(where));
    }

    /// <summary>Who a stored close found without a session they could attend.</summary>
    public static IReadOnlyList<NoSessionDto> NoSessionsOf(LearningYearClose close)
    {
        ArgumentNullException.ThrowIfNull(close);
        return close.NoSessionHeld is { } json ? JsonSerializer.Deserialize<List<NoSessionDto>>(json, JsonSerializerOptions.Web) ?? [] : [];
    }

    /// <summary>The appointments (聘期) in a supervisor's file.</summary>
    private static List<AppointmentTerm> Terms(IEnumerable<SupervisorFileEntry> file) =>
        [.. file.Where(e => e.Kind == SupervisorFileEntryKinds.Appointed && e.Detail.TryGetValue("start", out var start) && start is not null)
            .Select(e => new AppointmentTerm(
                DateOnly.ParseExact(e.Detail["start"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.Detail.TryGetValue("terminatedOn", out var t) && t is not null ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null))];

    /// <summary>A cluster-wide lock key per year and scope.</summary>
    public static long LockKey(int year, JurisdictionCode scope) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"yn.learning.annual/{year}/{scope.Value}")), 0);
}
