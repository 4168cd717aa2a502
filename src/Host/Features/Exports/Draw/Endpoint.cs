using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Exports.Draw;

public sealed class Request : ExportRequest
{
    /// <summary>The draw.</summary>
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request>
{
    private static readonly LocalizedText[] Columns =
    [
        new("名次", "Rank"), new("结果", "Outcome"), new("姓名", "Name"), new("证卡编号", "Card number"), new("辖区", "Jurisdiction"),
        new("排除规则", "Excluding rules"), new("抽取编号", "Draw"), new("种子承诺", "Seed commitment"), new("候选池摘要", "Pool digest"), new("督导员编号", "Supervisor id"),
    ];

    public override void Configure()
    {
        Get("/api/v1/exports/draws/{id}");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.Auditor);
        Description(b => b.WithName("exports.draw").Produces<byte[]>(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv").ProducesProblem(400).ProducesProblem(404));
        Tags("exports");
        Summary(s => { s.Summary = "Export a draw (.xlsx or .csv)"; s.Description = "抽取结果导出：排名（选中/替补）、被排除者及规则编号、种子承诺和候选池摘要；只含姓名和证卡编号，不含身份号码。辖区工作人员可用。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (req.Format is not null && !ExportFormat.All.Contains(req.Format)) { AddError(r => r.Format!, "'format' must be csv or xlsx"); await Send.ErrorsAsync(cancellation: ct); return; }
        var draw = await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == req.Id, ct);
        if (draw is null || !User.CanAccess(JurisdictionCode.Parse(draw.Jurisdiction)) || !TaskAccess.IsStaff(User)) { await Send.ResultAsync(Problems.NotFound($"draw {req.Id}")); return; }
        var dto = DrawTranscriptDto.From(draw);
        var ids = dto.Ranking.Concat(dto.Exclusions.Select(e => e.Id)).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Distinct().ToList();
        var people = await db.Supervisors.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id.ToString(), s => new { s.Name, s.Jurisdiction }, ct);
        var cards = (await db.Cards.AsNoTracking().Where(c => ids.Contains(c.SupervisorId)).OrderBy(c => c.Year).ThenBy(c => c.Serial).ToListAsync(ct))
            .GroupBy(c => c.SupervisorId.ToString()).ToDictionary(g => g.Key, g => g.Last().Number);
        var selected = new LocalizedText("选中", "selected").Get(System.Globalization.CultureInfo.CurrentUICulture);
        var substitute = new LocalizedText("替补", "substitute").Get(System.Globalization.CultureInfo.CurrentUICulture);
        var excluded = new LocalizedText("排除", "excluded").Get(System.Globalization.CultureInfo.CurrentUICulture);
        IReadOnlyList<string?> Row(string? rank, string outcome, string id, string? rules) =>
            [rank, outcome, people.GetValueOrDefault(id)?.Name, cards.GetValueOrDefault(id), people.GetValueOrDefault(id)?.Jurisdiction, rules, dto.Id.ToString(), dto.SeedCommitment, dto.PoolDigest, id];
        var rows = dto.Ranking.Select((id, i) => Row((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i < dto.Count ? selected : substitute, id, null))
            .Concat(dto.Exclusions.Select(e => Row(null, excluded, e.Id, string.Join(" ", e.Rules))));
        await ExportFormat.SendAsync(this, ExportFormat.Of(req.Format, HttpContext.Request), "draw", ExportFormat.Headers(Columns), rows, ct);
    }
}
