using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>A business-learning session (业务学习教育) an institution held, with the results recorded for it.</summary>
/// <param name="Id">Session id.</param>
/// <param name="InstitutionId">The institution that held it.</param>
/// <param name="HeldOn">China day held.</param>
/// <param name="Results">Per supervisor id: attended, and passed (合格) when attended.</param>
public sealed record HeldSession(Guid Id, string InstitutionId, DateOnly HeldOn, IReadOnlyDictionary<string, (bool Attended, bool? Passed)> Results);

/// <summary>One internal supervisor judged at a year's close.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="InstitutionId">The institution that appointed them (holds their sessions).</param>
/// <param name="Terms">Their appointments (聘期), any order.</param>
/// <param name="AlreadyRemoved">Already revoked or dismissed (<c>StandingRemoval</c>): reported, never revoked again.</param>
public sealed record Learner(string SupervisorId, string? InstitutionId, IReadOnlyList<AppointmentTerm> Terms, bool AlreadyRemoved);

/// <summary>Everything the close of a learning year reads.</summary>
/// <param name="Year">The year closed.</param>
/// <param name="Today">China day of the close.</param>
/// <param name="Learners">The internal supervisors appointed at the year's end (or already removed since).</param>
/// <param name="Sessions">The sessions of their institutions held in the year.</param>
public sealed record LearningYearFacts(int Year, DateOnly Today, IReadOnlyList<Learner> Learners, IReadOnlyList<HeldSession> Sessions)
{
    /// <summary>The parameters in force (<c>yn.learning.annual.passed-sessions</c>); the seed's defaults when not given.</summary>
    public ParameterSet Parameters { get; init; } = ParameterSet.Empty;
}

/// <summary>What the close does to one supervisor.</summary>
public enum LearningYearVerdict
{
    /// <summary>Met the year: a passed session.</summary>
    Met = 1,

    /// <summary>取消督导资格: the institution held a session they could attend, and they have no passed one.</summary>
    Revoke = 2,

    /// <summary>Would be revoked, but already stands revoked or dismissed: reported, not revoked again.</summary>
    AlreadyRemoved = 3,

    /// <summary>未举办: their institution held no session they could attend (appointed on or before its day): nobody to blame, nobody revoked.</summary>
    NoSessionHeld = 4,
}

/// <summary>The close's finding for one supervisor.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="InstitutionId">Their institution.</param>
/// <param name="Verdict">What follows.</param>
/// <param name="Reason">The rule and reason (set for every verdict but <see cref="LearningYearVerdict.Met"/>).</param>
public sealed record LearnerFinding(string SupervisorId, string? InstitutionId, LearningYearVerdict Verdict, Violation? Reason);

/// <summary>The transition of a close: one finding per supervisor judged.</summary>
/// <param name="Year">The year.</param>
/// <param name="Findings">Per supervisor, in the order given.</param>
public sealed record LearningYearClosing(int Year, IReadOnlyList<LearnerFinding> Findings)
{
    /// <summary>Those whose qualification is revoked now.</summary>
    public IEnumerable<LearnerFinding> Revocations => Findings.Where(f => f.Verdict == LearningYearVerdict.Revoke);
}

/// <summary>Recording one supervisor's attendance and result at a session.</summary>
/// <param name="Kind">The supervisor's kind; null when no such supervisor.</param>
/// <param name="SupervisorInstitutionId">The institution of an internal supervisor.</param>
/// <param name="SessionInstitutionId">The institution that held the session.</param>
/// <param name="YearClosed">The session's learning year is closed.</param>
/// <param name="Attended">参加.</param>
/// <param name="Passed">合格 when attended.</param>
public sealed record LearningResultFacts(SupervisorKind? Kind, string? SupervisorInstitutionId, string SessionInstitutionId, bool YearClosed, bool Attended, bool? Passed)
{
    /// <summary>The supervisor is an internal supervisor of the session's institution (the only ones its session concerns).</summary>
    public bool OfSessionInstitution => Kind == SupervisorKind.Internal && SupervisorInstitutionId == SessionInstitutionId;
}

/// <summary>The result to store.</summary>
/// <param name="Attended">参加.</param>
/// <param name="Passed">合格 (true) or 不合格 (false) when attended; null when absent.</param>
public sealed record LearningResultEntry(bool Attended, bool? Passed);

