using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Features.Supervisors.Sanctions;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors.Register;

/// <summary>
/// Registering one supervisor, shared by <c>POST /api/v1/supervisors</c> and the spreadsheet import: the caller's scope,
/// the institution inside the jurisdiction, known conflict institutions, one registration per ID number and jurisdiction,
/// then the insert and its audit entry. The request has passed <see cref="Validator"/> before.
/// </summary>
public sealed class SupervisorRegistration(SupervisionDbContext db, AuditLog audit, PersonalData personal, TimeProvider clock) : IScopedService
{
    public static readonly LocalizedText DuplicateText =
        new("该公民身份号码在本辖区已登记为质量督导员", "A supervisor with this resident ID number is already registered in the jurisdiction");

    /// <summary>Why the request cannot be registered: a scope refusal (403), field errors (400), a registry bar (422) or a duplicate (409); null when it can.</summary>
    public async Task<RegistrationRefusal?> CheckAsync(ClaimsPrincipal user, Request req, CancellationToken ct)
    {
        if (user.CannotManage(req.Kind, req.InstitutionId, req.Jurisdiction) is { } denied) return new RegistrationRefusal(RefusalKind.Forbidden, null, denied);
        var jurisdiction = JurisdictionCode.Parse(req.Jurisdiction).Value;
        if (req.InstitutionId is { } institutionId && !await db.InstitutionInsideAsync(institutionId, jurisdiction, ct))
            return new RegistrationRefusal(RefusalKind.Field, nameof(Request.InstitutionId), new("评价机构不存在或不在该辖区内", "no such institution inside the jurisdiction"));
        if (!await db.ConflictInstitutionsExistAsync(req.Conflicts, ct))
            return new RegistrationRefusal(RefusalKind.Field, nameof(Request.Conflicts), new("回避关系中的评价机构不存在", "a conflict names an unknown institution"));
        var hash = personal.LookupHash(ResidentIdNumber.Parse(req.IdNumber, ChinaTime.DateOf(clock.GetUtcNow())).Value);
        // A person barred by a pack's sanction consequence (GD 21 lifetime ban, YN blacklist) cannot be registered again there;
        // checked before the duplicate check so that the refusal names the bar's rule even while the old row is kept.
        var barred = await db.ViolationsAsync(hash, JurisdictionCode.Parse(jurisdiction), ChinaTime.DateOf(clock.GetUtcNow()), ct);
        if (barred.Count > 0)
            return new RegistrationRefusal(RefusalKind.Barred, nameof(Request.IdNumber), barred[0].Message) { Violations = barred };
        if (await db.Supervisors.AnyAsync(s => s.Jurisdiction == jurisdiction && s.IdNumberHash == hash, ct))
            return new RegistrationRefusal(RefusalKind.Duplicate, nameof(Request.IdNumber), DuplicateText);
        return null;
    }

    /// <summary>Inserts the supervisor and appends its audit entry, inside the caller's transaction. A concurrent duplicate surfaces as a unique violation.</summary>
    public async Task<Supervisor> AddAsync(ClaimsPrincipal user, Request req, CancellationToken ct, string? auditDetail = null)
    {
        var now = clock.GetUtcNow();
        var id = ResidentIdNumber.Parse(req.IdNumber, ChinaTime.DateOf(now));
        var jurisdiction = JurisdictionCode.Parse(req.Jurisdiction).Value;
        var supervisor = new Supervisor
        {
            Id = Guid.CreateVersion7(), Name = req.Name.Trim(), IdNumberCipher = personal.Encrypt(id.Value), IdNumberHash = personal.LookupHash(id.Value),
            IdNumberMasked = id.Masked, Sex = id.Sex == Sex.Male ? "male" : "female", BirthDate = id.BirthDate, Kind = req.Kind, Jurisdiction = jurisdiction,
            InstitutionId = req.InstitutionId, PhoneCipher = req.Phone is null ? null : personal.Encrypt(req.Phone),
            PhoneMasked = req.Phone is null ? null : PersonalData.MaskPhone(req.Phone), CreatedAt = now, UpdatedAt = now,
        };
        supervisor.Apply(req.Experience, req.Conditions);
        supervisor.Conflicts = req.Conflicts.ToEntities(supervisor.Id);
        db.Supervisors.Add(supervisor);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, user.AsActor(), new AuditEvent("supervisor.register", "supervisor", supervisor.Id.ToString(), jurisdiction,
            Rules: ["cn.supervisor.kinds", "cn.supervisor.conditions"], After: supervisor.AuditState(), Detail: auditDetail), ct);
        return supervisor;
    }
}

public enum RefusalKind { Forbidden, Field, Duplicate, Barred }

/// <summary>A refusal of a registration: its kind, the request property it is about (if any) and the reason.</summary>
public sealed record RegistrationRefusal(RefusalKind Kind, string? Property, LocalizedText Reason)
{
    /// <summary>For <see cref="RefusalKind.Barred"/>: every registry bar's rule (422).</summary>
    public IReadOnlyList<Kernel.Rules.Violation> Violations { get; init; } = [];
}
