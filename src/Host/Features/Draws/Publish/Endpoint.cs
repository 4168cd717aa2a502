using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Publish;

public sealed class Request
{
    /// <example>0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718</example>
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, DrawService draws) : Endpoint<Request, DrawDto>
{
    public override void Configure()
    {
        Post("/api/v1/draws/{id}/publication");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("draws.publish").ProducesProblem(404));
        Tags("draws");
        Summary(s => { s.Summary = "Publish a draw (一公开)"; s.Description = "公开抽取结果：任务类型、机构、日期、池摘要、种子与入选督导员证卡号（不含姓名与身份证号）进入公开列表。由委派机构决定公开时机（如活动结束后）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var draw = await db.Draws.SingleOrDefaultAsync(d => d.Id == req.Id && d.Status == "run", ct);
        if (draw is null || !User.CanAccess(JurisdictionCode.Parse(draw.Jurisdiction)) || !TaskAccess.IsDispatcher(User))
        { await Send.ResultAsync(Problems.NotFound($"run draw {req.Id}")); return; }
        await draws.PublishAsync(draw, User.AsActor(), ct);
        await Send.OkAsync(DrawDto.From(draw), ct);
    }
}
