using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 任职条件·工作经历 (experience condition): "从事职业技能等级认定管理或技术工作的人员，或承担考评工作3年以上的优秀考评人员".
/// YN 第六条第（三）项 (<c>yn.eligibility.experience</c>).
/// <para>Readings: "3年以上" includes 3 (RULES.md: N以上 includes N), counted in completed years. "优秀" (outstanding) is
/// not machine-checkable and is left to the appointing body, as RULES.md does. Checked at appointment.</para>
/// </summary>
public sealed class ExperienceRule : IEligibilityRule
{
    /// <summary>Fewest completed years of examining that qualify.</summary>
    public const int MinimumExaminerYears = 3;

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.EligibilityExperience;

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Appointment;

    /// <inheritdoc />
    public RuleOutcome Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Check(context.Candidate.Experience);
    }

    /// <summary>Judges attested experience alone.</summary>
    public RuleOutcome Check(SupervisorExperience experience)
    {
        ArgumentNullException.ThrowIfNull(experience);
        if (experience.IsEvaluationManagementOrTechnicalStaff || experience.YearsExamining >= MinimumExaminerYears)
            return RuleOutcome.Pass;
        return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
            $"不符合第六条第（三）项：须为职业技能等级认定管理或技术工作人员，或承担考评工作{MinimumExaminerYears}年以上的考评人员（现为{experience.YearsExamining}年）。",
            $"Not eligible under YN 6(三): must be management or technical staff of recognition work, or an examiner with at least {MinimumExaminerYears} years of examining (has {experience.YearsExamining}).")));
    }
}
