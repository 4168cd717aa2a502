using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;

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

/// <summary>
/// A published draw: what 一公开 makes public, and nothing personal. For a supervisor draw: the task kind, the supervised
/// institution, the task's day and the selected supervisors' card numbers. For an inspection draw: task kind
/// <c>inspection</c>, the selected institutions' names (activities: institution, occupation and day), the day of the draw,
/// no card numbers.
/// </summary>
/// <param name="DrawId" example="0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718">Draw id.</param>
/// <param name="TaskKind" example="daily">Task kind (inspection for inspection draws).</param>
/// <param name="Institution" example="广东省技师学院">The institution supervised.</param>
/// <param name="Jurisdiction" example="44">Jurisdiction.</param>
/// <param name="Date" example="2025-06-01">Day of the task.</param>
/// <param name="Algorithm" example="hmac-sha256-rank/v1">Ranking algorithm.</param>
/// <param name="PoolDigest" example="b5d4c2e6a1f3908e7d6c5b4a3928170f6e5d4c3b2a190807f6e5d4c3b2a19080">Hex SHA-256 of the pool.</param>
/// <param name="PoolSize" example="7">Candidates.</param>
/// <param name="Seed" example="9c1185a5c5e9fc54612808977ee8f548b2258d31a4f3e2b1c0d9e8f7a6b5c4d3">The seed.</param>
/// <param name="SeedCommitment" example="null">Announced commitment.</param>
/// <param name="CardNumbers" example='["R44250012", "R44250027"]'>Card numbers of the selected.</param>
/// <param name="DrawnAt" example="2025-05-30T10:00:01+08:00">When drawn.</param>
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
        Summary(s => { s.Summary = "Published draws (anonymous)"; s.Description = "“双随机、一公开”的公开结果：任务类型、被督导机构、日期、池摘要、种子、入选督导员证卡号；检查对象抽取（inspection）列出入选机构（或活动）；不含姓名、身份证号等个人信息。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Draws.AsNoTracking().Where(d => d.Published && d.Status == "run");
        if (req.Jurisdiction is { } j)
        {
            var code = Kernel.Registry.JurisdictionCode.Parse(j);
            query = code.IsNational ? query : query.Where(d => d.Jurisdiction == code.Value || d.Jurisdiction.StartsWith(code.Value + "."));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.RunAt).ThenBy(d => d.Id).Skip(req.Skip).Take(req.Take).ToListAsync(ct);

        var taskIds = rows.Where(d => d.TaskId is not null).Select(d => d.TaskId!.Value).ToList();
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Kind, t.WindowStart, t.InstitutionId }).ToDictionaryAsync(t => t.Id, ct);
        var supervisorDraws = rows.Where(d => d.Purpose == "supervisor").ToList();
        var inspected = rows.Where(d => d.Purpose == "inspection").SelectMany(Selected).Select(Guid.Parse).ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => inspected.Contains(a.Id))
            .Select(a => new { a.Id, a.InstitutionId, a.Occupation, a.StartsAt }).ToDictionaryAsync(a => a.Id, ct);
        var institutionIds = tasks.Values.Select(t => t.InstitutionId).Concat(inspected).Concat(activities.Values.Select(a => a.InstitutionId)).Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);

        var selected = supervisorDraws.SelectMany(Selected).Select(Guid.Parse).ToList();
        var cards = await db.Cards.AsNoTracking().Where(c => selected.Contains(c.SupervisorId) && c.Kind == "external")
            .OrderByDescending(c => c.IssuedOn).Select(c => new { c.SupervisorId, c.Number }).ToListAsync(ct);
        var cardOf = cards.GroupBy(c => c.SupervisorId).ToDictionary(g => g.Key.ToString(), g => g.First().Number);

        string Inspected(string id) => activities.TryGetValue(Guid.Parse(id), out var a)
            ? $"{names.GetValueOrDefault(a.InstitutionId, "—")}（{a.Occupation}，{ChinaTime.DateOf(a.StartsAt):yyyy-MM-dd}）"
            : names.GetValueOrDefault(Guid.Parse(id), "—");
        PublicDraw Item(Data.Supervision.Draw d)
        {
            var task = d.TaskId is { } tid ? tasks.GetValueOrDefault(tid) : null;
            return d.Purpose == "inspection" || task is null
                ? new(d.Id, "inspection", string.Join("、", Selected(d).Select(Inspected)), d.Jurisdiction, ChinaTime.DateOf(d.RunAt!.Value), d.Algorithm,
                    d.PoolDigest!, d.PoolSize, d.Seed!, d.SeedCommitment, [], d.RunAt!.Value)
                : new(d.Id, task.Kind, names.GetValueOrDefault(task.InstitutionId, "—"), d.Jurisdiction, ChinaTime.DateOf(task.WindowStart), d.Algorithm,
                    d.PoolDigest!, d.PoolSize, d.Seed!, d.SeedCommitment, [.. Selected(d).Select(id => cardOf.GetValueOrDefault(id, "—"))], d.RunAt!.Value);
        }
        await Send.OkAsync(new Page<PublicDraw>([.. rows.Select(Item)], req.Page ?? 1, req.Take, total), ct);
    }

    private static IEnumerable<string> Selected(Data.Supervision.Draw d) => d.Ranking.Take(d.Count);
}
