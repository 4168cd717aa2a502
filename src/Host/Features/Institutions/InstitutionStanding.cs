using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Kernel.Sanctions.Rules;

namespace SupervisionCore.Host.Features.Institutions;

/// <summary>
/// An institution's standing under the CN 第十八条 ladder (<c>cn.sanction.institution-ladder</c>), judged by the kernel
/// rule from its recorded sanctions. Endpoints that open evaluation activities or supervision tasks for an institution
/// call <see cref="CanReceiveNewActivityAsync"/> and answer 422 with the outcome's violations when it fails.
/// </summary>
public sealed class InstitutionStanding(SupervisionDbContext db) : IScopedService
{
    private readonly InstitutionSanctionLadderRule _ladder = new();

    /// <summary>
    /// Whether the institution may receive a new evaluation activity or supervision task on <paramref name="on"/> (China
    /// calendar day of the act): refused once a disqualification is in force on that day. Does not check that the
    /// institution exists or is visible to the caller: load it first.
    /// </summary>
    public async Task<RuleOutcome> CanReceiveNewActivityAsync(Guid institutionId, DateOnly on, CancellationToken ct) =>
        _ladder.CheckNewActivity(await HistoryAsync(institutionId, ct), on);

    /// <summary>The highest step decided on or before <paramref name="on"/> (<see cref="InstitutionSanctionStep.None"/> when none).</summary>
    public async Task<InstitutionSanctionStep> CurrentStepAsync(Guid institutionId, DateOnly on, CancellationToken ct) =>
        InstitutionSanctionLadderRule.CurrentStep(await HistoryAsync(institutionId, ct), on);

    /// <summary>The institution's recorded sanctions as the kernel reads them.</summary>
    public async Task<IReadOnlyList<InstitutionSanction>> HistoryAsync(Guid institutionId, CancellationToken ct)
    {
        var rows = await db.InstitutionSanctions.AsNoTracking().Where(s => s.InstitutionId == institutionId).ToListAsync(ct);
        return [.. rows.Select(ToKernel)];
    }

    /// <summary>A stored step as the kernel's record.</summary>
    public static InstitutionSanction ToKernel(InstitutionSanctionRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(InstitutionCodes.Steps[row.Step], row.On, InstitutionCodes.KernelGround(row.Ground), row.CorrectionDeadline, row.SeriousJustification);
    }
}
