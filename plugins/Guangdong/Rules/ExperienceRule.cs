using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 外督基本条件·工作经历 (experience condition): "从事技能人才评价行政或技术管理工作，或从事过一年以上技能人才评价组织实施工作".
/// GD 第六条第（五）项 (<c>gd.eligibility.experience</c>).
/// <para>Readings: "一年以上" includes one year (RULES.md: N以上 includes N), in completed years. The condition is of
/// external supervisors (第六条 "外督应具备"); internal supervisors are managed by their institution "参照" these
/// conditions (第十四条), so the rule passes them. Checked at appointment.</para>
/// <para>The year count is a parameter (<c>gd.eligibility.experience.organising-years</c>, docs/parameters.md), read at the
/// date of the appointment and cited in a refusal.</para>
/// </summary>
public sealed class ExperienceRule : IEligibilityRule, IParameterised<ExperienceRule>
{
    /// <summary>Fewest completed years of organising evaluations that qualify, as the seed says (default of the parameter).</summary>
    public const int MinimumOrganisingYears = 1;

    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's year count.</summary>
    public ExperienceRule() : this(ParameterSet.Empty)
    {
    }

    private ExperienceRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading its year count from <paramref name="parameters"/>.</summary>
    public ExperienceRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.EligibilityExperience;

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Appointment;

    /// <inheritdoc />
    public RuleOutcome Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Candidate.Kind == SupervisorKind.Internal ? RuleOutcome.Pass : Check(context.Candidate.Experience, context.OnDate);
    }

    /// <summary>Judges an external supervisor's attested experience by the latest year count.</summary>
    public RuleOutcome Check(SupervisorExperience experience) => Check(experience, DateOnly.MaxValue);

    /// <summary>Judges an external supervisor's attested experience on <paramref name="on"/>.</summary>
    public RuleOutcome Check(SupervisorExperience experience, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(experience);
        var applied = _parameters.At(GuangdongParameters.ExperienceYears, on);
        var minimum = applied.AsInt();
        if (experience.IsEvaluationManagementOrTechnicalStaff || experience.YearsOrganisingEvaluation >= minimum)
            return RuleOutcome.Pass;
        return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
            $"不符合第六条第（五）项：外督须从事技能人才评价行政或技术管理工作，或从事过{minimum}年以上技能人才评价组织实施工作（现为{experience.YearsOrganisingEvaluation}年；参数 {applied}）。",
            $"Not eligible under GD 6(五): an external supervisor must work in evaluation administration or technical management, or have organised evaluations for at least {minimum} year (has {experience.YearsOrganisingEvaluation}; parameter {applied}).")));
    }
}
