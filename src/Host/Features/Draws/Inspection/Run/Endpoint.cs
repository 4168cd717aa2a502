using System.Text.Json;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Inspection.Run;

public sealed class Endpoint(SupervisionDbContext db, InspectionPopulation population, AuditLog audit, TimeProvider clock) : Endpoint<Request, DrawDto>
{
    public override void Configure()
    {
        Post("/api/v1/inspection-draws");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("draws.inspection.run").Produces<DrawDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("draws");
        Summary(s => { s.Summary = "Draw institutions or activities to inspect (verifiable)"; s.Description = "“双随机”之一：从辖区内登记的评价机构（仅正常或已通报，不含已取消资格者）或日期范围内的评价活动中按条件随机抽取检查对象；数量为 count 或比例 ratio（向上取整，至少1个）。总体按 id 排序并计算摘要，按 HMAC-SHA256(种子, id) 排序，记录总体、种子、条件与算法，任何人可复算（POST /api/v1/draws/{id}/verify）。可先公布种子承诺（inspection-draw-announcements），抽取时公开种子。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var subtree = JurisdictionCode.Parse(req.Jurisdiction);
        if (!User.CanAccess(subtree)) { await Send.ResultAsync(Problems.Forbidden(new("只能在本辖区内抽取", "draws only inside your own jurisdiction"))); return; }
        var announced = req.Announcement is { } aid
            ? await db.Draws.SingleOrDefaultAsync(d => d.Id == aid && d.Purpose == "inspection" && d.Status == "announced", ct) : null;
        if (req.Announcement is not null && (announced is null || !User.CanAccess(JurisdictionCode.Parse(announced.Jurisdiction))))
        { await Send.ResultAsync(Problems.NotFound($"announced inspection draw {req.Announcement}")); return; }
        if (announced is not null && announced.Jurisdiction != subtree.Value)
        { await Send.ResultAsync(Problems.Conflict(new($"公告的抽取属于辖区 {announced.Jurisdiction}", $"the announcement is for jurisdiction {announced.Jurisdiction}"))); return; }
        var seed = req.Seed?.ToLowerInvariant() ?? VerifiableDraw.NewSeed();
        var f = req.Filter;
        var filter = new InspectionFilter(req.Target, [.. f.Kinds.Distinct().Order(StringComparer.Ordinal)], [.. f.Statuses.Distinct().Order(StringComparer.Ordinal)], f.Occupation, f.From, f.To);
        var ids = await population.IdsAsync(subtree, filter, ct);
        var decision = InspectionDrawDecision.Decide(new InspectionDrawFacts(ids.Count, req.Count, req.Ratio, announced?.SeedCommitment, seed));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }
        var transcript = VerifiableDraw.Run(ids, seed, decision.Transition.Size);
        var now = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One run per announcement: the first to claim it wins, a concurrent second is a 409.
        if (announced is not null && await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE supervision.draws SET status = 'run' WHERE id = {announced.Id} AND status = 'announced'", ct) == 0)
        { await Send.ResultAsync(Problems.Conflict(new("该公告的抽取已执行", "this announced draw has already been run"))); return; }
        var draw = announced ?? new Draw
        {
            Id = Guid.CreateVersion7(), Purpose = "inspection", Jurisdiction = subtree.Value, Status = "run", Algorithm = VerifiableDraw.Algorithm,
            CreatedBy = User.ActorId(), CreatedAt = now,
        };
        draw.RecordRun(transcript, now);
        draw.Exclusions = "[]";
        draw.Filter = JsonSerializer.Serialize(filter, DrawService.Json);
        if (announced is null) db.Draws.Add(draw);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("draw.inspection", "draw", draw.Id.ToString(), draw.Jurisdiction,
            Rules: [NationalRules.TaskDoubleRandom.Id], After: new { draw.PoolDigest, draw.Seed, draw.Count, Selected = transcript.Selected, Filter = filter }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(DrawDto.From(draw), 201, ct);
    }
}
