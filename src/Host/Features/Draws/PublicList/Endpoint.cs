using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Features.Draws.PublicList;

public sealed class Request : PagedRequest
{
    /// <summary>Only draws of this jurisdiction subtree (e.g. 44).</summary>
    public string? Jurisdiction { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedRequestValidator());
        RuleFor(r => r.Jurisdiction).Must(j => j is null || Kernel.Registry.JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
    }
}

/// <summary>A published draw: what 一公开 makes public, and nothing personal.</summary>
public sealed record PublicDraw(Guid DrawId, string TaskKind, string Institution, string Jurisdiction, DateOnly Date, string Algorithm,
    string PoolDigest, int PoolSize, string Seed, string? SeedCommitment, IReadOnlyList<string> CardNumbers, DateTimeOffset DrawnAt);

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Page<PublicDraw>>
{
    public override void Configure()
    {
        Get("/api/v1/public/draws");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(RateLimits.Public));
        Description(b => b.WithName("public.draws.list"));
        Tags("public");
        Summary(s => { s.Summary = "Published draws (anonymous)"; s.Description = "“双随机、一公开”的公开结果：任务类型、被督导机构、日期、池摘要、种子、入选督导员证卡号；不含姓名、身份证号等个人信息。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = from d in db.Draws.AsNoTracking()
                    join t in db.SupervisionTasks.AsNoTracking() on d.TaskId equals t.Id
                    join i in db.Institutions.AsNoTracking() on t.InstitutionId equals i.Id
                    where d.Published && d.Status == "run"
                    select new { d, t.Kind, t.WindowStart, Institution = i.Name };
        if (req.Jurisdiction is { } j)
        {
            var code = Kernel.Registry.JurisdictionCode.Parse(j);
            query = code.IsNational ? query : query.Where(x => x.d.Jurisdiction == code.Value || x.d.Jurisdiction.StartsWith(code.Value + "."));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.d.RunAt).ThenBy(x => x.d.Id).Skip(req.Skip).Take(req.Take).ToListAsync(ct);
        var selected = rows.SelectMany(r => r.d.Ranking.Take(r.d.Count)).Select(Guid.Parse).ToList();
        var cards = await db.Cards.AsNoTracking().Where(c => selected.Contains(c.SupervisorId) && c.Kind == "external")
            .OrderByDescending(c => c.IssuedOn).Select(c => new { c.SupervisorId, c.Number }).ToListAsync(ct);
        var cardOf = cards.GroupBy(c => c.SupervisorId).ToDictionary(g => g.Key.ToString(), g => g.First().Number);
        var items = rows.Select(r => new PublicDraw(r.d.Id, r.Kind, r.Institution, r.d.Jurisdiction, ChinaTime.DateOf(r.WindowStart), r.d.Algorithm,
            r.d.PoolDigest!, r.d.Pool.Length, r.d.Seed!, r.d.SeedCommitment,
            [.. r.d.Ranking.Take(r.d.Count).Select(id => cardOf.GetValueOrDefault(id, "—"))], r.d.RunAt!.Value)).ToList();
        await Send.OkAsync(new Page<PublicDraw>(items, req.Page ?? 1, req.Take, total), ct);
    }
}
