using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// YN 22's reading of the national assessment record (<c>yn.assessment.annual</c>): when an annual assessment is recorded
/// through the kernel (<c>POST /api/v1/supervisors/{id}/assessments</c>, <c>cn.assessment.record</c>) for a supervisor of
/// 53, a failed one revokes the qualification at once ("对不合格质量督导人员取消其督导资格"), which YN 23 then blacklists. The
/// judgement is <see cref="AnnualAssessmentRule"/>'s, on the one assessment of the year (the kernel keeps one per year):
/// one law, whichever path records the result.
/// </summary>
public sealed class AnnualAssessmentReading : IAssessmentConsequenceRule
{
    private static readonly AnnualAssessmentRule Annual = new();

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.AssessmentAnnual;

    /// <inheritdoc />
    public LifecycleDecision? OnAssessment(AssessmentOutcome assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!Scope.Contains(assessment.Jurisdiction) || !Annual.Concerns(assessment.Kind)) return null;
        // Dated inside the year assessed (a decision of the next year counts for the year it assesses).
        var on = assessment.AssessedOn.Year == assessment.Year ? assessment.AssessedOn : new DateOnly(assessment.Year, 12, 31);
        return Annual.CloseYear(assessment.Year, new LifecycleSubject(assessment.SupervisorId, assessment.Kind,
            [new LifecycleEvent(LifecycleEventKinds.AnnualAssessment, on, assessment.Grade.IsPass())]));
    }
}
