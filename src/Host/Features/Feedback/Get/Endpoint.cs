using SupervisionCore.Host.Features.Assignments;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Records;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Feedback.Get;

public sealed class Request
{
    /// <summary>The assignment.</summary>
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess assignments) : Endpoint<Request, FeedbackDto>
{
    public override void Configure()
    {
        Get("/api/v1/assignments/{id}/feedback");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("feedback.get").ProducesProblem(404));
        Tags("records");
        Summary(s => { s.Summary = "The institution's feedback on the supervisor of an assignment"; s.Description = "被督导机构对督导员的情况反馈；辖区工作人员、该督导员本人、该机构可读。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var scene = await assignments.VisibleAsync(User, req.Id, ct);
        var feedback = scene is null ? null : await db.SupervisorFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.AssignmentId == req.Id, ct);
        if (scene is null || feedback is null) { await Send.ResultAsync(Problems.NotFound($"feedback on assignment {req.Id}")); return; }
        await Send.OkAsync(FeedbackDto.From(feedback, scene.Task.Id), ct);
    }
}
