using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Update;

/// <summary>Fields to change (null: unchanged). The ID number, kind and jurisdiction identify the record and do not change.</summary>
public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>The <c>version</c> last read; a stale one answers 409.</summary>
    /// <example>3</example>
    public uint Version { get; set; }
    /// <example>陈志强</example>
    public string? Name { get; set; }
    /// <example>13912345678</example>
    public string? Phone { get; set; }
    public ExperienceDto? Experience { get; set; }
    public ConditionsDto? Conditions { get; set; }
    /// <summary>Replaces the declared conflicts when given.</summary>
    public List<ConflictDto>? Conflicts { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Version).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).When(r => r.Name is not null);
        RuleFor(r => r.Phone).Must(SupervisorFields.IsPhone).When(r => r.Phone is not null).WithMessage("'phone' must be a mainland mobile (1[3-9] + 9 digits) or landline number");
        RuleFor(r => r.Experience!).SetValidator(new ExperienceValidator()).When(r => r.Experience is not null);
        RuleFor(r => r.Conflicts).Must(c => c!.Count <= 50).When(r => r.Conflicts is not null);
        RuleForEach(r => r.Conflicts).NotNull().WithMessage("each conflict is an object").SetValidator(new ConflictValidator());
    }
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, PersonalData personal, SupervisorStanding standing, TimeProvider clock)
    : Endpoint<Request, SupervisorDto>
{
    public override void Configure()
    {
        Patch("/api/v1/supervisors/{id}");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.update").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("supervisors");
        Summary(s => { s.Summary = "Change a supervisor (optimistic concurrency)"; s.Description = "修改质量督导员的姓名、电话、经历、第六条五项条件确认和利益冲突声明；须提交最近读取的 version，过期返回 409。公民身份号码、类别和辖区不可修改。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct, track: true);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        if (req.Conflicts is not null && !await db.ConflictInstitutionsExistAsync(req.Conflicts, ct)) ThrowError(r => r.Conflicts, "a conflict names an unknown institution");
        if (supervisor.Version != req.Version) { await Send.ResultAsync(Stale()); return; }

        var before = supervisor.AuditState();
        db.Entry(supervisor).Property(s => s.Version).OriginalValue = req.Version;
        if (req.Name is not null) supervisor.Name = req.Name.Trim();
        if (req.Phone is not null) (supervisor.PhoneCipher, supervisor.PhoneMasked) = (personal.Encrypt(req.Phone), PersonalData.MaskPhone(req.Phone));
        supervisor.Apply(req.Experience, req.Conditions);
        if (req.Conflicts is not null)
        {
            supervisor.Conflicts.Clear();
            supervisor.Conflicts.AddRange(req.Conflicts.ToEntities(supervisor.Id));
        }
        supervisor.UpdatedAt = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { await Send.ResultAsync(Stale()); return; }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.update", "supervisor", supervisor.Id.ToString(), supervisor.Jurisdiction,
            Rules: ["cn.supervisor.conditions"], Before: before, After: supervisor.AuditState()), ct);
        await tx.CommitAsync(ct);
        var summary = await standing.SummariesAsync([supervisor.Id], ct);
        await Send.OkAsync(SupervisorDto.From(supervisor, summary[supervisor.Id]), ct);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale() =>
        Problems.Conflict(new("记录已被他人修改，请重新读取后再提交", "The record was changed by someone else: read it again and resubmit"));
}
