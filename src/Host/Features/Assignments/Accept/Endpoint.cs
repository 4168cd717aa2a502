using FastEndpoints;
using SupervisionCore.Host.Access;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Assignments.Accept;

public sealed class Request
{
    /// <example>0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f</example>
    public Guid Id { get; set; }
}

public sealed class Endpoint(AssignmentAccess access, AssignmentActs acts) : Endpoint<Request, AssignmentDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/acceptance");
        Roles(KernelRoles.Supervisor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("assignments.accept").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("assignments");
        Summary(s => { s.Summary = "Accept an assignment"; s.Description = "督导员接受委派（或委派机构代为登记）；仅限待答复（invited）的委派。接受即委派：重新审查证卡、处分、回避与政策包规则（自邀请后情况有变的，422 列出规则）。任务的首个接受使任务进入进行中（in-progress）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (visible, denied) = await access.ForChangeAsync(User, req.Id, ct);
        if (denied is not null) { await Send.ResultAsync(denied); return; }
        var answered = await acts.AcceptAsync(visible!, User.AsActor(), null, ct);
        if (answered.Problem is not null) { await Send.ResultAsync(answered.Problem); return; }
        await Send.OkAsync(await access.DtoAsync(answered.Assignment!.Id, ct), ct);
    }
}
