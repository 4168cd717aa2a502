using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Assignments.ListForTask;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(TaskAccess tasks, AssignmentAccess access) : Endpoint<Request, ListResponse<AssignmentDto>>
{
    public override void Configure()
    {
        Get("/api/v1/supervision-tasks/{id}/assignments");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("assignments.list-for-task").ProducesProblem(404));
        Tags("assignments");
        Summary(s => { s.Summary = "Assignments of a task"; s.Description = "任务的委派（按排名、创建时间）：本辖区工作人员可见全部；评价机构在抽取公开前只见本机构的内督委派（外督名单公开后方可见）；督导员只见自己的委派。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await tasks.VisibleAsync(User, req.Id, ct) is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        var rows = await access.Rows(access.Visible(User).Where(a => a.TaskId == req.Id)).ToListAsync(ct);
        var items = rows.OrderBy(r => r.Assignment.Rank ?? int.MaxValue).ThenBy(r => r.Assignment.CreatedAt).ThenBy(r => r.Assignment.Id).Select(r => r.ToDto()).ToList();
        await Send.OkAsync(new ListResponse<AssignmentDto>(items, items.Count), ct);
    }
}
