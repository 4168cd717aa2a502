using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Forms;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Forms.Get;

public sealed class Request
{
    /// <summary>Form id (cn.report, gd.annex-3, …).</summary>
    public string Id { get; set; } = string.Empty;
    /// <summary>Version; default the newest.</summary>
    public int? Version { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Id).NotEmpty().MaximumLength(80);
        RuleFor(r => r.Version).InclusiveBetween(1, 1000);
    }
}

/// <summary>A form definition with where it applies.</summary>
public sealed record Response(FormDefinition Form, string Scope, string Pack);

public sealed class Endpoint(FormCatalog forms) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/forms/{id}");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("forms.get"));
        Tags("forms");
        Summary(s => { s.Summary = "A form definition"; s.Description = "表格定义：分节、保留原表编号的条目（每项有稳定 key）、选项集、必填、自由文字、签名。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var form = forms.Find(req.Id, req.Version);
        if (form is null) { await Send.ResultAsync(Problems.NotFound($"form '{req.Id}'{(req.Version is null ? "" : $" version {req.Version}")} does not exist")); return; }
        await Send.OkAsync(new Response(form.Form, form.Scope.Value, form.Pack), ct);
    }
}
