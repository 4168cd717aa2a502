using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>An appointment (聘任) about to be recorded, as a pack's precondition sees it.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="Jurisdiction">Where the supervisor is registered.</param>
/// <param name="AppointedBy">The appointing authority (or institution) id.</param>
/// <param name="Start">First day of the term: the date of the act.</param>
/// <param name="IsRenewal">True when the supervisor already held a term with the same appointing body (续聘).</param>
public sealed record AppointmentCandidate(string SupervisorId, SupervisorKind Kind, JurisdictionCode Jurisdiction, string AppointedBy, DateOnly Start, bool IsRenewal);

/// <summary>
/// A pack's precondition of an appointment that rests on the pack's own records (YN 13: an approved qualification
/// application, <c>yn.application</c>). The implementation loads its facts (it may read the pack's tables) and judges them
/// with a pure rule of the pack's <c>Rules/</c>; the Host runs every precondition in force where the supervisor is, on the
/// start day, and refuses the appointment with their violations together with the national ones (kernel contract, additive).
/// </summary>
public interface IAppointmentPrecondition : IRuleExtension
{
    /// <summary>Passed, or the violations of this precondition.</summary>
    Task<RuleOutcome> CheckAsync(AppointmentCandidate candidate, CancellationToken ct);
}
