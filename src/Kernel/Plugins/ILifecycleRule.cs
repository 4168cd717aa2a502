using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>A dated fact in a supervisor's file that periodic checks read.</summary>
/// <param name="Kind">What happened (<see cref="LifecycleEventKinds"/>).</param>
/// <param name="On">China calendar day.</param>
/// <param name="Passed">Outcome, for kinds that have one (learning, assessment).</param>
public sealed record LifecycleEvent(string Kind, DateOnly On, bool? Passed = null);

/// <summary>Well-known <see cref="LifecycleEvent.Kind"/> values.</summary>
public static class LifecycleEventKinds
{
    /// <summary>业务学习教育 attended (YN 17).</summary>
    public const string BusinessLearning = "business-learning";

    /// <summary>年度考核 (annual assessment, CN 11, YN 22).</summary>
    public const string AnnualAssessment = "annual-assessment";
}

/// <summary>One supervisor's file as of a period close.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="Events">Dated events (any order).</param>
public sealed record LifecycleSubject(string SupervisorId, SupervisorKind Kind, IReadOnlyList<LifecycleEvent> Events);

/// <summary>What a periodic check does to a supervisor.</summary>
public enum LifecycleAction
{
    /// <summary>Revoke the qualification and withdraw the card (取消督导资格).</summary>
    RevokeQualification = 1,

    /// <summary>Not renewed at the end of the term (不予续聘).</summary>
    BlockRenewal = 2,
}

/// <summary>A decision of a periodic check.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Action">What to do.</param>
/// <param name="Violation">The rule and reason.</param>
public sealed record LifecycleDecision(string SupervisorId, LifecycleAction Action, Violation Violation);

/// <summary>
/// 资格存续 (lifecycle rule): a rule that can end or block a supervisor's qualification, judged at one of two moments —
/// when a period closes (<see cref="CloseYear"/>: YN 17 annual learning, YN 22 annual assessment), or when the supervisor
/// answers a dispatch (<see cref="OnAnswer"/>: <c>yn.dispatch.refusal-limit</c>, the third consecutive refusal revokes the
/// qualification). A rule implements the moment(s) its text speaks of; the other answers null by default.
/// <para>Year closes are run once cluster-wide by whoever closes the period (the pack's job or endpoint); the rule only
/// judges one supervisor's file for one year. An answer's decision is applied by the Host in the answer's transaction and
/// returned in the answer's response. (Contract 2.0 folds 1.x's <c>IDispatchAnswerRule</c> into this interface.)</para>
/// </summary>
public interface ILifecycleRule : IRuleExtension
{
    /// <summary>True when the rule concerns supervisors of <paramref name="kind"/>; every kind by default.</summary>
    bool Concerns(SupervisorKind kind) => true;

    /// <summary>The decision for <paramref name="subject"/> when <paramref name="year"/> is closed, or null when nothing follows (the default).</summary>
    LifecycleDecision? CloseYear(int year, LifecycleSubject subject) => null;

    /// <summary>The decision following <paramref name="answer"/>, or null when nothing follows (the default).</summary>
    LifecycleDecision? OnAnswer(DispatchAnswer answer) => null;
}

/// <summary>A supervisor's answer to a dispatch invitation, with what came before it.</summary>
/// <param name="SupervisorId">Who answered.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="Jurisdiction">Where the supervisor is registered.</param>
/// <param name="On">China calendar day of the answer.</param>
/// <param name="Response">This answer (accepted or refused).</param>
/// <param name="Earlier">The supervisor's earlier answers (accepted or refused; any order, rules sort by date).</param>
public sealed record DispatchAnswer(
    string SupervisorId,
    SupervisorKind Kind,
    JurisdictionCode Jurisdiction,
    DateOnly On,
    DispatchResponse Response,
    IReadOnlyList<DispatchHistoryEntry> Earlier);
