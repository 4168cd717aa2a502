using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections.Get;

public sealed class Endpoint(YunnanDbContext db) : Endpoint<Request, InspectionDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/annual-inspections/{id}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.Auditor);
        Description(b => b.WithName("yn.annual-inspections.get").Produces<InspectionDto>(200).ProducesProblem(404));
        Tags("yn");
        Summary(s => { s.Summary = "An annual inspection and its steps (YN 11)"; s.Description = "年检评估的程序记录、报告表得分与总分、下一步。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var i = await db.AnnualInspections.AsNoTracking().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == req.Id, ct);
        if (i is null || !User.CanAccess(JurisdictionCode.Parse(i.Jurisdiction))) { await Send.ResultAsync(PackProblems.NotFound($"annual inspection {req.Id}")); return; }
        await Send.OkAsync(InspectionDto.From(i), ct);
    }
}
