using System.Globalization;
using System.Net;
using System.Text;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Host.Features.Cards.Face;

/// <summary>What a card face prints.</summary>
/// <param name="Name">The holder's name (the card carries it in full).</param>
/// <param name="Number">证卡编号.</param>
/// <param name="IssuedOn">First day.</param>
/// <param name="ValidUntil">Last day (<see cref="CardValidity.NoExpiry"/>: none of its own).</param>
/// <param name="Issuer">颁证机构.</param>
/// <param name="Photo">The photo as a data URI, or null (a 1寸 box to paste one in).</param>
public sealed record CardFaceData(string Name, string Number, DateOnly IssuedOn, DateOnly ValidUntil, string Issuer, string? Photo);

/// <summary>
/// A card printed as its face (<see cref="CardFaceLayout"/>): front and back, each exactly 80 × 110 mm (one PDF page each,
/// <c>@page</c> of that size), the photo box 25 × 35 mm, titles 16 pt bold on 24 pt lines, text 12 pt on 22 pt lines
/// (CN card annex 制作说明). Every text that is not ours is HTML-encoded.
/// </summary>
public static class CardFaceHtml
{
    private const string Style = """
        @page { size: 80mm 110mm; margin: 0 }
        html, body { margin: 0; padding: 0 }
        body { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; color: #000 }
        .face { width: 80mm; height: 110mm; box-sizing: border-box; padding: 4mm 5mm; overflow: hidden; position: relative; page-break-after: always; break-after: page; border: 0.2mm solid #999 }
        .face:last-child { page-break-after: auto; break-after: auto }
        .title { font-size: 16pt; font-weight: bold; line-height: 24pt; text-align: center; margin: 0 }
        .photo { width: 25mm; height: 35mm; box-sizing: border-box; margin: 2.5mm auto; border: 0.2mm solid #666; display: flex; align-items: center; justify-content: center; font-size: 9pt; color: #666; overflow: hidden }
        .photo img { width: 100%; height: 100%; object-fit: cover; display: block }
        .fields { font-size: 12pt; line-height: 22pt; margin: 0 }
        .fields p { margin: 0; overflow-wrap: anywhere }
        .seal { font-size: 10pt; line-height: 14pt; text-align: right; margin: 0 }
        .back .title { margin-top: 25mm }
        .printer { font-size: 12pt; font-weight: bold; line-height: 24pt; text-align: center; position: absolute; left: 5mm; right: 5mm; bottom: 12mm; margin: 0; overflow-wrap: anywhere }
        """;

    public static string Render(CardFaceLayout layout, CardFaceData card, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(culture);
        string L(LocalizedText t) => t.Get(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = card.Name, ["number"] = card.Number, ["validity"] = Validity(layout.ValidityFormat, card.IssuedOn, card.ValidUntil, english), ["issuer"] = card.Issuer,
        };
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{(english ? "en" : "zh-CN")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(card.Number)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append($"<section class=\"face front\" data-face=\"{E(layout.Id)}\">\n");
        foreach (var line in layout.FrontTitle) html.Append($"<p class=\"title\">{E(L(line))}</p>\n");
        html.Append(card.Photo is { } photo
            ? $"<div class=\"photo\"><img alt=\"photo\" src=\"{E(photo)}\"></div>\n"
            : $"<div class=\"photo\">{E(english ? "1-inch photo" : "免冠1寸照片")}</div>\n");
        html.Append("<div class=\"fields\">\n");
        foreach (var (key, label) in layout.Labels)
            html.Append($"<p><span class=\"label\">{E(L(label))}</span>{(english ? ": " : "：")}<span class=\"value\" data-key=\"{E(key)}\">{E(values.GetValueOrDefault(key, ""))}</span></p>\n");
        html.Append("</div>\n");
        if (layout.Seal is { } seal) html.Append($"<p class=\"seal\">{E(L(seal))}</p>\n");
        html.Append("</section>\n<section class=\"face back\">\n");
        foreach (var line in layout.BackTitle) html.Append($"<p class=\"title\">{E(L(line))}</p>\n");
        html.Append($"<p class=\"printer\">{E(L(layout.PrintedBy).Replace("{issuer}", card.Issuer, StringComparison.Ordinal))}</p>\n");
        html.Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The validity as the face prints it; a card with no expiry of its own prints from its first day, until withdrawn.</summary>
    public static string Validity(string format, DateOnly from, DateOnly until, bool english)
    {
        if (until == CardValidity.NoExpiry)
            return english ? $"from {from:yyyy-MM-dd} until withdrawn" : $"{from:yyyy.MM.dd}起长期有效";
        return format == "yyyy.MM-yyyy.MM"
            ? $"{from.ToString("yyyy.MM", CultureInfo.InvariantCulture)}-{until.ToString("yyyy.MM", CultureInfo.InvariantCulture)}"
            : english ? $"{from:yyyy-MM-dd} to {until:yyyy-MM-dd}" : $"{from:yyyy-MM-dd}至{until:yyyy-MM-dd}";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
