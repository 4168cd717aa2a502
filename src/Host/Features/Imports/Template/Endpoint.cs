using FastEndpoints;
using FluentValidation;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Imports.Template;

public sealed class Request
{
    /// <summary><c>supervisors.xlsx</c>, <c>supervisors.csv</c>, <c>institutions.xlsx</c> or <c>institutions.csv</c>.</summary>
    public string File { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public static readonly string[] Files = [.. ImportTypes.All.SelectMany(t => new[] { $"{t}.xlsx", $"{t}.csv" })];

    public Validator() => RuleFor(r => r.File).Must(Files.Contains).WithMessage($"the template is one of {string.Join(", ", Files)}");
}

public sealed class Endpoint : Endpoint<Request>
{
    public override void Configure()
    {
        Get("/api/v1/imports/templates/{file}");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("imports.template")
            .Produces<byte[]>(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv").ProducesProblem(400));
        Tags("imports");
        Summary(s => { s.Summary = "Download an import template"; s.Description = "导入模板（.xlsx 或 UTF-8 带 BOM 的 .csv）：中文表头（也接受英文列名）和一行示例，示例行的首列“示例”已填写，导入时跳过（原样导入模板不会导入任何行；填写自己的行时该列留空）；身份号码列请设为文本格式。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var type = req.File[..req.File.LastIndexOf('.')];
        var format = ImportFile.FormatOf(req.File)!;
        var bytes = ImportFile.Template(type, format);
        var contentType = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        await Send.BytesAsync(bytes, $"{type}-template.{format}", contentType, cancellation: ct);
    }
}
