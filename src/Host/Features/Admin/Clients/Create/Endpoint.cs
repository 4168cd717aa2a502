using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Auth;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Admin.Clients.Create;

public sealed class Request
{
    /// <summary>Client id: 3–64 lower-case letters, digits, '.', '_' or '-'.</summary>
    /// <example>gd-center-system</example>
    public string ClientId { get; set; } = string.Empty;
    /// <example>广东省职业技能鉴定指导中心业务系统</example>
    public string DisplayName { get; set; } = string.Empty;
    /// <summary>Roles granted to the client's tokens.</summary>
    /// <example>["center-operator"]</example>
    public List<string> Roles { get; set; } = [];
    /// <summary>Jurisdiction of the client's tokens.</summary>
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>Redirect URIs for an interactive (code + PKCE) client; empty for a machine client.</summary>
    /// <example>["https://pj.example.gd.gov.cn/callback"]</example>
    public List<string> RedirectUris { get; set; } = [];
    /// <summary>A public client (browser or mobile app: no secret, code + PKCE only); needs redirect URIs.</summary>
    /// <example>false</example>
    public bool Public { get; set; }
    /// <summary>For an institution's system (role institution-operator): the institution it acts for.</summary>
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>For a supervisor's app (role supervisor): the supervisor it acts for.</summary>
    /// <example>null</example>
    public Guid? SupervisorId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.ClientId).NotEmpty().Matches("^[a-z0-9][a-z0-9._-]{2,63}$");
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Roles).NotEmpty();
        RuleForEach(r => r.Roles).Must(KernelRoles.All.Contains).WithMessage("'{PropertyValue}' is not a role");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.InstitutionId).NotNull().When(r => !r.Public && r.Roles is not null && r.Roles.Contains(KernelRoles.InstitutionOperator)).WithMessage("an institution-operator client needs 'institutionId'");
        RuleFor(r => r.SupervisorId).NotNull().When(r => !r.Public && r.Roles is not null && r.Roles.Contains(KernelRoles.Supervisor)).WithMessage("a supervisor client needs 'supervisorId'");
        RuleFor(r => r.RedirectUris).NotNull().WithMessage("'redirectUris' must be a list ([] for none)");
        RuleFor(r => r.RedirectUris).NotEmpty().When(r => r.Public).WithMessage("a public client needs at least one redirect URI");
        RuleForEach(r => r.RedirectUris).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var x) && x.Scheme is "https" or "http").WithMessage("redirect URIs must be absolute http(s) URLs");
    }
}

/// <summary>The new client; the secret (null for a public client) is shown only in this response.</summary>
public sealed record Response(string ClientId, string? ClientSecret, IReadOnlyList<string> Roles, string Jurisdiction);

public sealed class Endpoint(ClientRegistry clients, SupervisionDbContext db, AuditLog audit, PackCatalog catalog, InstitutionAccess institutions) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/admin/clients");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("admin.clients.create").Produces<Response>(201).ProducesProblem(409).ProducesProblem(403));
        Tags("admin");
        Summary(s => { s.Summary = "Create an OIDC client"; s.Description = "创建客户端（client credentials），授予角色和辖区；省级管理员只能在本省范围内创建。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var jurisdiction = JurisdictionCode.Parse(req.Jurisdiction).Value;
        if (Grants.Check(User, req.Roles, jurisdiction, catalog) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await clients.ExistsAsync(req.ClientId, ct)) { await Send.ResultAsync(Problems.Conflict(new($"客户端 {req.ClientId} 已存在", $"client {req.ClientId} already exists"))); return; }
        if (req.InstitutionId is { } iid && (await institutions.VisibleAsync(User, iid, ct) is not { } inst
                || !JurisdictionCode.TryParse(inst.Jurisdiction, out var instJurisdiction) || !JurisdictionCode.Parse(jurisdiction).Contains(instJurisdiction)))
        { await Send.ResultAsync(Problems.NotFound($"institution {iid}")); return; }
        if (req.SupervisorId is { } sid && !await db.Supervisors.AnyAsync(s => s.Id == sid && s.Jurisdiction == jurisdiction, ct))
        { await Send.ResultAsync(Problems.NotFound($"supervisor {sid} in {jurisdiction}")); return; }
        var spec = new ClientSpec(req.ClientId, req.DisplayName, [.. req.Roles.Distinct()], jurisdiction, req.RedirectUris, req.Public,
            req.InstitutionId?.ToString(), req.SupervisorId?.ToString());
        var secret = await clients.CreateAsync(spec, null, ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("admin.client.create", "oidc-client", req.ClientId, jurisdiction,
            After: new { spec.ClientId, spec.Roles, spec.Jurisdiction, spec.RedirectUris, spec.Public, spec.InstitutionId, spec.SupervisorId }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(new Response(req.ClientId, secret, spec.Roles, jurisdiction), 201, ct);
    }
}
