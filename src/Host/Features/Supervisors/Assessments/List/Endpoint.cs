using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Assessments.List;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, ListResponse<AssessmentDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/assessments");
        Roles(KernelRoles.All.ToArray());
        Description(b => b.WithName("supervisors.assessments.list").ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "A supervisor's annual assessments"; s.Description = "质量督导员的年度考核（第十一条 考核档案），按年度排列。督导员本人可查看。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var rows = await db.SupervisorAssessments.AsNoTracking().Where(a => a.SupervisorId == supervisor.Id).OrderBy(a => a.Year).ToListAsync(ct);
        await Send.OkAsync(new ListResponse<AssessmentDto>([.. rows.Select(AssessmentDto.From)], rows.Count), ct);
    }
}
