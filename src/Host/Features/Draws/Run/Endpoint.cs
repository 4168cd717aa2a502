using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Dispatch;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Run;

public sealed class Request
{
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }
    /// <summary>The seed (hex, 32–64 bytes). Required when the draw was announced with a commitment; otherwise generated when absent.</summary>
    /// <example>9c1185a5c5e9fc54612808977ee8f548b2258d31a4f3e2b1c0d9e8f7a6b5c4d3</example>
    public string? Seed { get; set; }
    /// <summary>How many to select; default the task's required count.</summary>
    /// <example>2</example>
    public int? Count { get; set; }
    /// <summary>For a redraw: the draw this one replaces.</summary>
    /// <example>null</example>
    public Guid? Replaces { get; set; }
    /// <summary>Why the task is redrawn (required with <see cref="Replaces"/>).</summary>
    /// <example>原抽取的督导员与被督导机构存在利害关系，重新抽取</example>
    public string? Reason { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Seed).Matches("^([0-9a-fA-F]{2}){16,64}$").When(r => r.Seed is not null).WithMessage("'seed' must be 32 to 128 hex characters");
        RuleFor(r => r.Count).InclusiveBetween(1, 100);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).When(r => r.Replaces is not null).WithMessage("a redraw needs a 'reason'");
    }
}

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, DrawService draws, IConfiguration config, ILogger<Endpoint> logger) : Endpoint<Request, DrawDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/draws");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Options(x => x.RequireRateLimiting(Infrastructure.RateLimits.Issuance));
        Description(b => b.WithName("draws.run").Produces<DrawDto>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("draws");
        Summary(s => { s.Summary = "Draw supervisors for a task (verifiable)"; s.Description = "随机抽取督导员：候选池为委派机构辖区内可委派的外督（有效聘期、有效证卡、未暂停/撤销/禁入），减去各回避与政策包规则排除者（逐一记录规则编号）；按 HMAC-SHA256(种子, id) 排序，前 N 名入选，其余依次为替补。记录池、摘要、种子与算法，任何人可复算。同一任务同时两次抽取：一次成功，另一次 409；重新抽取为新的、可审计的抽取并指明被替代者。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await tasks.VisibleAsync(User, req.Id, ct, track: true);
        if (task is null || !TaskAccess.IsDispatcher(User)) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        if (task.Status is "closed" or "cancelled") { await Send.ResultAsync(Problems.Conflict(new($"任务已{(task.Status == "closed" ? "结束" : "取消")}", $"the task is {task.Status}"))); return; }

        var live = await db.Draws.SingleOrDefaultAsync(d => d.TaskId == task.Id && d.Purpose == "supervisor" && d.Status != "superseded", ct);
        if (live is { Status: "run" } && live.Id != req.Replaces) { await Send.ResultAsync(DrawConflicts.AlreadyLive()); return; }
        if (req.Replaces is not null && live?.Id != req.Replaces) { await Send.ResultAsync(Problems.NotFound($"live draw {req.Replaces} of this task")); return; }
        var seed = req.Seed?.ToLowerInvariant() ?? (live is { Status: "announced" } ? null : VerifiableDraw.NewSeed());

        var timings = new PhaseTimings();
        var run = await draws.DrawAsync(task, live, seed, req.Count, req.Reason, User.AsActor(), ct, timings);
        if (!run.Decision.Allowed) { await Send.ResultAsync(Problems.Violations(run.Decision.Violations)); return; }
        if (run.Draw is not { } draw) { await Send.ResultAsync(DrawConflicts.AlreadyLive()); return; }
        // Where a draw's time goes (a 100,000-candidate pool is the slow path of the API): a log line for operators, and
        // Server-Timing for the benchmark suite (only with Bench:Yardsticks, never in production).
        logger.LogInformation("draw {DrawId}: pool {PoolSize}, excluded {Excluded}; {Timings}", draw.Id, run.PoolSize, run.Exclusions.Count, timings.ToString());
        if (config.GetValue<bool>("Bench:Yardsticks")) HttpContext.Response.Headers["Server-Timing"] = timings.ServerTiming();
        await Send.ResponseAsync(DrawDto.From(draw, run.Exclusions), 201, ct);
    }
}
