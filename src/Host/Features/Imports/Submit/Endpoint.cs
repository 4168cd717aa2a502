using System.Globalization;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Kernel.Access;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Imports.Submit;

public sealed class Request
{
    /// <summary>The .xlsx or .csv file (header row, then one row per record; see the templates).</summary>
    public IFormFile? File { get; set; }
    /// <summary>supervisors | institutions.</summary>
    /// <example>supervisors</example>
    public string Type { get; set; } = string.Empty;
    /// <summary>all-or-nothing (default: one bad row imports nothing) | valid-rows-only (bad rows are reported, the others imported).</summary>
    /// <example>valid-rows-only</example>
    public string Mode { get; set; } = "all-or-nothing";
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.File).NotNull().WithMessage("'file' is required (multipart/form-data)");
        RuleFor(r => r.File!.FileName).Must(n => ImportFile.FormatOf(n) is not null).When(r => r.File is not null).OverridePropertyName("file").WithMessage("'file' must be a .xlsx or .csv file");
        RuleFor(r => r.File!.Length).GreaterThan(0).When(r => r.File is not null).OverridePropertyName("file").WithMessage("'file' is empty");
        RuleFor(r => r.Type).Must(ImportTypes.All.Contains).WithMessage("'type' must be supervisors or institutions");
        RuleFor(r => r.Mode).Must(ImportTypes.Modes.Contains).WithMessage("'mode' must be all-or-nothing or valid-rows-only");
    }
}

public sealed class Endpoint(SupervisionDbContext db, ImportSignal signal, TimeProvider clock) : Endpoint<Request, ImportJobDto>
{
    private static readonly HashSet<string> KeptClaims = ["sub", "client_id", "azp", SupervisionClaims.Role, SupervisionClaims.Jurisdiction, SupervisionClaims.Institution, SupervisionClaims.Supervisor];

    public override void Configure()
    {
        Post("/api/v1/imports");
        AllowFileUploads();
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        // Accepting JSON too (answered 400 "file is required") lets an anonymous call of any shape get its 401 first,
        // instead of a 415 from routing before authentication.
        Description(b => b.WithName("imports.submit").Accepts<Request>("multipart/form-data", "application/json")
            .Produces<ImportJobDto>(202).ProducesProblem(400).ProducesProblem(403));
        Tags("imports");
        Summary(s =>
        {
            s.Summary = "Import supervisors or institutions from .xlsx or .csv";
            s.Description = "上传督导员或评价机构名册（.xlsx 或 .csv，模板见 GET /api/v1/imports/templates/{type}.xlsx）。后台异步处理，返回 202 和任务；用 GET /api/v1/imports/{id} 查看进度（已处理/总行数、逐行错误及列名）。all-or-nothing：任一行有错则全部不导入；valid-rows-only：导入有效行、报告错误行。每行与单条登记接口使用同一校验（身份号码、辖区内重复、调用者辖区）。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (User.Has(KernelRoles.InstitutionOperator) && !User.Has(KernelRoles.CenterOperator) && !User.Has(KernelRoles.ProvinceAdmin) && !User.Has(KernelRoles.NationalAdmin)
            && req.Type == ImportTypes.Institutions)
        { await Send.ResultAsync(Errors.Problems.Forbidden(new("评价机构操作员不能导入评价机构", "an institution operator cannot import institutions"))); return; }
        using var content = new MemoryStream();
        await req.File!.CopyToAsync(content, ct);
        var claims = User.Claims.Where(c => KeptClaims.Contains(c.Type)).Select(c => new ActorClaim(c.Type, c.Value)).ToList();
        var job = new ImportJob
        {
            Id = Guid.CreateVersion7(), Type = req.Type, Mode = req.Mode, Format = ImportFile.FormatOf(req.File.FileName)!,
            FileName = Path.GetFileName(req.File.FileName) is { Length: > 200 } n ? n[..200] : Path.GetFileName(req.File.FileName),
            Content = content.ToArray(), Actor = JsonSerializer.Serialize(claims, ImportProcessor.Json), ActorId = User.ActorId(),
            Jurisdiction = User.Jurisdiction()?.Value ?? "?", Culture = CultureInfo.CurrentUICulture.Name == "en" ? "en" : "zh-CN",
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        HttpContext.Response.Headers.Location = $"/api/v1/imports/{job.Id}";
        await Send.ResponseAsync(ImportJobDto.From(job), 202, ct);
    }
}
