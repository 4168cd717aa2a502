using System.Globalization;
using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Supervision;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>The supervisor's file (考核档案) printed as the records are: A4 pages in headless Chromium, no horizontal overflow.</summary>
public sealed partial class PrintableFormTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_supervisor_file_prints_on_A4_without_overflow(string language)
    {
        File.Exists(Chromium).ShouldBeTrue("headless Chromium is required at /usr/bin/chromium (Debian package chromium; .ci/run installs it)");
        var s = await Seed.DispatchableAsync(app, "53", authorityId: "53", since: new DateOnly(2024, 1, 1));
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync($"/api/v1/supervisors/{s.Id}/assessments", new { year = 2025, grade = "excellent", assessedOn = "2026-01-08", grounds = LongAnswer })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync($"/api/v1/supervisors/{s.Id}/commendations", new { on = "2026-01-15", year = 2025, title = "2025年度优秀质量督导员", reason = LongAnswer })).StatusCode.ShouldBe(HttpStatusCode.Created);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await admin.GetAsync($"/api/v1/supervisors/{s.Id}/file?format=html");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        var dir = Directory.CreateTempSubdirectory("sc-file-");
        try
        {
            var page = Path.Combine(dir.FullName, "file.html");
            await File.WriteAllTextAsync(page, html.Replace("</body>", Measure + "</body>", StringComparison.Ordinal));
            var dom = await ChromiumAsync(dir.FullName, $"--window-size={PrintableWidthPx},1000 --virtual-time-budget=5000 --dump-dom \"file://{page}\"");
            var facts = MeasureResult().Match(dom);
            facts.Success.ShouldBeTrue(dom[..Math.Min(dom.Length, 2000)]);
            int.Parse(facts.Groups["scroll"].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(int.Parse(facts.Groups["client"].Value, CultureInfo.InvariantCulture),
                $"the supervisor file ({language}) overflows the A4 printable width");
            var text = WebUtility.HtmlDecode(TagRegex().Replace(dom, " "));
            text.ShouldContain(language == "en" ? "Quality supervisor file" : "质量督导员考核档案");
            text.ShouldContain(language == "en" ? "Annual assessments" : "年度考核");
            text.ShouldContain("2025年度优秀质量督导员");

            var pdf = Path.Combine(dir.FullName, "file.pdf");
            await ChromiumAsync(dir.FullName, $"--no-pdf-header-footer --print-to-pdf=\"{pdf}\" \"file://{page}\"");
            var boxes = MediaBox().Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1));
            boxes.Count.ShouldBeGreaterThan(0);
            foreach (System.Text.RegularExpressions.Match box in boxes)
            {
                double.Parse(box.Groups["w"].Value, CultureInfo.InvariantCulture).ShouldBe(595.3, 2.0);
                double.Parse(box.Groups["h"].Value, CultureInfo.InvariantCulture).ShouldBe(841.9, 2.0);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