/// <summary>
/// 年度业务学习关闭 (closing a learning year), YN 第十七条 (<c>yn.learning.annual</c>): "评价机构每年组织一次业务学习教育，对业务学习教育
/// 不合格或未参加业务学习教育的取消其督导资格". One pure decision over the year's facts; the pack's endpoint and its scheduled
/// job both call it and only persist what it decides.
/// <para>Readings: (1) the duty to organise is the institution's; a supervisor can only "fail or miss" a session that was
/// held. So a supervisor is judged only where their institution held a session in the year on a day they were appointed
/// (an appointment in force on the session day: appointed on or before it, not ended before it). Otherwise the close
/// reports <see cref="LearningYearVerdict.NoSessionHeld"/> and revokes nobody (issue #16 item 7). (2) Where such a session
/// was held, a passed result at any session of the year meets it (<see cref="AnnualLearningRule"/>); failing, being absent
/// or being unrecorded does not. (3) A year is closed only when it is over (after 31 December, China time).</para>
/// </summary>
public static class LearningYear
{
    /// <summary>The year may be closed on <paramref name="today"/> only when it is over (and after 2000).</summary>
    public static RuleOutcome CanClose(int year, DateOnly today) =>
        year < today.Year && year >= 2000
            ? RuleOutcome.Pass
            : RuleOutcome.Fail(YunnanRules.LearningAnnual.Violated(new LocalizedText(
                $"依第十七条：{year}年度尚未结束，年度结束后才能关闭", $"YN 17: the year {year} is not over; a year is closed when it is over")));

    /// <summary>
    /// Recording a result (YN 17): only internal supervisors of the session's institution, and only while its year is open
    /// (a closed year's findings stand).
    /// </summary>
    public static Decision<LearningResultEntry> DecideResult(LearningResultFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.OfSessionInstitution)
            return Decision.Refuse<LearningResultEntry>(RuleOutcome.Fail(YunnanRules.LearningAnnual.Violated(new LocalizedText(
                "只能登记举办机构的内部质量督导员", "only internal supervisors of the session's institution are recorded"))));
        if (facts.YearClosed)
            return Decision.Refuse<LearningResultEntry>(RuleOutcome.Fail(YunnanRules.LearningAnnual.Violated(new LocalizedText(
                "年度已关闭，结果不能更改", "year closed: results cannot change"))));
        return Decision.Allow(new LearningResultEntry(facts.Attended, facts.Attended ? facts.Passed : null));
    }

    /// <summary>True when a supervisor with <paramref name="terms"/> could attend a session held on <paramref name="heldOn"/>.</summary>
    public static bool CouldAttend(IEnumerable<AppointmentTerm> terms, DateOnly heldOn)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Any(t => t.Start <= heldOn && heldOn <= t.LastDay);
    }

    /// <summary>The close of <see cref="LearningYearFacts.Year"/>: a finding per supervisor, or the refusal of a year not over.</summary>
    public static Decision<LearningYearClosing> Decide(LearningYearFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var when = CanClose(facts.Year, facts.Today);
        if (!when.Passed) return Decision.Refuse<LearningYearClosing>(when);
        var rule = new AnnualLearningRule().With(facts.Parameters);
        var sessions = facts.Sessions.Where(s => s.HeldOn.Year == facts.Year).ToList();
        var findings = new List<LearnerFinding>(facts.Learners.Count);
        foreach (var learner in facts.Learners)
        {
            var own = sessions.Where(s => s.InstitutionId == learner.InstitutionId).ToList();
            if (!own.Any(s => CouldAttend(learner.Terms, s.HeldOn)))
            {
                findings.Add(new LearnerFinding(learner.SupervisorId, learner.InstitutionId, LearningYearVerdict.NoSessionHeld,
                    YunnanRules.LearningAnnual.Violated(new LocalizedText(
                        $"依第十七条：{facts.Year}年度评价机构未举办该督导员在聘期间可参加的业务学习教育（未举办），不取消资格",
                        $"YN 17: in {facts.Year} the institution held no business-learning session the supervisor could attend (appointed on or before its day): no session held, nobody revoked"))));
                continue;
            }
            var events = sessions
                .Where(s => s.Results.TryGetValue(learner.SupervisorId, out var r) && r.Attended)
                .Select(s => new LifecycleEvent(LifecycleEventKinds.BusinessLearning, s.HeldOn, s.Results[learner.SupervisorId].Passed))
                .ToList();
            var decision = rule.CloseYear(facts.Year, new LifecycleSubject(learner.SupervisorId, SupervisorKind.Internal, events));
            findings.Add(decision is null
                ? new LearnerFinding(learner.SupervisorId, learner.InstitutionId, LearningYearVerdict.Met, null)
                : new LearnerFinding(learner.SupervisorId, learner.InstitutionId,
                    learner.AlreadyRemoved ? LearningYearVerdict.AlreadyRemoved : LearningYearVerdict.Revoke, decision.Violation));
        }
        return Decision.Allow(new LearningYearClosing(facts.Year, findings));
    }
}
