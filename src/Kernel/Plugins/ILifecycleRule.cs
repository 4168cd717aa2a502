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
/// 周期检查 (lifecycle rule): a check run when a period closes (YN 17 annual learning, YN 22 annual assessment).
/// The Host runs it once cluster-wide; the rule only judges one supervisor's file for one year.
/// </summary>
public interface ILifecycleRule : IRuleExtension
{
    /// <summary>True when the rule concerns supervisors of <paramref name="kind"/>.</summary>
    bool Concerns(SupervisorKind kind);

    /// <summary>The decision for <paramref name="subject"/> when <paramref name="year"/> is closed, or null when nothing follows.</summary>
    LifecycleDecision? CloseYear(int year, LifecycleSubject subject);
}
