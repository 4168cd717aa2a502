using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Sanctions.Rules;

namespace SupervisionCore.Host.Features.Institutions.Sanctions.List;

public sealed class Request
{
    public Guid Id { get; set; }
}

/// <summary>The institution's sanctions in order, the step in force today and its status.</summary>
public sealed record Response(IReadOnlyList<SanctionDto> Items, int Count, string CurrentStep, string Status);

public sealed class Endpoint(SupervisionDbContext db, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/institutions/{id}/sanctions");
        Roles(InstitutionScope.Readers);
        Description(b => b.WithName("institutions.sanctions.list").Produces<Response>(200).ProducesProblem(404));
        Tags("registry");
        Summary(s => { s.Summary = "Sanctions of an institution"; s.Description = "评价机构的处理记录（第十八条：通报批评并责令改正 → 处分建议 → 取消评价工作资格），按时间顺序，含当前阶段和状态。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Visible(User).SingleOrDefaultAsync(i => i.Id == req.Id, ct);
        if (institution is null) { await Send.ResultAsync(Problems.NotFound($"institution {req.Id} not found")); return; }
        var rows = await db.InstitutionSanctions.AsNoTracking().Where(s => s.InstitutionId == req.Id).OrderBy(s => s.On).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        var current = InstitutionSanctionLadderRule.CurrentStep(rows.Select(InstitutionStanding.ToKernel), ChinaTime.DateOf(clock.GetUtcNow()));
        await Send.OkAsync(new Response([.. rows.Select(SanctionDto.From)], rows.Count, InstitutionCodes.Text(current), institution.Status), ct);
    }
}
