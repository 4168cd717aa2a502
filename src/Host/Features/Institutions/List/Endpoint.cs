using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Institutions.List;

public sealed class Request : PagedRequest
{
    /// <summary>Only names containing this text (case-insensitive).</summary>
    public string? Name { get; set; }
    /// <summary>employer | social-org | industry.</summary>
    public string? Kind { get; set; }
    /// <summary>active | notified | disqualified.</summary>
    public string? Status { get; set; }
    /// <summary>Only this jurisdiction and the nodes below it (inside the caller's subtree).</summary>
    public string? Jurisdiction { get; set; }
    /// <summary>Exact filing number.</summary>
    public string? FilingNumber { get; set; }
    /// <summary>mohrss | province.</summary>
    public string? FilingLevel { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedRequestValidator());
        RuleFor(r => r.Name).MaximumLength(200);
        RuleFor(r => r.Kind).Must(k => k is null || InstitutionCodes.Kinds.ContainsKey(k)).WithMessage("'kind' must be employer, social-org or industry");
        RuleFor(r => r.Status).Must(s => s is null || InstitutionCodes.Statuses.Contains(s)).WithMessage("'status' must be active, notified or disqualified");
        RuleFor(r => r.FilingLevel).Must(l => l is null || InstitutionCodes.FilingLevels.ContainsKey(l)).WithMessage("'filingLevel' must be mohrss or province");
        RuleFor(r => r.Jurisdiction).Must(j => j is null || JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.FilingNumber).MaximumLength(40);
    }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Page<InstitutionDto>>
{
    public override void Configure()
    {
        Get("/api/v1/institutions");
        Roles(InstitutionScope.Readers);
        Description(b => b.WithName("institutions.list"));
        Tags("registry");
        Summary(s => { s.Summary = "Search evaluation institutions"; s.Description = "评价机构查询：名称包含、类别、状态、辖区、备案编号；分页；仅限调用者辖区（评价机构操作员只看到本机构）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Institutions.AsNoTracking().Visible(User);
        if (req.Jurisdiction is not null) query = query.WithinJurisdiction(JurisdictionCode.Parse(req.Jurisdiction), i => i.Jurisdiction);
        if (!string.IsNullOrWhiteSpace(req.Name)) query = query.Where(i => EF.Functions.ILike(i.Name, "%" + Escape(req.Name.Trim()) + "%", "\\"));
        if (req.Kind is not null) query = query.Where(i => i.Kind == req.Kind);
        if (req.Status is not null) query = query.Where(i => i.Status == req.Status);
        if (req.FilingLevel is not null) query = query.Where(i => i.FilingLevel == req.FilingLevel);
        if (req.FilingNumber is not null) query = query.Where(i => i.FilingNumber == req.FilingNumber.Trim());
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.Name).ThenBy(i => i.Id).Skip(req.Skip).Take(req.Take).ToListAsync(ct);
        await Send.OkAsync(new Page<InstitutionDto>([.. rows.Select(InstitutionDto.From)], req.Page ?? 1, req.Take, total), ct);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
