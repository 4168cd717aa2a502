using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Region.Rules;

/// <summary>
/// 任职条件·考评经历 (examiner experience): at least 3 completed years of examining, checked at appointment.
/// REGION_DOC 第六条 (<c>region-pack-id.eligibility.experience</c>). Pure: the date of the act comes with the context.
/// </summary>
public sealed class ExperienceRule : IEligibilityRule
{
    /// <summary>Fewest completed years of examining that qualify (3 included).</summary>
    public const int MinimumYears = 3;

    /// <inheritdoc />
    public string PackId => RegionRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => RegionRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => RegionRules.ExaminerExperience;

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Appointment;

    /// <inheritdoc />
    public RuleOutcome Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Check(context.Candidate.Experience.YearsExamining);
    }

    /// <summary>Judges completed years of examining alone.</summary>
    public RuleOutcome Check(int yearsExamining) =>
        yearsExamining >= MinimumYears
            ? RuleOutcome.Pass
            : RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"须承担考评工作{MinimumYears}年以上（现为{yearsExamining}年）",
                $"Needs at least {MinimumYears} years of examining (has {yearsExamining})")));
}
