using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Trainings.Record;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Trainings.List;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, ListResponse<TrainingDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/trainings");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.trainings.list").ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "A supervisor's trainings and assessments"; s.Description = "质量督导员的培训、年度学习和考核记录，按日期排列。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var rows = await db.TrainingRecords.AsNoTracking().Where(t => t.SupervisorId == supervisor.Id).OrderBy(t => t.On).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        await Send.OkAsync(new ListResponse<TrainingDto>([.. rows.Select(TrainingDto.From)], rows.Count), ct);
    }
}
