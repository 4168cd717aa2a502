using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, DrawDto>
{
    public override void Configure()
    {
        Get("/api/v1/draws/{id}");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.Auditor, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("draws.get").ProducesProblem(404));
        Tags("draws");
        Summary(s => { s.Summary = "A draw (compact)"; s.Description = "抽取记录摘要（池摘要与人数、按规则统计的排除、种子、算法、入选者与前若干名替补），全文见 transcript；评价机构操作员仅在公开后可见本机构任务的抽取及本辖区的检查对象抽取（已公开的内容）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == req.Id, ct);
        var visible = await DrawVisibility.CanSeeAsync(db, User, draw, ct);
        if (!visible) { await Send.ResultAsync(Problems.NotFound($"draw {req.Id}")); return; }
        await Send.OkAsync(DrawDto.From(draw!), ct);
    }
}
