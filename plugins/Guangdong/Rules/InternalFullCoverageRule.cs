using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// 内督全覆盖 (internal supervision covers every activity): "内督应遵循全覆盖的原则". GD 第十三条
/// (<c>gd.internal.full-coverage</c>).
/// <para>Readings: an evaluation activity in 44 without at least one internal supervisor assigned (an assignment with role
/// <c>internal</c> on a task of the activity, not refused or replaced) is flagged, and its tasks cannot be closed while
/// the flag stands. For competitions the article says only that their internal supervision "可参照制定相关实施要求"
/// (may follow by analogy): not a duty, so competitions are not flagged.</para>
/// </summary>
public sealed class InternalFullCoverageRule : IActivityCoverageRule
{
    /// <summary>The activity kind the article leaves to analogy.</summary>

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.InternalFullCoverage;

    /// <inheritdoc />
    public Violation? Check(ActivityCoverage activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ActivityKind == ActivityKind.Competition || activity.InternalSupervisorIds.Count > 0) return null;
        return Rule.Violated(new LocalizedText(
            "该评价活动尚未委派内督：内督遵循全覆盖原则，每次评价活动至少委派一名内督，委派前不能关闭其督导任务",
            "No internal supervisor is assigned to this evaluation activity: internal supervision covers every activity, and its tasks cannot be closed until one is assigned"));
    }
}
