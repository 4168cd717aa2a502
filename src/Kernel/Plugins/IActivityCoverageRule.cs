using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>What the Host knows of an evaluation activity's supervision when it is shown or one of its tasks closes.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Jurisdiction">Where it takes place (decides which packs' rules apply).</param>
/// <param name="ActivityKind">The activity's kind (skill-level recognition, vocational qualification, special ability, competition).</param>
/// <param name="StartsOn">First China calendar day: the date of the act.</param>
/// <param name="InternalSupervisorIds">Supervisors assigned as internal supervisors (内督) of the activity; refused and replaced assignments are not counted.</param>
public sealed record ActivityCoverage(
    string ActivityId,
    JurisdictionCode Jurisdiction,
    ActivityKind ActivityKind,
    DateOnly StartsOn,
    IReadOnlyList<string> InternalSupervisorIds);

/// <summary>
/// 内部督导全覆盖 (internal supervision coverage): a rule over an activity as a whole (<c>gd.internal.full-coverage</c>,
/// <c>yn.internal.full-process</c>). The Host lists its violation as a flag on the activity and its tasks, and refuses
/// to close a task of the activity (422 naming the rule) while the violation stands.
/// </summary>
public interface IActivityCoverageRule : IRuleExtension
{
    /// <summary>The violation when the activity is not covered as the rule requires, otherwise null.</summary>
    Violation? Check(ActivityCoverage activity);
}
