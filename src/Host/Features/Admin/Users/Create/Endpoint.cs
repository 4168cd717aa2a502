using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;
using UserService = SupervisionCore.Host.Auth.Users;

namespace SupervisionCore.Host.Features.Admin.Users.Create;

public sealed class Request
{
    /// <summary>Login name: 3–64 letters, digits, '.', '_', '-' or '@'.</summary>
    /// <example>gd-center-li</example>
    public string UserName { get; set; } = string.Empty;
    /// <summary>Initial password, at least 12 characters (ASVS V6.2.1).</summary>
    /// <example>Gd-Center-2025!Demo</example>
    public string Password { get; set; } = string.Empty;
    /// <example>李晓燕（广东省职业技能鉴定指导中心）</example>
    public string DisplayName { get; set; } = string.Empty;
    /// <example>["center-operator"]</example>
    public List<string> Roles { get; set; } = [];
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>Institution id, for institution operators.</summary>
    /// <example>null</example>
    public string? InstitutionId { get; set; }
    /// <summary>Supervisor id, for supervisors.</summary>
    /// <example>null</example>
    public string? SupervisorId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserName).NotEmpty().Matches("^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$");
        RuleFor(r => r.Password).NotEmpty().MinimumLength(12).MaximumLength(128);
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Roles).NotEmpty();
        RuleForEach(r => r.Roles).Must(KernelRoles.All.Contains).WithMessage("'{PropertyValue}' is not a role");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.InstitutionId).Must(v => v is null || Guid.TryParse(v, out _)).WithMessage("'institutionId' must be an institution id (uuid)");
        RuleFor(r => r.SupervisorId).Must(v => v is null || Guid.TryParse(v, out _)).WithMessage("'supervisorId' must be a supervisor id (uuid)");
    }
}

public sealed record Response(Guid Id, string UserName, IReadOnlyList<string> Roles, string Jurisdiction);

public sealed class Endpoint(UserService users, SupervisionDbContext db, AuditLog audit, PackCatalog catalog, InstitutionAccess institutions) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/admin/users");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("admin.users.create").Produces<Response>(201).ProducesProblem(409).ProducesProblem(403));
        Tags("admin");
        Summary(s => { s.Summary = "Create a user who logs in"; s.Description = "创建登录用户（授权码 + PKCE 登录页），授予角色和辖区。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var jurisdiction = JurisdictionCode.Parse(req.Jurisdiction).Value;
        if (Grants.Check(User, req.Roles, jurisdiction, catalog) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.AnyAsync(u => u.UserName == req.UserName, ct)) { await Send.ResultAsync(Problems.Conflict(new($"用户 {req.UserName} 已存在", $"user {req.UserName} already exists"))); return; }
        // The institution or supervisor a user acts for must exist, be visible to the caller and lie inside the user's own
        // jurisdiction (as for clients): else a province admin could bind a user to another province's institution (404, not 403,
        // so existence does not leak).
        var scope = JurisdictionCode.Parse(jurisdiction);
        if (req.InstitutionId is { } iid && (await institutions.VisibleAsync(User, Guid.Parse(iid), ct) is not { } inst
                || !JurisdictionCode.TryParse(inst.Jurisdiction, out var instJurisdiction) || !scope.Contains(instJurisdiction)))
        { await Send.ResultAsync(Problems.NotFound($"institution {iid} in {jurisdiction}")); return; }
        if (req.SupervisorId is { } sid && !await SupervisorInsideAsync(Guid.Parse(sid), scope, ct))
        { await Send.ResultAsync(Problems.NotFound($"supervisor {sid} in {jurisdiction}")); return; }
        var account = users.NewAccount(req.UserName, req.Password, req.DisplayName, [.. req.Roles.Distinct()], jurisdiction);
        account.InstitutionId = req.InstitutionId is null ? null : Guid.Parse(req.InstitutionId).ToString();
        account.SupervisorId = req.SupervisorId is null ? null : Guid.Parse(req.SupervisorId).ToString();
        db.Users.Add(account);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("admin.user.create", "user", account.Id.ToString(), jurisdiction,
            After: new { account.UserName, account.Roles, account.Jurisdiction, account.InstitutionId, account.SupervisorId }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(new Response(account.Id, account.UserName, account.Roles, jurisdiction), 201, ct);
    }

    private async Task<bool> SupervisorInsideAsync(Guid id, JurisdictionCode scope, CancellationToken ct)
    {
        var found = await db.Supervisors.AsNoTracking().Where(s => s.Id == id).Select(s => s.Jurisdiction).SingleOrDefaultAsync(ct);
        return found is not null && JurisdictionCode.TryParse(found, out var j) && User.CanAccess(j) && scope.Contains(j);
    }
}
