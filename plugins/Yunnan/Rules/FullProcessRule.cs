using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 内督全程督导 (full-process internal supervision): "评价机构开展职业技能等级认定工作时,必须有内督对评价过程和结果进行全程质量督导".
/// YN 第十二条 (<c>yn.internal.full-process</c>).
/// <para>Reading: the article governs skill-level recognition (职业技能等级认定) activities only; such an activity is covered
/// when at least one internal supervisor is assigned to a task of it (refused and replaced assignments do not count — the
/// Host passes only live ones). An uncovered activity is flagged and its tasks cannot close.</para>
/// </summary>
public sealed class FullProcessRule : IActivityCoverageRule
{
    /// <summary>The activity kind the article governs (职业技能等级认定).</summary>
    public const ActivityKind RecognitionKind = ActivityKind.SkillLevelRecognition;

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.InternalFullProcess;

    /// <inheritdoc />
    public Violation? Check(ActivityCoverage activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ActivityKind != RecognitionKind || activity.InternalSupervisorIds.Count > 0) return null;
        return Rule.Violated(new LocalizedText(
            "违反第十二条：职业技能等级认定活动必须有内部质量督导员对评价过程和结果进行全程督导，本活动尚未委派内督。",
            "YN 12: a skill-level recognition activity needs an internal supervisor for the whole process; none is assigned to this activity."));
    }
}
