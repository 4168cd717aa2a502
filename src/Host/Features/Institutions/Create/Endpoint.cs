using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Register;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Institutions.Create;

public sealed class Request
{
    /// <summary>Name of the institution (1–200 characters).</summary>
    /// <example>广东省技师学院</example>
    public string Name { get; set; } = string.Empty;
    /// <summary>employer (用人单位, Y) | social-org (社会培训评价组织, S) | industry (行业部门, H).</summary>
    /// <example>employer</example>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Filing number (备案编号): 4 digits when MOHRSS-filed (6 for an industry department), 6 digits when province-filed.</summary>
    /// <example>440001</example>
    public string FilingNumber { get; set; } = string.Empty;
    /// <summary>mohrss (人力资源社会保障部备案) | province (省级备案).</summary>
    /// <example>province</example>
    public string FilingLevel { get; set; } = string.Empty;
    /// <summary>Jurisdiction of the institution, inside the caller's subtree.</summary>
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).Must(InstitutionCodes.Kinds.ContainsKey).WithMessage("'kind' must be employer, social-org or industry");
        RuleFor(r => r.FilingLevel).Must(InstitutionCodes.FilingLevels.ContainsKey).WithMessage("'filingLevel' must be mohrss or province");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r).Custom((r, ctx) =>
        {
            if (FilingProblem(r.Kind, r.FilingLevel, r.FilingNumber) is { } problem) ctx.AddFailure(problem.Field, problem.Message);
        });
    }

    /// <summary>The field and message when the filing does not give an issuer code (CN annex 二), or null when it does or kind/level are already refused.</summary>
    internal static (string Field, string Message)? FilingProblem(string kind, string level, string? number)
    {
        if (!InstitutionCodes.Kinds.ContainsKey(kind) || !InstitutionCodes.FilingLevels.ContainsKey(level)) return null;
        var result = InstitutionCodes.IssuerCode(kind, level, number);
        if (result.Succeeded) return null;
        // Only the combination industry + province is about the level; every other refusal is the number's shape.
        var field = kind == "industry" && level == "province" ? "filingLevel" : "filingNumber";
        return (field, InstitutionCodes.Describe(result.Outcome));
    }
}

public sealed class Endpoint(SupervisionDbContext db, InstitutionRegistration registration) : Endpoint<Request, InstitutionDto>
{
    public override void Configure()
    {
        Post("/api/v1/institutions");
        Roles(InstitutionScope.Editors);
        Description(b => b.WithName("institutions.create").Produces<InstitutionDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409));
        Tags("registry");
        Summary(s => { s.Summary = "Register an evaluation institution"; s.Description = "登记评价机构：类别（用人单位Y/社会培训评价组织S/行业部门H）、备案编号和层级（人社部/省级）、辖区；按证卡编码规则附件二推导内督证卡颁发机构代码。备案层级+编号重复返回409。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        switch (await registration.CheckAsync(User, req, ct))
        {
            case { Kind: RefusalKind.Field } refusal: AddError(r => r.Jurisdiction, refusal.Reason.Get(CultureInfo.CurrentUICulture)); await Send.ErrorsAsync(cancellation: ct); return;
            case { Kind: RefusalKind.Forbidden } r: await Send.ResultAsync(Problems.Forbidden(r.Reason)); return;
            case { Kind: RefusalKind.Duplicate }: await Send.ResultAsync(InstitutionFiling.Duplicate(req.FilingLevel, req.FilingNumber)); return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var institution = await registration.AddAsync(User, req, ct);
        if (institution is null) { await Send.ResultAsync(InstitutionFiling.Duplicate(req.FilingLevel, req.FilingNumber)); return; }
        await tx.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/v1/institutions/{institution.Id}";
        HttpContext.Response.Headers.ETag = InstitutionDto.ETag(institution.Version);
        await Send.ResponseAsync(InstitutionDto.From(institution), 201, ct);
    }
}
