using FastEndpoints;
using SupervisionCore.Host.Errors;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Tasks.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(TaskAccess tasks) : Endpoint<Request, TaskDto>
{
    public override void Configure()
    {
        Get("/api/v1/supervision-tasks/{id}");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("tasks.get").ProducesProblem(404));
        Tags("tasks");
        Summary(s => { s.Summary = "A supervision task"; s.Description = "督导任务详情。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await tasks.VisibleAsync(User, req.Id, ct);
        if (task is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        await Send.OkAsync(TaskDto.From(task), ct);
    }
}
