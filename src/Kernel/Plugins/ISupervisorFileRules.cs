using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>The supervisor a commendation or an assessment concerns.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="Jurisdiction">Where the supervisor is registered.</param>
/// <param name="Assessments">The supervisor's annual results (any order).</param>
public sealed record CommendationSubject(string SupervisorId, SupervisorKind Kind, JurisdictionCode Jurisdiction, IReadOnlyList<AnnualGrade> Assessments);

/// <summary>A commendation asked for.</summary>
/// <param name="Subject">The supervisor.</param>
/// <param name="On">Day of the decision.</param>
/// <param name="Year">The year it is for, when it is for one.</param>
public sealed record CommendationRequest(CommendationSubject Subject, DateOnly On, int? Year);

/// <summary>
/// 表彰 / 激励 (commendation) provided by a regional text (GD 21 激励机制, YN 22 表彰奖励): its rule says on what conditions a
/// supervisor of its jurisdiction is commended. The kernel records a commendation only where such a rule is in force
/// (<c>cn.supervisor.file</c>), and every applicable rule must pass (kernel contract, additive).
/// </summary>
public interface ICommendationRule : IRuleExtension
{
    /// <summary>Passed, or the violations of this rule's conditions.</summary>
    RuleOutcome Check(CommendationRequest request);
}

/// <summary>An annual assessment just recorded, as a pack's reading sees it.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="Jurisdiction">Where the supervisor is registered.</param>
/// <param name="Year">Year assessed.</param>
/// <param name="AssessedOn">Day of the decision.</param>
/// <param name="Grade">Result.</param>
public sealed record AssessmentOutcome(string SupervisorId, SupervisorKind Kind, JurisdictionCode Jurisdiction, int Year, DateOnly AssessedOn, AssessmentGrade Grade);

/// <summary>
/// A pack's reading of the national assessment record (<c>yn.assessment.annual</c>: a failed annual assessment revokes the
/// qualification, YN 22). The Host applies the decision in the assessment's transaction and returns it with the record
/// (kernel contract, additive).
/// </summary>
public interface IAssessmentConsequenceRule : IRuleExtension
{
    /// <summary>The decision following <paramref name="assessment"/>, or null when nothing follows.</summary>
    LifecycleDecision? OnAssessment(AssessmentOutcome assessment);
}
