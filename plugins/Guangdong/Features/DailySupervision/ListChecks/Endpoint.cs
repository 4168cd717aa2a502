using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.ListChecks;

public sealed class Request
{
    /// <summary>The daily task.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    [QueryParam]
    public Guid TaskId { get; set; }
}

/// <summary>The checks of a task, in date order.</summary>
/// <param name="Items">Checks.</param>
public sealed record Response(IReadOnlyList<CheckDto> Items);

/// <summary>Lists the checks recorded on a daily task (GD 17).</summary>
public sealed class Endpoint(GuangdongDbContext db, ISupervisionDirectory directory) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/gd/daily-checks");
        Roles([.. GuangdongCaller.Staff, AccessRoles.Auditor]);
        Description(b => b.WithName("gd.daily-checks.list").Produces<Response>(200).ProducesProblem(400).ProducesProblem(404));
        Tags("gd");
        Summary(s => { s.Summary = "The daily checks of a task (GD 17)"; s.Description = "某日常督导任务已记录的检查（听取汇报、现场督导、数据比对、抽查评价资料、远程监控），按日期排序。只限调用者可见的广东任务（否则 404）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await directory.FindTaskAsync(req.TaskId.ToString(), ct);
        if (task is null || !GuangdongRules.Jurisdiction.Contains(task.Jurisdiction) || !GuangdongAccess.CanSee(User, task.Jurisdiction))
        { await Send.ResultAsync(PackProblems.NotFound($"no Guangdong supervision task {req.TaskId} in the caller's reach")); return; }
        var checks = await db.DailyChecks.AsNoTracking().Where(c => c.TaskId == req.TaskId).OrderBy(c => c.On).ThenBy(c => c.RecordedAt).ToListAsync(ct);
        await Send.OkAsync(new Response([.. checks.Select(CheckDto.From)]), ct);
    }
}
