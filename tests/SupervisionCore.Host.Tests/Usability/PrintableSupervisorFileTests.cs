using System.Globalization;
using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Supervision;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>The supervisor's file (考核档案) and YN 13's application form printed as the records are: A4 pages in headless Chromium, no horizontal overflow.</summary>
public sealed partial class PrintableFormTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_supervisor_file_prints_on_A4_without_overflow(string language)
    {
        File.Exists(Tooling.Chromium).ShouldBeTrue("headless Chromium is required at /usr/bin/chromium (Debian package chromium; .ci/run installs it)");
        var s = await Seed.DispatchableAsync(app, "53", authorityId: "53", since: new DateOnly(2024, 1, 1));
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync($"/api/v1/supervisors/{s.Id}/assessments", new { year = 2025, grade = "excellent", assessedOn = "2026-01-08", grounds = LongAnswer })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync($"/api/v1/supervisors/{s.Id}/commendations", new { on = "2026-01-15", year = 2025, title = "2025年度优秀质量督导员", reason = LongAnswer })).StatusCode.ShouldBe(HttpStatusCode.Created);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await admin.GetAsync($"/api/v1/supervisors/{s.Id}/file?format=html");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await PrintsOnA4Async(await response.Content.ReadAsStringAsync(), language, language == "en" ? "Quality supervisor file" : "质量督导员考核档案",
            language == "en" ? "Annual assessments" : "年度考核", "2025年度优秀质量督导员");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_YN_13_application_form_prints_on_A4_without_overflow(string language)
    {
        File.Exists(Tooling.Chromium).ShouldBeTrue("headless Chromium is required at /usr/bin/chromium (Debian package chromium; .ci/run installs it)");
        var s = await Seed.SupervisorAsync(app, "53", idNumber: Seed.IdNumber("530105"));
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var applied = await admin.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId = s.Id, appliedOn = "2025-03-01", statement = LongAnswer, employer = "云南机电职业技术学院" });
        var id = (await applied.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await admin.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/recommendation", new { on = "2025-03-05", opinion = LongAnswer })).StatusCode.ShouldBe(HttpStatusCode.OK);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await admin.GetAsync($"/api/v1/regions/yn/applications/{id}?format=html");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await PrintsOnA4Async(await response.Content.ReadAsStringAsync(), language,
            language == "en" ? "Application form for the skill-level recognition quality supervisor qualification" : "职业技能等级认定质量督导人员资格申报表",
            language == "en" ? "Employer's recommendation" : "所在单位推荐意见", "云南机电职业技术学院");
    }

    private static async Task PrintsOnA4Async(string html, string language, params string[] texts)
    {

        var dir = Directory.CreateTempSubdirectory("sc-file-");
        try
        {
            var page = Path.Combine(dir.FullName, "file.html");
            await File.WriteAllTextAsync(page, html.Replace("</body>", Measure + "</body>", StringComparison.Ordinal));
            var dom = await Tooling.ChromiumAsync(dir.FullName, $"--window-size={PrintableWidthPx},1000 --virtual-time-budget=5000 --dump-dom \"file://{page}\"");
            var facts = MeasureResult().Match(dom);
            facts.Success.ShouldBeTrue(dom[..Math.Min(dom.Length, 2000)]);
            int.Parse(facts.Groups["scroll"].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(int.Parse(facts.Groups["client"].Value, CultureInfo.InvariantCulture),
                $"{texts[0]} ({language}) overflows the A4 printable width");
            var text = WebUtility.HtmlDecode(TagRegex().Replace(dom, " "));
            foreach (var t in texts) text.ShouldContain(t);

            var pdf = Path.Combine(dir.FullName, "file.pdf");
            await Tooling.ChromiumAsync(dir.FullName, $"--no-pdf-header-footer --print-to-pdf=\"{pdf}\" \"file://{page}\"");
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
