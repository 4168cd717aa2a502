using System.Security.Claims;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Host.Features.Supervisors.Register;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Institutions.Create;

/// <summary>
/// Registering one evaluation institution, shared by <c>POST /api/v1/institutions</c> and the spreadsheet import: the
/// jurisdiction known to the deployment and inside the caller's, one registration per filing level and number, then the
/// insert and its audit entry. The request has passed <see cref="Validator"/> before.
/// </summary>
public sealed class InstitutionRegistration(SupervisionDbContext db, AuditLog audit, PackCatalog catalog, TimeProvider clock) : IScopedService
{
    public async Task<RegistrationRefusal?> CheckAsync(ClaimsPrincipal user, Request req, CancellationToken ct)
    {
        var jurisdiction = JurisdictionCode.Parse(req.Jurisdiction);
        if (!catalog.IsKnown(jurisdiction))
            return new RegistrationRefusal(RefusalKind.Field, nameof(Request.Jurisdiction),
                new($"辖区 {jurisdiction} 不在本部署的辖区树中", $"jurisdiction {jurisdiction} is not a node of this deployment's tree"));
        if (!user.CanAccess(jurisdiction))
            return new RegistrationRefusal(RefusalKind.Forbidden, nameof(Request.Jurisdiction), new("只能在本辖区范围内登记评价机构", "you can register institutions only inside your own jurisdiction"));
        if (await InstitutionFiling.IsTakenAsync(db, req.FilingLevel, req.FilingNumber, null, ct))
            return new RegistrationRefusal(RefusalKind.Duplicate, nameof(Request.FilingNumber), DuplicateText(req.FilingLevel, req.FilingNumber));
        return null;
    }

    public static LocalizedText DuplicateText(string level, string number) =>
        new($"备案编号 {number}（{(level == "mohrss" ? "人社部" : "省级")}备案）已登记", $"filing number {number} ({level}) is already registered");

    /// <summary>Inserts the institution and appends its audit entry inside the caller's transaction; null when the unique index refused a concurrent duplicate.</summary>
    public async Task<Institution?> AddAsync(ClaimsPrincipal user, Request req, CancellationToken ct, string? auditDetail = null)
    {
        var now = clock.GetUtcNow();
        var institution = new Institution
        {
            Id = Guid.CreateVersion7(now),
            Name = req.Name.Trim(),
            Kind = req.Kind,
            FilingNumber = req.FilingNumber,
            FilingLevel = req.FilingLevel,
            Jurisdiction = JurisdictionCode.Parse(req.Jurisdiction).Value,
            Status = InstitutionCodes.Active,
            InternalIssuerCode = InstitutionCodes.IssuerCode(req.Kind, req.FilingLevel, req.FilingNumber).Value!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Institutions.Add(institution);
        if (!await InstitutionFiling.TrySaveAsync(db, ct)) return null;
        await audit.AppendAsync(db, user.AsActor(), new AuditEvent("institution.create", "institution", institution.Id.ToString(), institution.Jurisdiction,
            Rules: ["cn.card.internal-format"], After: InstitutionDto.From(institution), Detail: auditDetail), ct);
        return institution;
    }
}
