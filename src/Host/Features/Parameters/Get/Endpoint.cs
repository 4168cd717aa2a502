using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;

namespace SupervisionCore.Host.Features.Parameters.Get;

public sealed class Request
{
    /// <summary>Pack id (gd, bj-etdz, yn), or cn (national).</summary>
    public string Pack { get; set; } = string.Empty;

    /// <summary>Parameter id (bj.fee.per-activity.day).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Day (YYYY-MM-DD, China time) of the value shown: the value in force that day and the day it took effect. Default: today.</summary>
    [QueryParam]
    public DateOnly? On { get; set; }
}

public sealed class Endpoint(ParameterRegistry registry, IParameterSource source, SupervisionDbContext db, TimeProvider clock) : Endpoint<Request, ParameterDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/{pack}/parameters/{id}");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("regions.parameters.get").ProducesProblem(404));
        Tags("parameters");
        Summary(s =>
        {
            s.Summary = "A policy parameter: its history and its value on a day";
            s.Description = "某一参数的历次取值，以及 ?on=日期 当日有效的取值与其生效日期（取生效日期不晚于该日的最新取值）。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (registry.Pack(req.Pack)?.Find(req.Id) is not { } definition) { await Send.ResultAsync(Problems.NotFound($"no parameter '{req.Id}' in pack '{req.Pack}'")); return; }
        var timeline = (await source.CurrentAsync(ct)).Find(definition.Id)!;
        var added = await db.ParameterValues.AsNoTracking().Where(v => v.ParameterId == definition.Id).ToListAsync(ct);
        await Send.OkAsync(ParameterDto.From(timeline, req.On ?? ChinaTime.DateOf(clock.GetUtcNow()), added), ct);
    }
}
