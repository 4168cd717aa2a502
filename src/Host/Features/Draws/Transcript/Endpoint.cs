using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Transcript;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, DrawTranscriptDto>
{
    public override void Configure()
    {
        Get("/api/v1/draws/{id}/transcript");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.Auditor, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("draws.transcript").ProducesProblem(404));
        Tags("draws");
        Summary(s => { s.Summary = "A draw's full transcript"; s.Description = "抽取记录全文（池、摘要、排除及其规则、种子、算法、完整排名），任何人可据此复算；可见范围同抽取记录。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == req.Id, ct);
        var visible = await DrawVisibility.CanSeeAsync(db, User, draw, ct);
        if (!visible) { await Send.ResultAsync(Problems.NotFound($"draw {req.Id}")); return; }
        await Send.OkAsync(DrawTranscriptDto.From(draw!), ct);
    }
}
