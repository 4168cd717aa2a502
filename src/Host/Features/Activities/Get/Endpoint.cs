using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Activities.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, InstitutionAccess institutions, ActivityCoverageCheck coverage) : Endpoint<Request, ActivityDto>
{
    public override void Configure()
    {
        Get("/api/v1/activities/{id}");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("activities.get").ProducesProblem(404));
        Tags("activities");
        Summary(s => { s.Summary = "An evaluation activity"; s.Description = "评价活动详情（考评人员身份证号仅显示掩码）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Venues).Include(a => a.Examiners).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == req.Id, ct);
        if (activity is null || await institutions.VisibleAsync(User, activity.InstitutionId, ct) is null)
        { await Send.ResultAsync(Problems.NotFound($"activity {req.Id}")); return; }
        await Send.OkAsync(ActivityDto.From(activity, await coverage.FlagsAsync([activity], ct) is var f && f.TryGetValue(activity.Id, out var v) ? v : []), ct);
    }
}
