using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Features.Forms;
using SupervisionCore.Host.Features.Records;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>
/// Every form of every pack (and the national one), filled in, rendered by the Host's printable HTML and opened in
/// headless Chromium (Debian's <c>chromium</c>, installed by .ci/run): A4 PDF pages, no horizontal overflow on the A4
/// printable width, every item number and text and every option present, the chosen options ticked. Without Chromium
/// the test fails: it is part of the test command.
/// </summary>
public sealed partial class PrintableFormTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    // A4 minus the 15 mm margins of the print CSS, at 96 px per inch: 180 mm ≈ 680 px.
    private const int PrintableWidthPx = 680;
    private const string LongAnswer = "考场秩序良好，考务人员按规定履行职责。ANUNBROKENWORDTHATISMUCHLONGERTHANANYCELLCOULDHOLDWITHOUTWRAPPING_0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static TheoryData<string, string> Forms()
    {
        using var app = new SupervisionApp();
        var data = new TheoryData<string, string>();
        foreach (var f in app.Services.GetRequiredService<FormCatalog>().For(null))
            foreach (var language in new[] { "zh-CN", "en" }) data.Add(f.Form.Id, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_filled_form_prints_on_A4_without_overflow_with_every_item_and_ticked_options(string formId, string language)
    {
        File.Exists(Tooling.Chromium).ShouldBeTrue("headless Chromium is required at /usr/bin/chromium (Debian package chromium; .ci/run installs it)");
        var form = app.Services.GetRequiredService<FormCatalog>().Find(formId)!.Form;
        var culture = CultureInfo.GetCultureInfo(language);
        var (record, ticked) = Filled(form);
        var html = RecordHtml.Render(form, record, culture);

        var dir = Directory.CreateTempSubdirectory("sc-print-");
        try
        {
            var page = Path.Combine(dir.FullName, "form.html");
            // A measuring script appended to the page: the DOM dump then carries the layout facts.
            await File.WriteAllTextAsync(page, html.Replace("</body>", Measure + "</body>", StringComparison.Ordinal));
            var dom = await Tooling.ChromiumAsync(dir.FullName, $"--window-size={PrintableWidthPx},1000 --virtual-time-budget=5000 --dump-dom \"file://{page}\"");
            var facts = MeasureResult().Match(dom);
            facts.Success.ShouldBeTrue(dom[..Math.Min(dom.Length, 2000)]);
            int.Parse(facts.Groups["scroll"].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(int.Parse(facts.Groups["client"].Value, CultureInfo.InvariantCulture),
                $"{formId} ({language}) overflows the A4 printable width");
            int.Parse(facts.Groups["ticked"].Value, CultureInfo.InvariantCulture).ShouldBe(ticked);

            var text = WebUtility.HtmlDecode(TagRegex().Replace(dom, " "));
            text.ShouldContain(form.Title.Get(culture));
            foreach (var item in form.Items)
            {
                text.ShouldContain(item.Text.Get(culture), customMessage: $"item {item.Key}");
                if (item.Number is { } n) dom.ShouldContain($"<td class=\"no\">{WebUtility.HtmlEncode(n)}</td>", customMessage: $"number of {item.Key}");
            }
            foreach (var option in form.OptionSets.SelectMany(s => s.Options)) text.ShouldContain(option.Label.Get(culture));
            foreach (var signature in form.Signatures) text.ShouldContain(signature.Signer.Get(culture));
            if (form.Signatures.Any(s => s.Dated)) text.ShouldContain(language == "en" ? "2025-06-10" : "2025年6月10日");

            var pdf = Path.Combine(dir.FullName, "form.pdf");
            await Tooling.ChromiumAsync(dir.FullName, $"--no-pdf-header-footer --print-to-pdf=\"{pdf}\" \"file://{page}\"");
            var boxes = MediaBox().Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1));
            boxes.Count.ShouldBeGreaterThan(0);
            foreach (Match box in boxes)
            {
                // A4 is 595.28 × 841.89 pt; Chromium rounds to its own device units.
                double.Parse(box.Groups["w"].Value, CultureInfo.InvariantCulture).ShouldBe(595.3, 2.0);
                double.Parse(box.Groups["h"].Value, CultureInfo.InvariantCulture).ShouldBe(841.9, 2.0);
            }

            var png = Path.Combine(dir.FullName, "form.png");
            await Tooling.ChromiumAsync(dir.FullName, $"--window-size=794,1123 --screenshot=\"{png}\" \"file://{page}\"");
            var head = File.ReadAllBytes(png)[..24];
            (head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19]).ShouldBe(794);
            (head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23]).ShouldBe(1123);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A submission answering every item (the first option, or the first two of a multiple choice) and every signature; the count of ☑ expected.</summary>
    private static (RecordDto Record, int Ticked) Filled(FormDefinition form)
    {
        var answers = new Dictionary<string, JsonElement>();
        var ticked = 0;
        var sets = form.OptionSets.ToDictionary(s => s.Key);
        foreach (var item in form.Items)
        {
            object value = item.Kind switch
            {
                FormItemKind.SingleChoice => sets[item.OptionSet!].Options[0].Key,
                FormItemKind.MultipleChoice => sets[item.OptionSet!].Options.Take(2).Select(o => o.Key).ToArray(),
                FormItemKind.Date => "2025-06-10",
                FormItemKind.DateTime => "2025-06-10T08:30:00+08:00",
                FormItemKind.Number => 3,
                _ => LongAnswer,
            };
            ticked += item.Kind switch { FormItemKind.SingleChoice => 1, FormItemKind.MultipleChoice => Math.Min(2, sets[item.OptionSet!].Options.Count), _ => 0 };
            answers[item.Key] = JsonSerializer.SerializeToElement(value);
        }
        foreach (var section in form.Sections.Where(s => s.RatingOptionSet is not null))
        {
            answers[section.Key] = JsonSerializer.SerializeToElement(sets[section.RatingOptionSet!].Options[0].Key);
            ticked++;
        }
        foreach (var signature in form.Signatures) answers[signature.Key] = JsonSerializer.SerializeToElement("张督导");
        var submitted = new DateTimeOffset(2025, 6, 10, 18, 0, 0, TimeSpan.FromHours(8));
        return (new RecordDto(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), form.Id, form.Version, answers, new DateOnly(2025, 6, 13), false, false, "test", submitted), ticked);
    }


    private const string Measure = """
        <script>
        document.body.insertAdjacentHTML('beforeend', '<pre id="measure">scroll=' + document.documentElement.scrollWidth
          + ' client=' + document.documentElement.clientWidth + ' ticked=' + (document.body.innerText.match(/☑/g) || []).length + '</pre>');
        </script>
        """;

    [GeneratedRegex(@"<pre id=""measure"">scroll=(?<scroll>\d+) client=(?<client>\d+) ticked=(?<ticked>\d+)</pre>")]
    private static partial Regex MeasureResult();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
