using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Rules.List;

public sealed class Request
{
    /// <summary>Jurisdiction code (CN, 44, 44.A): rules that apply there or in a part of it. Default: all.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>Day (YYYY-MM-DD, China time) the rules must be in force on. Default: today.</summary>
    public DateOnly? Date { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() =>
        RuleFor(r => r.Jurisdiction).Must(j => j is null || JurisdictionCode.TryParse(j, out _))
            .WithMessage("'jurisdiction' must be a jurisdiction code such as CN, 44 or 44.A");
}

public sealed class Endpoint(PackCatalog catalog, Parameters.ParameterRegistry parameters, IParameterSource source, TimeProvider clock) : Endpoint<Request, ListResponse<RuleDto>>
{
    public override void Configure()
    {
        Get("/api/v1/rules");
        Roles([.. Kernel.Access.Roles.All]);
        Description(b => b.WithName("rules.list"));
        Tags("rules");
        Summary(s => { s.Summary = "Rules in force"; s.Description = "现行规则目录：id、中英文标题、出处、生效期间、所属政策包，及其所用政策参数（该日取值与历次取值）；可按辖区筛选。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var day = req.Date ?? ChinaTime.DateOf(clock.GetUtcNow());
        JurisdictionCode? filter = req.Jurisdiction is null ? null : JurisdictionCode.Parse(req.Jurisdiction);
        var set = await source.CurrentAsync(ct);
        var items = catalog.InForce(day, filter).Select(r => RuleDto.From(r) with { Parameters = Parameters.RuleParameterDto.For(r.Id, parameters, set, day) }).ToList();
        await Send.OkAsync(new ListResponse<RuleDto>(items, items.Count), ct);
    }
}
