using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Forms.List;

public sealed class Request
{
    /// <summary>Jurisdiction code: forms that apply there or in a part of it. Default: all.</summary>
    public string? Jurisdiction { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() =>
        RuleFor(r => r.Jurisdiction).Must(j => j is null || JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
}

public sealed record FormSummary(string Id, int Version, TextDto Title, string Citation, string Scope, string Pack, int ItemCount);

public sealed class Endpoint(FormCatalog forms) : Endpoint<Request, ListResponse<FormSummary>>
{
    public override void Configure()
    {
        Get("/api/v1/forms");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("forms.list"));
        Tags("forms");
        Summary(s => { s.Summary = "Forms in force"; s.Description = "某辖区适用的督导表格（表格即数据：编号、版本、中英文标题、出处、适用范围）。"; });
    }

    public override Task HandleAsync(Request req, CancellationToken ct)
    {
        var items = forms.For(req.Jurisdiction is null ? null : JurisdictionCode.Parse(req.Jurisdiction))
            .Select(f => new FormSummary(f.Form.Id, f.Form.Version, TextDto.From(f.Form.Title), f.Form.Citation.ToString(), f.Scope.Value, f.Pack, f.Form.Items.Count()))
            .ToList();
        return Send.OkAsync(new ListResponse<FormSummary>(items, items.Count), ct);
    }
}
