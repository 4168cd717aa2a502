using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Get;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.File;

public sealed class Request
{
    /// <summary>The supervisor.</summary>
    public Guid Id { get; set; }
    /// <summary><c>html</c> for the printable page (as <c>Accept: text/html</c> does); default JSON.</summary>
    [QueryParam]
    public string? Format { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Format).Must(f => f is null or "html" or "json").WithMessage("'format' is 'html' or 'json'");
}

public sealed class Endpoint(SupervisionDbContext db, SupervisorStanding standing, TimeProvider clock) : Endpoint<Request, SupervisorFileDto>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/file");
        Roles([.. KernelRoles.All]);
        // One response type per status code in the OpenAPI document: JSON is declared; the text/html alternative is described.
        Description(b => b.WithName("supervisors.file").Produces<SupervisorFileDto>(200, "application/json").ProducesProblem(404));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "A supervisor's file: trainings, appointments, cards, dispatches with records and feedback, assessments, sanctions, commendations (JSON or printable HTML)";
            s.Description = "质量督导员考核档案（第十一条；北京第二十八条工作档案；云南第十六条人员档案）：一次读取培训、聘任（含不予续聘）、证卡、委派（按活动日期，含督导记录是否逾期、机构反馈）、年度考核、处理和表彰，以及汇总。" +
                            "身份证号码和电话只显示掩码。以 Accept: text/html 或 ?format=html 取得 A4 可打印页面（语言随 Accept-Language）。督导员本人、辖区工作人员、审计员可读；机构操作员只能读本机构内督。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var facts = await SupervisorRead.LoadAsync(db, req.Id, ct);
        if (facts is null || !User.CanRead(facts.Supervisor)) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var file = await SupervisorFileRead.LoadAsync(db, facts, standing.SummaryOf(facts), clock.GetUtcNow(), ct);
        if (!WantsHtml(req, HttpContext.Request)) { await Send.OkAsync(file, ct); return; }
        await Send.StringAsync(SupervisorFileHtml.Render(file, CultureInfo.CurrentUICulture), 200, "text/html; charset=utf-8", ct);
    }

    private static bool WantsHtml(Request req, HttpRequest http) => req.Format switch
    {
        "html" => true,
        "json" => false,
        _ => http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)),
    };
}
