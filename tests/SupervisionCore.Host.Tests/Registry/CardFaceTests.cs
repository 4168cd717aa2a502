using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Usability;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>
/// The card photo (size and type limits by content, personal data kept from the public and from auditors) and the printed
/// card (CN card annex: 80 × 110 mm a side, 1寸 photo 25 × 35 mm; BJ 附件2 for the zone's internal cards), measured in headless Chromium.
/// </summary>
public sealed partial class CardFaceTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{

    private static async Task<(Guid Supervisor, Guid Card, string Number)> ExternalCardAsync(SupervisionApp app, HttpClient admin)
    {
        var supervisor = await Seed.SupervisorAsync(app, "44.A");
        var issued = await admin.IssueAsync(supervisor.Id, "2025-06-01", "44.A");
        var card = await issued.ReadJsonAsync();
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, card.ToString());
        return (supervisor.Id, card.GetProperty("id").GetGuid(), card.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task A_photo_is_judged_by_its_content_and_kept_from_auditors_the_public_and_other_institutions()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var (supervisor, _, number) = await ExternalCardAsync(app, admin);
        var url = $"/api/v1/supervisors/{supervisor}/photo";
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // none yet

        async Task<HttpResponseMessage> PutAsync(byte[] bytes, string type = "image/png", string name = "photo.png")
        {
            using var form = TestImages.Form(bytes, type, name);
            return await admin.PutAsync(url, form);
        }
        var text = await PutAsync("我不是照片"u8.ToArray(), "image/jpeg", "photo.jpg"); // the declared type and name do not count
        text.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await text.Content.ReadAsStringAsync()).ShouldContain("\"photo\"");
        text.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await PutAsync(TestImages.JpegHeader(300, 420, 512 * 1024 + 1), "image/jpeg")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await PutAsync(TestImages.Png(420, 300))).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // landscape
        (await PutAsync(TestImages.Png(99, 140))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync(url, new { photo = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.DbAsync(db => db.SupervisorPhotos.CountAsync(p => p.SupervisorId == supervisor))).ShouldBe(0);

        var jpeg = TestImages.JpegHeader(295, 413, 512 * 1024); // exactly 512 KiB
        var stored = await PutAsync(jpeg, "application/octet-stream", "x.bin");
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        var dto = await stored.ReadJsonAsync();
        dto.GetProperty("mediaType").GetString().ShouldBe("image/jpeg");
        (dto.GetProperty("width").GetInt32(), dto.GetProperty("height").GetInt32()).ShouldBe((295, 413));
        var back = await admin.GetAsync(url);
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        back.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await back.Content.ReadAsByteArrayAsync()).ShouldBe(jpeg);
        back.Headers.CacheControl!.NoStore.ShouldBeTrue();

        // Sealed at rest: the stored bytes are not the image; the audit keeps its digest only.
        var cipher = await app.DbAsync(db => db.SupervisorPhotos.Where(p => p.SupervisorId == supervisor).Select(p => p.Cipher).SingleAsync());
        cipher.Length.ShouldBeGreaterThan(jpeg.Length);
        Convert.ToBase64String(cipher).ShouldNotContain(Convert.ToBase64String(jpeg[..48]));
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "supervisor.photo.set" && e.TargetId == supervisor.ToString()).ToListAsync());
        audit.Count.ShouldBe(1);
        audit[0].Detail!.ShouldBe("photo image/jpeg 295x413");

        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        (await auditor.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var self = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: supervisor));
        (await self.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var institution = await Seed.InstitutionAsync(app, "44.A");
        using var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: institution.Id));
        (await operatorClient.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // an external supervisor is not the institution's
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var verified = await (await anonymous.GetAsync($"/api/v1/public/cards/{number}")).Content.ReadAsStringAsync();
        verified.ShouldNotContain("photo", Case.Insensitive);
        verified.ShouldNotContain("base64");
    }

    [Fact]
    public async Task A_photo_is_deleted_not_hidden_by_those_who_may_upload_it_and_deleting_twice_changes_nothing()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var (supervisor, card, _) = await ExternalCardAsync(app, admin);
        var url = $"/api/v1/supervisors/{supervisor}/photo";
        using (var form = TestImages.Form(TestImages.Png(295, 413)))
            (await admin.PutAsync(url, form)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        (await auditor.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var self = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: supervisor));
        (await self.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // the supervisor asks the issuing centre
        using var otherProvince = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        (await otherProvince.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.DbAsync(db => db.SupervisorPhotos.CountAsync(p => p.SupervisorId == supervisor))).ShouldBe(1);

        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        (await centre.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.DbAsync(db => db.SupervisorPhotos.CountAsync(p => p.SupervisorId == supervisor))).ShouldBe(0); // the row, cipher and all
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await centre.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "supervisor.photo.delete" && e.TargetId == supervisor.ToString()).ToListAsync());
        audit.ShouldHaveSingleItem().Detail!.ShouldBe("photo image/png 295x413 deleted");

        // The card still prints, with an empty photo box.
        var face = await admin.GetAsync($"/api/v1/supervisors/{supervisor}/cards/{card}/face");
        face.StatusCode.ShouldBe(HttpStatusCode.OK, await face.Content.ReadAsStringAsync());
        (await face.Content.ReadAsStringAsync()).ShouldNotContain("data:image/png;base64");
    }

    [Fact]
    public async Task The_national_card_prints_80_by_110_mm_a_side_with_its_photo_in_headless_Chromium()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var (supervisor, card, number) = await ExternalCardAsync(app, admin);
        using (var form = TestImages.Form(TestImages.Png(295, 413)))
            (await admin.PutAsync($"/api/v1/supervisors/{supervisor}/photo", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await admin.GetAsync($"/api/v1/supervisors/{supervisor}/cards/{card}/face");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("质量督导员（外督）");
        html.ShouldContain(number);
        html.ShouldContain("data:image/png;base64,");
        html.ShouldContain("广州市职业技能鉴定指导中心");
        html.ShouldContain("2025.06.01起长期有效"); // a national card has no expiry of its own (docs/readings.md)

        var m = await MeasureAsync(html);
        m.Faces.ShouldBe(2);
        m.Width.ShouldBe(302.4, 1.0);  // 80 mm at 96 px/in
        m.Height.ShouldBe(415.7, 1.0); // 110 mm
        m.PhotoWidth.ShouldBe(94.5, 1.0);  // 25 mm
        m.PhotoHeight.ShouldBe(132.3, 1.0); // 35 mm
        m.Overflowing.ShouldBe(0);
        m.PhotoLoaded.ShouldBeTrue();
        m.PdfPages.ShouldBe(2);
        m.PdfWidth.ShouldBe(226.8, 1.5);  // 80 mm in pt
        m.PdfHeight.ShouldBe(311.8, 1.5); // 110 mm in pt

        // A withdrawn card is not printed; another province's principal gets nothing.
        using var other = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "45"));
        (await other.GetAsync($"/api/v1/supervisors/{supervisor}/cards/{card}/face")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/supervisors/{supervisor}/cards/{Guid.NewGuid()}/face")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_zone_internal_card_prints_BJ_annex_2_with_its_validity_and_a_photo_box_when_there_is_no_photo()
    {
        var institution = await Seed.InstitutionAsync(app, "11.ETDZ", "employer", filingNumber: $"20{Random.Shared.Next(1000, 9999)}");
        var supervisor = await Seed.SupervisorAsync(app, "11.ETDZ", "internal", institution.Id);
        using var zone = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "11.ETDZ"));
        var issued = await zone.IssueAsync(supervisor.Id, "2025-07-01");
        var card = await issued.ReadJsonAsync();
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, card.ToString());
        using var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "11.ETDZ", institutionId: institution.Id));
        var response = await operatorClient.GetAsync($"/api/v1/supervisors/{supervisor.Id}/cards/{card.GetProperty("id").GetGuid()}/face");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-face=\"bj.card-face.internal\"");
        html.ShouldContain("质量督导员（内督员）");
        html.ShouldContain("2025.07-2028.06"); // bj.card.validity: three years less a day, printed as the annex's sample
        html.ShouldContain("（机构公章）");
        html.ShouldContain("免冠1寸照片");
        html.ShouldContain(institution.Name + "印制");

        var m = await MeasureAsync(html);
        (m.Faces, m.Overflowing, m.PdfPages).ShouldBe((2, 0, 2));
        m.Width.ShouldBe(302.4, 1.0);
        m.Height.ShouldBe(415.7, 1.0);
    }

    private sealed record Measured(int Faces, double Width, double Height, double PhotoWidth, double PhotoHeight, int Overflowing, bool PhotoLoaded, int PdfPages, double PdfWidth, double PdfHeight);

    /// <summary>Opens the page in headless Chromium: the faces' and the photo box's sizes in CSS px, faces whose content overflows, and the PDF's pages.</summary>
    private static async Task<Measured> MeasureAsync(string html)
    {
        File.Exists(Tooling.Chromium).ShouldBeTrue("headless Chromium is required at /usr/bin/chromium");
        var dir = Directory.CreateTempSubdirectory("sc-card-");
        try
        {
            var page = Path.Combine(dir.FullName, "card.html");
            await File.WriteAllTextAsync(page, html.Replace("</body>", Script + "</body>", StringComparison.Ordinal));
            var dom = await Tooling.ChromiumAsync(dir.FullName, $"--window-size=800,1200 --virtual-time-budget=5000 --dump-dom \"file://{page}\"");
            var f = Result().Match(dom);
            f.Success.ShouldBeTrue(dom[..Math.Min(dom.Length, 2000)]);
            double D(string g) => double.Parse(f.Groups[g].Value, CultureInfo.InvariantCulture);
            // The PDF of the page as served (the measuring script adds a line that would print on a page of its own).
            var served = Path.Combine(dir.FullName, "served.html");
            await File.WriteAllTextAsync(served, html);
            var pdf = Path.Combine(dir.FullName, "card.pdf");
            await Tooling.ChromiumAsync(dir.FullName, $"--no-pdf-header-footer --print-to-pdf=\"{pdf}\" \"file://{served}\"");
            var boxes = MediaBox().Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1));
            boxes.Count.ShouldBeGreaterThan(0);
            var pages = PageCount().Count(File.ReadAllText(pdf, System.Text.Encoding.Latin1));
            return new Measured((int)D("faces"), D("w"), D("h"), D("pw"), D("ph"), (int)D("over"), f.Groups["loaded"].Value == "1", pages,
                double.Parse(boxes[0].Groups["w"].Value, CultureInfo.InvariantCulture), double.Parse(boxes[0].Groups["h"].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }


    private const string Script = """
        <script>
        const faces = [...document.querySelectorAll('.face')];
        const r = faces[0].getBoundingClientRect();
        const p = document.querySelector('.photo').getBoundingClientRect();
        const over = faces.filter(x => x.scrollHeight > x.clientHeight + 1 || x.scrollWidth > x.clientWidth + 1).length;
        const img = document.querySelector('.photo img');
        const loaded = img ? (img.complete && img.naturalWidth > 0 ? 1 : 0) : 1;
        document.body.insertAdjacentHTML('beforeend', '<pre id="m">faces=' + faces.length + ' w=' + r.width.toFixed(2) + ' h=' + r.height.toFixed(2)
          + ' pw=' + p.width.toFixed(2) + ' ph=' + p.height.toFixed(2) + ' over=' + over + ' loaded=' + loaded + '</pre>');
        </script>
        """;

    [GeneratedRegex(@"<pre id=""m"">faces=(?<faces>\d+) w=(?<w>[\d.]+) h=(?<h>[\d.]+) pw=(?<pw>[\d.]+) ph=(?<ph>[\d.]+) over=(?<over>\d+) loaded=(?<loaded>\d)</pre>")]
    private static partial Regex Result();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageCount();
}
