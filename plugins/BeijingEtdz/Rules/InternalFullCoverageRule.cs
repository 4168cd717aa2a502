using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 内督全面覆盖 (internal supervision covers every activity): "内督员工作应参照外督员工作方式、内容和程序进行，评价机构日常督导检查应
/// 结合工作实际全面覆盖". BJ 第二十四条 (<c>bj.internal.full-coverage</c>), read as GD 13 is.
/// <para>Readings: a recognition activity in the zone without at least one internal supervisor assigned (an assignment with
/// role <c>internal</c> on a task of the activity, not refused or replaced) is flagged, and its tasks cannot be closed
/// while the flag stands. Article 24 stands in chapter 3 (等级认定); competitions (chapter 4) are checked by external
/// supervisors only (BJ 25, 26), so they are not flagged.</para>
/// </summary>
public sealed class InternalFullCoverageRule : IActivityCoverageRule
{
    /// <summary>The activity kind chapter 4 governs.</summary>

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.InternalFullCoverage;

    /// <inheritdoc />
    public Violation? Check(ActivityCoverage activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ActivityKind == ActivityKind.Competition || activity.InternalSupervisorIds.Count > 0) return null;
        return Rule.Violated(new LocalizedText(
            "该认定活动尚未委派内督员：评价机构日常督导检查应全面覆盖（第二十四条），每次认定活动至少委派一名内督员，委派前不能关闭其督导任务",
            "No internal supervisor is assigned to this recognition activity: the institution's own supervision covers every activity (BJ 24), and its tasks cannot be closed until one is assigned"));
    }
}
