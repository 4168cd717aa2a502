using System.Globalization;
using System.Net;
using System.Text;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Host.Features.Records;

/// <summary>
/// A record printed as its form: title, the sections with items in the source numbering, every option of a choice shown
/// ☑ (chosen) or ☐, section ratings, free text, and the signature lines with the signer's name and the filing date;
/// A4 print CSS. Labels follow the request's language (Chinese by default). Every text that is not ours (answers, and
/// the form's own texts, which packs supply) is HTML-encoded.
/// </summary>
public static class RecordHtml
{
    private static readonly LocalizedText No = new("序号", "No.");
    private static readonly LocalizedText Item = new("项目", "Item");
    private static readonly LocalizedText Finding = new("情况", "Finding");
    private static readonly LocalizedText Rating = new("综合评定", "Overall rating");
    private static readonly LocalizedText Signature = new("签名", "Signature");
    private static readonly LocalizedText Date = new("日期", "Date");
    private static readonly LocalizedText Seal = new("（盖章）", "(seal)");
    private static readonly LocalizedText Form = new("表格", "Form");
    private static readonly LocalizedText Version = new("版本", "version");
    private static readonly LocalizedText Due = new("应提交日期", "Due on");
    private static readonly LocalizedText NoDue = new("不设期限", "no deadline set");
    private static readonly LocalizedText Assumed = new("（按周一至周五推算）", "(Mon–Fri assumed)");
    private static readonly LocalizedText Filed = new("提交时间", "Filed at");
    private static readonly LocalizedText Late = new("逾期提交", "Filed late");

    private const string Style = """
        @page { size: A4; margin: 15mm }
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; margin: 0 }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm }
        h2 { font-size: 12pt; margin: 5mm 0 2mm }
        .meta { font-size: 9pt; margin: 0 0 3mm }
        .late { font-weight: bold }
        table { width: 100%; border-collapse: collapse; page-break-inside: auto }
        tr { page-break-inside: avoid }
        th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere }
        td.no { width: 3.5em; text-align: center }
        td.answer { width: 45% }
        .option { display: inline-block; margin-right: 1em }
        .rating { margin: 2mm 0 }
        .text { white-space: pre-wrap }
        .signatures { margin-top: 8mm; page-break-inside: avoid }
        .signature { margin: 3mm 0 }
        """;

    public static string Render(FormDefinition form, RecordDto record, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(culture);
        string L(LocalizedText t) => t.Get(culture);
        var english = culture.TwoLetterISOLanguageName == "en"; // as LocalizedText.Get chooses
        var sets = form.OptionSets.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var answers = record.Answers.ToDictionary(a => a.Key, a => RecordAnswers.ToKernel(a.Value), StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{(english ? "en" : "zh-CN")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(L(form.Title))}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(L(form.Title))}</h1>\n");
        html.Append($"<p class=\"meta\">{E(L(Form))} {E(form.Id)} {E(L(Version))} {form.Version} · {E(form.Citation.ToString())} · {E(L(Due))}: ");
        html.Append(record.DueOn is { } due ? E(Day(due, english)) + (record.DueAssumed ? E(L(Assumed)) : "") : E(L(NoDue)));
        html.Append($" · {E(L(Filed))}: {E(ChinaTime.ToChina(record.SubmittedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}");
        if (record.Late) html.Append($" · <span class=\"late\">{E(L(Late))}</span>");
        html.Append("</p>\n");

        foreach (var section in form.Sections)
        {
            html.Append($"<section>\n<h2>{E(L(section.Title))}</h2>\n<table>\n<thead><tr><th>{E(L(No))}</th><th>{E(L(Item))}</th><th>{E(L(Finding))}</th></tr></thead>\n<tbody>\n");
            foreach (var item in section.Items)
            {
                answers.TryGetValue(item.Key, out var answer);
                html.Append($"<tr><td class=\"no\">{E(item.Number ?? "")}</td><td>{E(L(item.Text))}</td><td class=\"answer\">");
                html.Append(item.OptionSet is { } set ? Options(sets[set], answer, L) : Text(answer));
                html.Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
            if (section.RatingOptionSet is { } rating)
            {
                answers.TryGetValue(section.Key, out var chosen);
                html.Append($"<p class=\"rating\"><strong>{E(L(Rating))}</strong>: {Options(sets[rating], chosen, L)}</p>\n");
            }
            html.Append("</section>\n");
        }

        html.Append("<div class=\"signatures\">\n");
        var signedOn = Day(ChinaTime.DateOf(record.SubmittedAt), english);
        foreach (var signature in form.Signatures)
        {
            answers.TryGetValue(signature.Key, out var name);
            html.Append($"<p class=\"signature\">{E(L(signature.Signer))}{(english ? " " : "")}{E(L(Signature))}: <span class=\"name\">{E(name?.Text ?? "")}</span>");
            if (signature.Seal) html.Append($" {E(L(Seal))}");
            if (signature.Dated) html.Append($"　{E(L(Date))}: {E(signedOn)}");
            html.Append("</p>\n");
        }
        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Options(FormOptionSet set, FormAnswer? answer, Func<LocalizedText, string> l)
    {
        var chosen = answer?.Choices ?? (answer?.Text is { Length: > 0 } t ? [t] : []);
        return string.Join(" ", set.Options.Select(o => $"<span class=\"option\">{(chosen.Contains(o.Key) ? "☑" : "☐")} {E(l(o.Label))}</span>"));
    }

    private static string Text(FormAnswer? answer) => answer switch
    {
        { Number: { } n } => E(n.ToString(CultureInfo.InvariantCulture)),
        { Text: { } t } => $"<span class=\"text\">{E(t)}</span>",
        _ => "",
    };

    private static string Day(DateOnly day, bool english) =>
        english ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{day.Year}年{day.Month}月{day.Day}日";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
