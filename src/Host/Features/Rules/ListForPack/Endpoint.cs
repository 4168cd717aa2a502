using FastEndpoints;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;

namespace SupervisionCore.Host.Features.Rules.ListForPack;

public sealed class Request
{
    /// <summary>Pack id (gd, bj-etdz, yn).</summary>
    public string PackId { get; set; } = string.Empty;
}

public sealed class Endpoint(PackCatalog catalog, Parameters.ParameterRegistry parameters, IParameterSource source, TimeProvider clock) : Endpoint<Request, ListResponse<RuleDto>>
{
    public override void Configure()
    {
        Get("/api/v1/regions/{packId}/rules");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("regions.rules.list"));
        Tags("rules");
        Summary(s => { s.Summary = "Rule catalogue of one pack"; s.Description = "某一政策包的全部规则（含各生效期间），及其所用政策参数（今日取值与历次取值）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var pack = catalog.Find(req.PackId);
        if (pack is null)
        {
            await Send.ResultAsync(Problems.NotFound($"pack '{req.PackId}' is not enabled"));
            return;
        }
        var set = await source.CurrentAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var items = pack.Pack.Rules.Select(r => RuleDto.From(r) with { Parameters = Parameters.RuleParameterDto.For(r.Id, parameters, set, today) }).ToList();
        await Send.OkAsync(new ListResponse<RuleDto>(items, items.Count), ct);
    }
}
