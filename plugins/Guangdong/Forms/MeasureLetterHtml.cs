using System.Globalization;
using System.Net;
using System.Text;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Plugins.Guangdong.Forms;

/// <summary>
/// A 提醒函 or 质量通报 printed as an official letter on A4: title, reference number, the form's items in order as headed
/// paragraphs, and the issuing body's seal line with the date. Labels follow the request's language (Chinese by default);
/// every text that is not ours is HTML-encoded. (The Host's record printer is not the pack's to call: a pack never
/// references the Host.)
/// </summary>
public static class MeasureLetterHtml
{
    private const string Style = """
        @page { size: A4; margin: 25mm 20mm }
        body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.6; color: #000; margin: 0 }
        h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 20pt; text-align: center; margin: 0 0 4mm; color: #b00 }
        .number { text-align: center; margin: 0 0 6mm; padding-bottom: 3mm; border-bottom: 2px solid #b00 }
        h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 5mm 0 1mm }
        p { margin: 0 0 2mm; overflow-wrap: anywhere }
        .text { white-space: pre-wrap }
        .signature { margin-top: 15mm; text-align: right; page-break-inside: avoid }
        .meta { font-size: 9pt; color: #444; margin-top: 10mm }
        """;

    /// <summary>Renders <paramref name="form"/> filled with <paramref name="answers"/> (item key → text), issued by <paramref name="issuer"/> on <paramref name="on"/>.</summary>
    public static string Render(FormDefinition form, IReadOnlyDictionary<string, string?> answers, string issuer, DateOnly on, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(culture);
        string L(LocalizedText t) => t.Get(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        string Day(DateOnly d) => english ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{d.Year}年{d.Month}月{d.Day}日";
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{(english ? "en" : "zh-CN")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(L(form.Title))}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(L(form.Title))}</h1>\n");
        answers.TryGetValue("number", out var number);
        html.Append($"<p class=\"number\">{E(number ?? "")}</p>\n");
        foreach (var item in form.Items.Where(i => i.Key != "number"))
        {
            answers.TryGetValue(item.Key, out var value);
            if (item.Kind == FormItemKind.Date && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) value = Day(date);
            html.Append($"<section>\n<h2>{E(L(item.Text))}</h2>\n<p class=\"text\">{E(value ?? "")}</p>\n</section>\n");
        }
        foreach (var signature in form.Signatures)
        {
            var seal = signature.Seal ? (english ? " (seal)" : "（盖章）") : "";
            html.Append($"<div class=\"signature\">\n<p>{E(L(signature.Signer))}{(english ? ": " : "：")}{E(issuer)}{E(seal)}</p>\n");
            if (signature.Dated) html.Append($"<p>{E(Day(on))}</p>\n");
            html.Append("</div>\n");
        }
        html.Append($"<p class=\"meta\">{E(form.Id)} v{form.Version} · {E(form.Citation.ToString())}</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
