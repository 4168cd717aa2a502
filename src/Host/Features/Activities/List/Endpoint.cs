using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Institutions;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Access;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Activities.List;

public sealed class Request : PagedRequest
{
    public Guid? InstitutionId { get; set; }
    /// <summary>Activities starting on or after this instant.</summary>
    public DateTimeOffset? From { get; set; }
    /// <summary>Activities starting before this instant.</summary>
    public DateTimeOffset? To { get; set; }
    public string? Kind { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedRequestValidator());
        RuleFor(r => r.Kind).Must(k => k is null || ActivityKinds.All.Contains(k)).WithMessage("'kind' must be one of " + string.Join(", ", ActivityKinds.All));
    }
}

public sealed class Endpoint(SupervisionDbContext db, ActivityCoverageCheck coverage) : Endpoint<Request, Page<ActivityDto>>
{
    public override void Configure()
    {
        Get("/api/v1/activities");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("activities.list"));
        Tags("activities");
        Summary(s => { s.Summary = "Evaluation activities in the caller's jurisdiction"; s.Description = "本辖区的评价活动，按开始时间排序分页；机构操作员只见本机构。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // The same reach as a get: activities of the institutions the caller may see (supervisors: none).
        var visible = db.Institutions.AsNoTracking().Visible(User).Select(i => i.Id);
        var query = db.Activities.AsNoTracking().WithinJurisdictionOf(User, a => a.Jurisdiction).Where(a => visible.Contains(a.InstitutionId));
        if (req.InstitutionId is { } institution) query = query.Where(a => a.InstitutionId == institution);
        if (req.From is { } from) query = query.Where(a => a.StartsAt >= from);
        if (req.To is { } to) query = query.Where(a => a.StartsAt < to);
        if (req.Kind is { } kind) query = query.Where(a => a.Kind == kind);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Skip(req.Skip).Take(req.Take)
            .Include(a => a.Venues).Include(a => a.Examiners).AsSplitQuery().ToListAsync(ct);
        var flags = await coverage.FlagsAsync(rows, ct);
        await Send.OkAsync(new Page<ActivityDto>([.. rows.Select(a => ActivityDto.From(a, flags.GetValueOrDefault(a.Id) ?? []))], req.Page ?? 1, req.Take, total), ct);
    }
}
