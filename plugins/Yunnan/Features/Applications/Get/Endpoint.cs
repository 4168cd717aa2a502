using System.Globalization;
using System.Net;
using System.Text;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Data.Applications;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Applications.Get;

public sealed class Request
{
    /// <summary>The application.</summary>
    public Guid Id { get; set; }
    /// <summary><c>html</c> for the printable 资格申报表 (as <c>Accept: text/html</c> does); default JSON.</summary>
    [QueryParam]
    public string? Format { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Format).Must(f => f is null or "html" or "json").WithMessage("'format' 应为 'html' 或 'json'", "'format' is 'html' or 'json'");
}

/// <summary>An application, as JSON or as the printable 《职业技能等级认定质量督导人员资格申报表》.</summary>
public sealed class Endpoint(ApplicationsDbContext db, ISupervisionDirectory directory) : Endpoint<Request, ApplicationDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/applications/{id}");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("yn.applications.get").Produces<ApplicationDto>(200, "application/json").ProducesProblem(404));
        Tags("yn");
        Summary(s => { s.Summary = "A qualification application (JSON or the printable application form, YN 13)"; s.Description = "资格申报（第十三条）：JSON，或以 Accept: text/html / ?format=html 取得A4可打印的《职业技能等级认定质量督导人员资格申报表》（个人信息、任职条件、申请理由、本人签名，所在单位推荐意见及盖章，审核意见及盖章；身份证号码只显示掩码）。申请人本人、其所在机构和辖区工作人员、审计员可读。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await ApplicationStep.LoadAsync(db, directory, User, req.Id, acting: false, ct) is not var (application, s))
        { await Send.ResultAsync(PackProblems.NotFound($"application {req.Id} in the caller's part of Yunnan")); return; }
        var dto = ApplicationDto.From(application);
        var html = req.Format switch { "html" => true, "json" => false, _ => HttpContext.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)) };
        if (!html) { await Send.OkAsync(dto, ct); return; }
        await Send.StringAsync(ApplicationForm.Render(dto, s, CultureInfo.CurrentUICulture), 200, "text/html; charset=utf-8", ct);
    }
}

/// <summary>
/// 《职业技能等级认定质量督导人员资格申报表》 (YN 13) on A4: the applicant (name, sex, birth year, masked ID number, kind), the
/// conditions of YN 6, the statement with the applicant's signature, the employer's recommendation with its seal, and the
/// review with the reviewing body's seal; dates of each step. Texts not ours are HTML-encoded.
/// </summary>
public static class ApplicationForm
{
    private const string Style = """
        @page { size: A4; margin: 15mm }
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; margin: 0 }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 5mm }
        table { width: 100%; border-collapse: collapse; table-layout: fixed }
        th, td { border: 1px solid #000; padding: 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word }
        th { width: 22%; font-weight: bold }
        .text { white-space: pre-wrap; min-height: 18mm }
        .sign { text-align: right; margin-top: 4mm }
        """;

    public static string Render(ApplicationDto a, SupervisorFacts s, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(s);
        var en = culture.TwoLetterISOLanguageName == "en";
        string T(string zh, string english) => en ? english : zh;
        static string E(string? x) => WebUtility.HtmlEncode(x ?? string.Empty);
        string D(DateOnly? d) => d is { } v ? (en ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{v.Year}年{v.Month}月{v.Day}日") : T("　　年　　月　　日", "____-__-__");
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"").Append(en ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(T("职业技能等级认定质量督导人员资格申报表", "Supervisor qualification application form"))).Append("</title><style>").Append(Style).Append("</style></head><body>");
        h.Append("<h1>").Append(E(T("职业技能等级认定质量督导人员资格申报表", "Application form for the skill-level recognition quality supervisor qualification"))).Append("</h1><table>");
        void Row(string zh, string english, string value) => h.Append("<tr><th>").Append(E(T(zh, english))).Append("</th><td colspan=\"3\">").Append(value).Append("</td></tr>");
        h.Append("<tr><th>").Append(E(T("姓名", "Name"))).Append("</th><td>").Append(E(s.Name)).Append("</td><th>").Append(E(T("身份证号码", "Resident ID"))).Append("</th><td>").Append(E(s.IdNumberMasked)).Append("</td></tr>");
        Row("申报类别", "Applying as", E(a.Kind == "internal" ? T("内部质量督导员（内督）", "internal supervisor") : T("外部质量督导员（外督）", "external supervisor")));
        Row("所在单位", "Employer", E(a.Employer ?? "—"));
        Row("任职条件", "Conditions (YN 6)", E(T("（一）坚持原则、廉洁奉公、办事公道、作风正派，具有良好的职业道德和敬业精神，热爱职业技能等级认定工作；（二）掌握职业技能等级认定有关政策、法规，熟悉技能等级认定理论和技术方法；（三）从事职业技能等级认定管理或技术工作的人员，或承担考评工作3年以上的优秀考评人员。",
            "(1) principled, honest, fair and of good professional ethics; (2) knows the recognition policies and methods; (3) works in recognition management or technical work, or is an outstanding examiner with at least 3 years of examining.")));
        Row("申请理由", "Statement", "<div class=\"text\">" + E(a.Statement) + "</div><div class=\"sign\">" + E(T("本人签名：", "Applicant's signature: ")) + "　　　　　　" + E(D(a.AppliedOn)) + "</div>");
        Row("所在单位推荐意见", "Employer's recommendation", "<div class=\"text\">" + E(a.Recommendation) + "</div><div class=\"sign\">" + E(T("（单位盖章）", "(seal)")) + "　　　　　　" + E(D(a.RecommendedOn)) + "</div>");
        var verdict = a.Decision switch { "approve" => T("同意", "approved"), "reject" => T("不同意", "rejected"), _ => "" };
        Row("审核意见", "Review", "<div class=\"text\">" + E(string.Join(T("。", ". "), new[] { verdict, a.ReviewNote }.Where(x => !string.IsNullOrWhiteSpace(x)))) + "</div><div class=\"sign\">"
            + E(T("（审核机构盖章）", "(reviewing body's seal)")) + "　　　　　　" + E(D(a.ReviewedOn)) + "</div>");
        h.Append("</table><p>").Append(E(T("依据：云南机电职业技术学院职业技能等级认定评价质量督导人员管理办法（试行）第十三条", "Basis: YN article 13"))).Append("</p></body></html>");
        return h.ToString();
    }
}
