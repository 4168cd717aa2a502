using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Institutions.Update;

/// <summary>Fields to change (absent = unchanged). Kind and status are not editable: the status follows the sanctions.</summary>
public sealed class Request
{
    /// <example>广东省技师学院</example>
    public string? Name { get; set; }
    /// <summary>Filing number; its shape must fit the (new or current) filing level.</summary>
    /// <example>440001</example>
    public string? FilingNumber { get; set; }
    /// <summary>mohrss | province.</summary>
    /// <example>province</example>
    public string? FilingLevel { get; set; }
    /// <summary>New jurisdiction, inside the caller's subtree.</summary>
    /// <example>44</example>
    public string? Jurisdiction { get; set; }
    /// <summary>The version read (GET's <c>version</c> or ETag); may be sent as <c>If-Match</c> instead. A stale version is 409.</summary>
    /// <example>2</example>
    public uint? Version { get; set; }
    /// <summary>Any other field (status, kind, …): refused with 400 naming it, never applied.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        RuleFor(r => r.FilingLevel).Must(l => l is null || InstitutionCodes.FilingLevels.ContainsKey(l)).WithMessage("'filingLevel' must be mohrss or province");
        RuleFor(r => r.FilingNumber).MaximumLength(40);
        RuleFor(r => r.Jurisdiction).Must(j => j is null || JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.Unknown).Custom((fields, ctx) =>
        {
            foreach (var name in fields?.Keys ?? Enumerable.Empty<string>())
                ctx.AddFailure(name, name == "status"
                    ? ValidationLanguage.Text("'status' 不能直接设置：它随机构的处理步骤变化（cn.sanction.institution-ladder，POST /api/v1/institutions/{id}/sanctions）",
                        "'status' cannot be set: it follows the institution's sanctions (cn.sanction.institution-ladder, POST /api/v1/institutions/{id}/sanctions)")
                    : ValidationLanguage.Text($"'{name}' 不能修改（可修改：name、filingNumber、filingLevel、jurisdiction）", $"'{name}' cannot be changed (editable: name, filingNumber, filingLevel, jurisdiction)"));
        });
    }
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, PackCatalog catalog, TimeProvider clock) : Endpoint<Request, InstitutionDto>
{
    public override void Configure()
    {
        Patch("/api/v1/institutions/{id}");
        Roles(InstitutionScope.Editors);
        Description(b => b.WithName("institutions.update").Produces<InstitutionDto>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409));
        Tags("registry");
        Summary(s => { s.Summary = "Edit an evaluation institution"; s.Description = "修改评价机构名称、备案编号/层级、辖区（须在调用者辖区内）。须携带读取时的 version（或 If-Match），版本过期返回409；状态只能通过处理决定改变，提交 status 返回400。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var (expectedVersion, versionFailure) = ExpectedVersion.Of(HttpContext.Request.Headers.IfMatch.ToString(), req.Version);
        if (expectedVersion is not { } expected) { AddError(versionFailure!); await Send.ErrorsAsync(cancellation: ct); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var institution = await db.Institutions.Visible(User).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null) { await Send.ResultAsync(Problems.NotFound($"institution {id} not found")); return; }
        if (institution.Version != expected) { await Send.ResultAsync(Stale(institution.Version)); return; }

        var before = InstitutionDto.From(institution);
        var jurisdiction = req.Jurisdiction is null ? JurisdictionCode.Parse(institution.Jurisdiction) : JurisdictionCode.Parse(req.Jurisdiction);
        if (!catalog.IsKnown(jurisdiction)) { AddError(r => r.Jurisdiction!, ValidationLanguage.Text($"辖区 {jurisdiction} 不在本部署的辖区树中", $"jurisdiction {jurisdiction} is not a node of this deployment's tree")); await Send.ErrorsAsync(cancellation: ct); return; }
        if (!User.CanAccess(jurisdiction)) { await Send.ResultAsync(Problems.Forbidden(new("只能把评价机构移到本辖区范围内", "you can move an institution only inside your own jurisdiction"))); return; }
        var level = req.FilingLevel ?? institution.FilingLevel;
        var number = req.FilingNumber ?? institution.FilingNumber;
        if (Create.Validator.FilingProblem(institution.Kind, level, number) is { } problem) { AddError(new ValidationFailure(problem.Field, problem.Message)); await Send.ErrorsAsync(cancellation: ct); return; }
        if ((level, number) != (institution.FilingLevel, institution.FilingNumber) && await InstitutionFiling.IsTakenAsync(db, level, number, id, ct))
        { await Send.ResultAsync(InstitutionFiling.Duplicate(level, number)); return; }

        institution.Name = req.Name?.Trim() ?? institution.Name;
        institution.FilingLevel = level;
        institution.FilingNumber = number;
        institution.InternalIssuerCode = InstitutionCodes.IssuerCode(institution.Kind, level, number).Value!;
        institution.Jurisdiction = jurisdiction.Value;
        var changed = Changes(before, institution);
        if (changed.Count == 0) { SetETag(institution.Version); await Send.OkAsync(before, ct); return; }
        institution.UpdatedAt = clock.GetUtcNow();
        db.Entry(institution).Property(i => i.Version).OriginalValue = expected;
        try
        {
            if (!await InstitutionFiling.TrySaveAsync(db, ct)) { await Send.ResultAsync(InstitutionFiling.Duplicate(level, number)); return; }
        }
        catch (DbUpdateConcurrencyException)
        {
            await Send.ResultAsync(Stale(null));
            return;
        }
        var after = InstitutionDto.From(institution);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("institution.update", "institution", id.ToString(), institution.Jurisdiction,
            Rules: changed.Contains("filingNumber") || changed.Contains("filingLevel") ? ["cn.card.internal-format"] : [],
            Before: before, After: after, Detail: "changed: " + string.Join(", ", changed)), ct);
        await tx.CommitAsync(ct);
        SetETag(after.Version);
        await Send.OkAsync(after, ct);
    }

    private void SetETag(uint version) => HttpContext.Response.Headers.ETag = InstitutionDto.ETag(version);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale(uint? current) => Problems.Conflict(new(
        "评价机构已被他人修改，请重新读取后再提交" + (current is { } c ? $"（当前版本 {c}）" : ""),
        "the institution was changed by someone else: read it again and resubmit" + (current is { } v ? $" (current version {v})" : "")));

    private static List<string> Changes(InstitutionDto before, Data.Registry.Institution now)
    {
        var changed = new List<string>();
        if (before.Name != now.Name) changed.Add("name");
        if (before.FilingNumber != now.FilingNumber) changed.Add("filingNumber");
        if (before.FilingLevel != now.FilingLevel) changed.Add("filingLevel");
        if (before.Jurisdiction != now.Jurisdiction) changed.Add($"jurisdiction {before.Jurisdiction}→{now.Jurisdiction}");
        return changed;
    }
}
