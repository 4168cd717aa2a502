using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.List;

public sealed class Request : PagedRequest
{
    /// <summary>Name contains this text.</summary>
    public string? Name { get; set; }
    /// <summary>external | internal.</summary>
    public string? Kind { get; set; }
    /// <summary>Only records in this jurisdiction's subtree.</summary>
    public string? Jurisdiction { get; set; }
    public Guid? InstitutionId { get; set; }
    /// <summary>Exact resident ID number (matched through its keyed hash, never stored or logged in clear).</summary>
    public string? IdNumber { get; set; }
    /// <summary>Today's standing: appointed | not-appointed | suspended | revoked | banned.</summary>
    public string? Status { get; set; }
}

public sealed class Validator : Validator<Request>
{
    internal static readonly string[] Statuses = ["appointed", "not-appointed", "suspended", "revoked", "banned"];

    public Validator()
    {
        var clock = Resolve<TimeProvider>();
        Include(new PagedRequestValidator());
        RuleFor(r => r.Name).MaximumLength(100);
        RuleFor(r => r.Kind).Must(k => SupervisorFields.Kinds.Contains(k)).When(r => r.Kind is not null).WithMessage("'kind' must be external or internal");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).When(r => r.Jurisdiction is not null).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.Status).Must(s => Statuses.Contains(s)).When(r => r.Status is not null).WithMessage("'status' must be appointed, not-appointed, suspended, revoked or banned");
        RuleFor(r => r.IdNumber).Custom((value, ctx) =>
        {
            if (value is not null && !ResidentIdNumber.TryParse(value, ChinaTime.DateOf(clock.GetUtcNow()), out _, out var error))
                ctx.AddFailure(error.Message.Get(CultureInfo.CurrentUICulture));
        });
    }
}

public sealed class Endpoint(SupervisionDbContext db, PersonalData personal, SupervisorStanding standing, TimeProvider clock) : Endpoint<Request, Page<SupervisorDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.list").ProducesProblem(400));
        Tags("supervisors");
        Summary(s => { s.Summary = "Search supervisors"; s.Description = "查询质量督导员（姓名包含、类别、辖区、评价机构、公民身份号码精确匹配、当前状态），分页；只返回调用者可见的记录，号码和电话为掩码。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var query = db.Supervisors.AsNoTracking().VisibleTo(User);
        if (req.Name is { Length: > 0 } name) query = query.Where(s => s.Name.Contains(name));
        if (req.Kind is not null) query = query.Where(s => s.Kind == req.Kind);
        if (req.Jurisdiction is not null) query = query.WithinJurisdiction(JurisdictionCode.Parse(req.Jurisdiction), s => s.Jurisdiction);
        if (req.InstitutionId is { } institution) query = query.Where(s => s.InstitutionId == institution);
        if (req.IdNumber is not null)
        {
            var hash = personal.LookupHash(ResidentIdNumber.Parse(req.IdNumber, today).Value);
            query = query.Where(s => s.IdNumberHash == hash);
        }
        var appointed = db.Appointments.Where(a => a.Start <= today && a.End >= today && (a.TerminatedOn == null || a.TerminatedOn > today));
        var sanctions = db.SupervisorSanctions;
        query = req.Status switch
        {
            "appointed" => query.Where(s => appointed.Any(a => a.SupervisorId == s.Id)),
            "not-appointed" => query.Where(s => !appointed.Any(a => a.SupervisorId == s.Id)),
            "suspended" => query.Where(s => sanctions.Any(x => x.SupervisorId == s.Id && x.Measure == "suspension" && x.SuspendedFrom <= today && x.SuspendedUntil >= today)),
            "revoked" => query.Where(s => sanctions.Any(x => x.SupervisorId == s.Id && x.Measure == "revocation" && x.DecidedOn <= today)),
            "banned" => query.Where(s => sanctions.Any(x => x.SupervisorId == s.Id && x.Measure == "ban" && x.DecidedOn <= today)),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var rows = await query.Include(s => s.Conflicts).OrderBy(s => s.Name).ThenBy(s => s.Id).Skip(req.Skip).Take(req.Take).ToListAsync(ct);
        var summaries = await standing.SummariesAsync([.. rows.Select(s => s.Id)], ct);
        await Send.OkAsync(new Page<SupervisorDto>([.. rows.Select(s => SupervisorDto.From(s, summaries[s.Id]))], req.Page ?? 1, req.Take, total), ct);
    }
}
