using System.Globalization;
using System.Net;
using System.Text;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors.File;

/// <summary>
/// The supervisor's file (考核档案) printed on A4: identity (masked), standing, then one table per part — trainings,
/// appointments, cards, dispatches with their records and feedback, assessments, sanctions, commendations — and a
/// signature line for the keeper of the file. Labels follow the request's language (Chinese by default); every text
/// that is not ours is HTML-encoded.
/// </summary>
public static class SupervisorFileHtml
{
    private const string Style = """
        @page { size: A4; margin: 15mm }
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10pt; color: #000; margin: 0 }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm }
        h2 { font-size: 12pt; margin: 5mm 0 2mm; page-break-after: avoid }
        .meta { font-size: 9pt; margin: 0 0 3mm }
        table { width: 100%; border-collapse: collapse; page-break-inside: auto; table-layout: fixed }
        tr { page-break-inside: avoid }
        th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word }
        th { font-weight: bold }
        .none { font-style: italic }
        .late { font-weight: bold }
        .signatures { margin-top: 8mm; page-break-inside: avoid }
        """;

    public static string Render(SupervisorFileDto file, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(culture);
        var en = culture.TwoLetterISOLanguageName == "en";
        string T(string zh, string english) => en ? english : zh;
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        string D(DateOnly? d) => d is { } day ? (day == DateOnly.MaxValue ? T("长期", "no expiry") : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "—";
        string Dt(DateTimeOffset? t) => t is { } v ? v.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
        string YesNo(bool b) => b ? T("是", "yes") : T("否", "no");

        var s = file.Supervisor;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"").Append(en ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(T("质量督导员考核档案", "Supervisor file"))).Append("</title><style>").Append(Style).Append("</style></head><body>");
        h.Append("<h1>").Append(E(T("质量督导员考核档案", "Quality supervisor file"))).Append("</h1>");
        h.Append("<p class=\"meta\">").Append(E(T("依据：技能人才评价质量督导工作规程第十一条（考核档案）", "Basis: CN article 11 (assessment file)")))
            .Append(" · ").Append(E(T("生成时间", "Generated"))).Append(' ').Append(E(Dt(file.GeneratedAt))).Append("</p>");

        void Table(string zh, string english, string[] headers, IEnumerable<string[]> rows)
        {
            h.Append("<h2>").Append(E(T(zh, english))).Append("</h2>");
            var list = rows.ToList();
            if (list.Count == 0) { h.Append("<p class=\"none\">").Append(E(T("无", "none"))).Append("</p>"); return; }
            h.Append("<table><thead><tr>");
            foreach (var head in headers) h.Append("<th>").Append(E(head)).Append("</th>");
            h.Append("</tr></thead><tbody>");
            foreach (var row in list)
            {
                h.Append("<tr>");
                foreach (var cell in row) h.Append("<td>").Append(cell).Append("</td>");
                h.Append("</tr>");
            }
            h.Append("</tbody></table>");
        }

        Table("基本信息", "Identity", [T("项目", "Item"), T("内容", "Value")],
        [
            [E(T("姓名", "Name")), E(s.Name)],
            [E(T("身份证号码（掩码）", "Resident ID (masked)")), E(s.IdNumber)],
            [E(T("性别 / 出生年份", "Sex / birth year")), E($"{s.Sex} / {s.BirthYear}")],
            [E(T("类别", "Kind")), E(s.Kind == "internal" ? T("内部质量督导员", "internal") : T("外部质量督导员", "external"))],
            [E(T("辖区", "Jurisdiction")), E(s.Jurisdiction)],
            [E(T("联系电话（掩码）", "Phone (masked)")), E(s.Phone ?? "—")],
            [E(T("可否委派（今日）", "Dispatchable today")), E(YesNo(s.Standing.Dispatchable))],
        ]);
        var m = file.Summary;
        Table("概况", "Summary", [T("委派", "Dispatches"), T("拒绝", "Refusals"), T("记录（逾期/未交）", "Records (late / missing)"), T("机构反馈", "Feedback"),
            T("考核（不合格）", "Assessments (failed)"), T("处理", "Sanctions"), T("表彰", "Commendations")],
            [[E($"{m.Dispatches}"), E($"{m.Refusals}"), E($"{m.RecordsFiled} ({m.RecordsLate} / {m.RecordsMissing})"), E($"{m.Feedback}"), E($"{m.Assessments} ({m.FailedAssessments})"), E($"{m.Sanctions}"), E($"{m.Commendations}")]]);
        Table("培训与学习", "Trainings and learning", [T("日期", "Date"), T("类别", "Kind"), T("结果", "Result"), T("备注", "Note")],
            file.Trainings.Select(t => new[] { E(D(t.Date)), E(t.Kind), E(t.Passed ? T("合格", "passed") : T("不合格", "failed")), E(t.Note) }));
        Table("聘任", "Appointments", [T("届次", "Term"), T("委派机构", "Appointed by"), T("聘期", "Period"), T("状态", "Status"), T("不予续聘", "Not renewed")],
            file.Appointments.Select(a => new[] { E($"{a.TermNumber}"), E(a.AppointedBy), E($"{D(a.Start)} – {D(a.End)}"), E(a.Status + (a.TerminatedOn is { } t ? $" ({D(t)})" : "")), E(a.NotRenewedOn is { } n ? D(n) : "—") }));
        Table("证卡", "Cards", [T("证卡编号", "Number"), T("类别", "Kind"), T("颁发日期", "Issued"), T("有效期至", "Valid until"), T("收回日期", "Withdrawn")],
            file.Cards.Select(c => new[] { E(c.Number), E(c.Kind), E(D(c.IssuedOn)), E(D(c.ValidUntil)), E(D(c.WithdrawnOn)) }));
        Table("委派与督导记录", "Dispatches and records", [T("活动日期", "Date"), T("评价机构", "Institution"), T("任务/角色", "Task / role"), T("状态", "Status"), T("督导记录", "Record"), T("机构反馈", "Feedback")],
            file.Dispatches.Select(d => new[]
            {
                E(D(d.ActivityDate)), E(d.InstitutionName), E($"{d.TaskKind} / {d.Role}"), E(d.Status),
                d.Records.Count == 0 ? E("—") : string.Join("<br>", d.Records.Select(r => (r.Late ? "<span class=\"late\">" + E(T("逾期", "late")) + "</span> " : "") + E($"{r.FormId} {Dt(r.SubmittedAt)}"))),
                d.Feedback.Count == 0 ? E("—") : string.Join("<br>", d.Feedback.Select(f => E($"{Dt(f.SubmittedAt)} {f.Text}") + (f.Late ? " <span class=\"late\">" + E(T("逾期", "late")) + "</span>" : ""))),
            }));
        Table("年度考核", "Annual assessments", [T("年度", "Year"), T("结果", "Result"), T("考核日期", "Decided on"), T("依据", "Grounds")],
            file.Assessments.Select(a => new[] { E($"{a.Year}"), E(Grade(a.Grade, en)), E(D(a.AssessedOn)), E(a.Grounds ?? "—") }));
        Table("处理", "Sanctions", [T("日期", "Date"), T("措施", "Measure"), T("情形", "Ground"), T("规则", "Rules")],
            file.Sanctions.Select(x => new[] { E(D(x.DecidedOn)), E(x.Measure), E(x.Ground), E(string.Join(", ", x.Rules)) }));
        Table("表彰与激励", "Commendations", [T("日期", "Date"), T("名称", "Title"), T("事由", "Reason"), T("依据", "Rules")],
            file.Commendations.Select(c => new[] { E(D(c.On)), E(c.Title), E(c.Reason), E(string.Join(", ", c.Rules)) }));

        h.Append("<div class=\"signatures\"><p>").Append(E(T("档案管理人（签名）：", "Keeper of the file (signature):"))).Append("</p><p>")
            .Append(E(T("委派机构（盖章）：", "Dispatching body (seal):"))).Append("</p><p>").Append(E(T("日期：", "Date:"))).Append("</p></div>");
        h.Append("</body></html>");
        return h.ToString();
    }

    private static string Grade(string grade, bool en) => grade switch
    {
        "excellent" => en ? "excellent" : "优秀",
        "passed" => en ? "passed" : "合格",
        _ => en ? "failed" : "不合格",
    };
}
