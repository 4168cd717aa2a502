using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Data.Applications;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Applications;

/// <summary>
/// YN 13 before an appointment (<c>yn.application</c>): loads the supervisor's applications and lets
/// <see cref="ApplicationWorkflow.AppointmentAllowed"/> judge them. A singleton extension (the pack scan), so it reads
/// through its own scope.
/// </summary>
public sealed class AppointmentGate(IServiceScopeFactory scopes) : IAppointmentPrecondition
{
    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.Application;

    /// <inheritdoc />
    public async Task<RuleOutcome> CheckAsync(AppointmentCandidate candidate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.IsRenewal) return ApplicationWorkflow.AppointmentAllowed([], isRenewal: true, candidate.Start);
        if (!Guid.TryParse(candidate.SupervisorId, out var id)) return ApplicationWorkflow.AppointmentAllowed([], false, candidate.Start);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var rows = await db.Applications.AsNoTracking().Where(a => a.SupervisorId == id).Select(a => new { a.State, a.ReviewedOn }).ToListAsync(ct);
        return ApplicationWorkflow.AppointmentAllowed(
            rows.Select(r => new ApplicationRecord(r.State == "approved" ? ApplicationState.Approved : r.State == "rejected" ? ApplicationState.Rejected : ApplicationState.Applied, r.ReviewedOn)),
            isRenewal: false, candidate.Start);
    }
}
