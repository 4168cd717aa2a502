using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Appointments.Create;
using SupervisionCore.Kernel.Calendar;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Appointments.List;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, TimeProvider clock) : Endpoint<Request, ListResponse<AppointmentDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/appointments");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.appointments.list").ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "A supervisor's terms with derived status"; s.Description = "质量督导员的聘任记录；状态（active 聘期内 / expired 届满 / terminated 提前解聘 / not-started 未开始）按中国时间当日由日期推出，不存储。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var rows = await db.Appointments.AsNoTracking().Where(a => a.SupervisorId == supervisor.Id).OrderBy(a => a.Start).ThenBy(a => a.TermNumber).ToListAsync(ct);
        await Send.OkAsync(new ListResponse<AppointmentDto>([.. rows.Select(a => AppointmentDto.From(a, today))], rows.Count), ct);
    }
}
