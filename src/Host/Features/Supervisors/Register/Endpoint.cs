using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Sanctions;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Register;

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, PersonalData personal, SupervisorStanding standing, TimeProvider clock)
    : Endpoint<Request, SupervisorDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.register").Produces<SupervisorDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Register a supervisor";
            s.Description = "登记质量督导员（外督/内督）。公民身份号码按 GB 11643 校验（15位旧号码转换为18位），性别和出生日期由号码得出；号码和电话加密保存，响应中只显示掩码。同一人在同一辖区只能登记一次（409）。内督须属于辖区内的评价机构；评价机构操作员只能登记本机构的内督。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (User.CannotManage(req.Kind, req.InstitutionId, req.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        var jurisdiction = JurisdictionCode.Parse(req.Jurisdiction).Value;
        if (req.InstitutionId is { } institutionId && !await db.InstitutionInsideAsync(institutionId, jurisdiction, ct))
            AddError(r => r.InstitutionId, "no such institution inside the jurisdiction");
        if (!await db.ConflictInstitutionsExistAsync(req.Conflicts, ct)) AddError(r => r.Conflicts, "a conflict names an unknown institution");
        ThrowIfAnyErrors();

        var id = ResidentIdNumber.Parse(req.IdNumber, ChinaTime.DateOf(clock.GetUtcNow()));
        var hash = personal.LookupHash(id.Value);
        // A person barred by a pack's sanction consequence (GD 21 lifetime ban, YN blacklist) cannot be registered again there,
        // checked before the duplicate check so that the refusal names the bar's rule even while the old row is kept.
        var barred = await db.ViolationsAsync(hash, JurisdictionCode.Parse(jurisdiction), ChinaTime.DateOf(clock.GetUtcNow()), ct);
        if (barred.Count > 0) { await Send.ResultAsync(Problems.Violations(barred)); return; }
        if (await db.Supervisors.AnyAsync(s => s.Jurisdiction == jurisdiction && s.IdNumberHash == hash, ct)) { await Send.ResultAsync(Duplicate()); return; }
        var now = clock.GetUtcNow();
        var supervisor = new Supervisor
        {
            Id = Guid.CreateVersion7(), Name = req.Name.Trim(), IdNumberCipher = personal.Encrypt(id.Value), IdNumberHash = hash, IdNumberMasked = id.Masked,
            Sex = id.Sex == Sex.Male ? "male" : "female", BirthDate = id.BirthDate, Kind = req.Kind, Jurisdiction = jurisdiction,
            InstitutionId = req.InstitutionId, PhoneCipher = req.Phone is null ? null : personal.Encrypt(req.Phone),
            PhoneMasked = req.Phone is null ? null : PersonalData.MaskPhone(req.Phone), CreatedAt = now, UpdatedAt = now,
        };
        supervisor.Apply(req.Experience, req.Conditions);
        supervisor.Conflicts = req.Conflicts.ToEntities(supervisor.Id);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Supervisors.Add(supervisor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation()) { await Send.ResultAsync(Duplicate()); return; }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.register", "supervisor", supervisor.Id.ToString(), jurisdiction,
            Rules: ["cn.supervisor.kinds", "cn.supervisor.conditions"], After: supervisor.AuditState()), ct);
        await tx.CommitAsync(ct);
        var summary = await standing.SummariesAsync([supervisor.Id], ct);
        await Send.ResponseAsync(SupervisorDto.From(supervisor, summary[supervisor.Id]), 201, ct);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Duplicate() =>
        Problems.Conflict(new("该公民身份号码在本辖区已登记为质量督导员", "A supervisor with this resident ID number is already registered in the jurisdiction"));
}
