using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 任职条件·工作经历 (experience condition): "从事职业技能等级认定管理或技术工作的人员，或承担考评工作3年以上的优秀考评人员".
/// YN 第六条第（三）项 (<c>yn.eligibility.experience</c>).
/// <para>Readings: "3年以上" includes 3 (RULES.md: N以上 includes N), counted in completed years. "优秀" (outstanding) is
/// not machine-checkable and is left to the appointing body, as RULES.md does. Checked at appointment.</para>
/// <para>The year count is a parameter (<c>yn.eligibility.experience.examiner-years</c>, docs/parameters.md), read at the date
/// of the act and cited in a refusal.</para>
/// </summary>
public sealed class ExperienceRule : IEligibilityRule, IParameterised<ExperienceRule>
{
    /// <summary>Fewest completed years of examining that qualify, as the seed says (default of the parameter).</summary>
    public const int MinimumExaminerYears = 3;

    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's year count.</summary>
    public ExperienceRule() : this(ParameterSet.Empty)
    {
    }

    private ExperienceRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading its year count from <paramref name="parameters"/>.</summary>
    public ExperienceRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

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
        return Check(context.Candidate.Experience, context.OnDate);
    }

    /// <summary>Judges attested experience alone, by the latest year count.</summary>
    public RuleOutcome Check(SupervisorExperience experience) => Check(experience, DateOnly.MaxValue);

    /// <summary>Judges attested experience alone on <paramref name="on"/>.</summary>
    public RuleOutcome Check(SupervisorExperience experience, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(experience);
        var applied = _parameters.At(YunnanParameters.ExperienceExaminerYears, on);
        var minimum = applied.AsInt();
        if (experience.IsEvaluationManagementOrTechnicalStaff || experience.YearsExamining >= minimum)
            return RuleOutcome.Pass;
        return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
            $"不符合第六条第（三）项：须为职业技能等级认定管理或技术工作人员，或承担考评工作{minimum}年以上的考评人员（现为{experience.YearsExamining}年；参数 {applied}）。",
            $"Not eligible under YN 6(三): must be management or technical staff of recognition work, or an examiner with at least {minimum} years of examining (has {experience.YearsExamining}; parameter {applied}).")));
    }
}
