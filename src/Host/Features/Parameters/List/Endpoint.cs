using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;

namespace SupervisionCore.Host.Features.Parameters.List;

public sealed class Request
{
    /// <summary>Pack id (gd, bj-etdz, yn), or cn (national) for the kernel's parameters.</summary>
    public string Pack { get; set; } = string.Empty;

    /// <summary>Day (YYYY-MM-DD, China time) of the value shown. Default: today.</summary>
    [QueryParam]
    public DateOnly? On { get; set; }
}

public sealed class Endpoint(ParameterRegistry registry, IParameterSource source, SupervisionDbContext db, TimeProvider clock) : Endpoint<Request, ListResponse<ParameterDto>>
{
    public override void Configure()
    {
        Get("/api/v1/regions/{pack}/parameters");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("regions.parameters.list").ProducesProblem(404));
        Tags("parameters");
        Summary(s =>
        {
            s.Summary = "Policy parameters of a pack, with their history";
            s.Description = "政策参数（劳务费标准、年龄上限、人数、期限、连续委派的解读等）：每个参数的出处、所依规则、历次取值（随政策包发布的默认值与管理员新增的取值）及指定日期（默认今日）有效的取值。pack=cn 为全国参数。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (registry.Pack(req.Pack) is not { } pack) { await Send.ResultAsync(Problems.NotFound($"pack '{req.Pack}' is not enabled")); return; }
        var on = req.On ?? ChinaTime.DateOf(clock.GetUtcNow());
        var set = await source.CurrentAsync(ct);
        var added = await db.ParameterValues.AsNoTracking().Where(v => v.Pack == pack.Key).ToListAsync(ct);
        var items = pack.Definitions.Select(d => ParameterDto.From(set.Find(d.Id)!, on, added)).ToList();
        await Send.OkAsync(new ListResponse<ParameterDto>(items, items.Count), ct);
    }
}
