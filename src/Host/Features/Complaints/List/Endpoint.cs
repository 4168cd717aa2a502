using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Infrastructure;

namespace SupervisionCore.Host.Features.Complaints.List;

public sealed class Request : PagedRequest
{
    /// <summary>received | investigating | referred | dismissed | concluded.</summary>
    public string? State { get; set; }
    public Guid? InstitutionId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedRequestValidator());
        RuleFor(r => r.State).Must(s => s is null || ComplaintText.States.Contains(s)).WithMessage("'state' must be one of " + string.Join(", ", ComplaintText.States));
    }
}

public sealed class Endpoint(ComplaintAccess access) : Endpoint<Request, Page<ComplaintDto>>
{
    public override void Configure()
    {
        Get("/api/v1/complaints");
        Roles(ComplaintAccess.Readers);
        Description(b => b.WithName("complaints.list"));
        Tags("complaints");
        Summary(s => { s.Summary = "Complaints of the jurisdiction"; s.Description = "本辖区的群众举报，新近在前；举报人联系方式仅脱敏显示。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = access.Visible(User).AsNoTracking();
        if (req.State is { } state) query = query.Where(c => c.State == state);
        if (req.InstitutionId is { } institution) query = query.Where(c => c.InstitutionId == institution);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Skip(req.Skip).Take(req.Take).ToListAsync(ct);
        await Send.OkAsync(new Page<ComplaintDto>([.. rows.Select(ComplaintDto.From)], req.Page ?? 1, req.Take, total), ct);
    }
}
