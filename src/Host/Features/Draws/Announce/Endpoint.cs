using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Announce;

public sealed class Request
{
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }
    /// <summary>Hex SHA-256 of the seed that will be revealed at the draw.</summary>
    /// <example>350ca307f4fc78a8937f440e964e2f96f4a904758dd2615c81769848c0f24357</example>
    public string SeedCommitment { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.SeedCommitment).NotNull().Matches("^[0-9a-fA-F]{64}$").WithMessage("'seedCommitment' must be 64 hex characters (SHA-256 of the seed)");
}

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, AuditLog audit, TimeProvider clock) : Endpoint<Request, DrawDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/draw-announcements");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("draws.announce").Produces<DrawDto>(201).ProducesProblem(404).ProducesProblem(409));
        Tags("draws");
        Summary(s => { s.Summary = "Announce a draw with a seed commitment"; s.Description = "抽取前公布种子的 SHA-256 承诺值，抽取时再公开种子，任何人可验证种子未被事后挑选。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await tasks.VisibleAsync(User, req.Id, ct);
        if (task is null || !TaskAccess.IsDispatcher(User)) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        if (task.Status is "closed" or "cancelled") { await Send.ResultAsync(Problems.Conflict(new($"任务已{(task.Status == "closed" ? "结束" : "取消")}", $"the task is {task.Status}"))); return; }
        var draw = new Draw
        {
            Id = Guid.CreateVersion7(), Purpose = "supervisor", TaskId = task.Id, Jurisdiction = task.Jurisdiction, Status = "announced",
            SeedCommitment = req.SeedCommitment.ToLowerInvariant(), Algorithm = VerifiableDraw.Algorithm, CreatedBy = User.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Draws.Add(draw);
        if (!await DrawConflicts.TrySaveAsync(db, ct)) { await Send.ResultAsync(DrawConflicts.AlreadyLive()); return; }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("draw.announce", "draw", draw.Id.ToString(), draw.Jurisdiction,
            Rules: [NationalRules.DispatchRandom.Id], Detail: "commitment " + draw.SeedCommitment), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(DrawDto.From(draw), 201, ct);
    }
}
