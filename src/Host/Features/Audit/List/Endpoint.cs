using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Audit.List;

public sealed class Request
{
    /// <summary>Return entries after this sequence number (keyset paging). Default 0.</summary>
    public long? AfterSeq { get; set; }
    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }
    /// <summary>Only this action (e.g. admin.client.create).</summary>
    public string? Action { get; set; }
    /// <summary>Only this target type.</summary>
    public string? TargetType { get; set; }
    /// <summary>Only this target id.</summary>
    public string? TargetId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.AfterSeq).GreaterThanOrEqualTo(0);
        RuleFor(r => r.Limit).InclusiveBetween(1, 200);
        RuleFor(r => r.Action).MaximumLength(100);
        RuleFor(r => r.TargetType).MaximumLength(100);
        RuleFor(r => r.TargetId).MaximumLength(200);
    }
}

public sealed record AuditEntryDto(
    long Seq, DateTimeOffset At, string Actor, string ActorJurisdiction, string Jurisdiction, string Action,
    string TargetType, string TargetId, IReadOnlyList<string> Rules, string? BeforeDigest, string? AfterDigest, string? Detail, string Hash);

public sealed record Response(IReadOnlyList<AuditEntryDto> Items, long? NextAfterSeq);

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/audit");
        Roles(KernelRoles.Auditor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("audit.list"));
        Tags("audit");
        Summary(s => { s.Summary = "Audit log of the caller's jurisdiction"; s.Description = "审计日志（哈希链，只追加），仅限调用者辖区范围，按序号分页。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var own = User.Jurisdiction()!.Value;
        var limit = req.Limit ?? 50;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.Seq > (req.AfterSeq ?? 0));
        if (!own.IsNational)
        {
            var prefix = own.Value + ".";
            query = query.Where(e => e.Jurisdiction == own.Value || (!own.IsSubJurisdiction && e.Jurisdiction.StartsWith(prefix)));
        }
        if (req.Action is not null) query = query.Where(e => e.Action == req.Action);
        if (req.TargetType is not null) query = query.Where(e => e.TargetType == req.TargetType);
        if (req.TargetId is not null) query = query.Where(e => e.TargetId == req.TargetId);
        var rows = await query.OrderBy(e => e.Seq).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(e => new AuditEntryDto(e.Seq, e.At, e.Actor, e.ActorJurisdiction, e.Jurisdiction, e.Action,
            e.TargetType, e.TargetId, e.Rules, e.BeforeDigest, e.AfterDigest, e.Detail, Convert.ToHexStringLower(e.Hash))).ToList();
        await Send.OkAsync(new Response(items, rows.Count > limit ? items[^1].Seq : null), ct);
    }
}
