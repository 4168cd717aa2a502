using SupervisionCore.Host.Features.Assignments;
using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Forms;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Records.Get;

public sealed class Request
{
    /// <summary>The assignment.</summary>
    public Guid Id { get; set; }
    /// <summary>The record.</summary>
    public Guid Rid { get; set; }
    /// <summary><c>html</c> for the printable form (as <c>Accept: text/html</c> does); default JSON.</summary>
    [QueryParam]
    public string? Format { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Format).Must(f => f is null or "html" or "json").WithMessage("'format' is 'html' or 'json'");
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess assignments, FormCatalog forms) : Endpoint<Request, RecordDto>
{
    public override void Configure()
    {
        Get("/api/v1/assignments/{id}/records/{rid}");
        Roles([.. KernelRoles.All]);
        // One response type per status code in the OpenAPI document: JSON is declared; the text/html alternative is described.
        Description(b => b.WithName("records.get").Produces<RecordDto>(200, "application/json").ProducesProblem(404));
        Tags("records");
        Summary(s => { s.Summary = "A supervision record (JSON or printable HTML)"; s.Description = "督导记录：JSON（答案、表格及版本、期限、是否逾期、提交时间），或以 Accept: text/html / ?format=html 取得按原表排版的可打印 HTML（A4，原表编号，每个选项 ☑/☐，综合评定，签名及日期；语言随 Accept-Language，默认中文）。督导员本人、辖区工作人员、被督导机构可读。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var scene = await assignments.VisibleAsync(User, req.Id, ct);
        var record = scene is null ? null : await db.SupervisionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Rid && r.AssignmentId == req.Id, ct);
        if (scene is null || record is null) { await Send.ResultAsync(Problems.NotFound($"record {req.Rid} of assignment {req.Id}")); return; }
        var dto = RecordDto.From(record, scene.Task.Id);
        if (!WantsHtml(req, HttpContext.Request)) { await Send.OkAsync(dto, ct); return; }
        if (forms.Find(record.FormId, record.FormVersion) is not { } form)
        { await Send.ResultAsync(Problems.NotFound($"form {record.FormId} version {record.FormVersion} (its pack is not enabled here)")); return; }
        await Send.StringAsync(RecordHtml.Render(form.Form, dto, CultureInfo.CurrentUICulture), 200, "text/html; charset=utf-8", ct);
    }

    private static bool WantsHtml(Request req, HttpRequest http) => req.Format switch
    {
        "html" => true,
        "json" => false,
        _ => http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)),
    };
}
