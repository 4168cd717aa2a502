using System.Net;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 item 1 (PIPL): no response, export row or list carries enough to rebuild a resident ID number. The masked form keeps
/// the region (first 6) and the last 4; positions 7–14 are the birth date, so the full birth date is never shown next to it:
/// every role sees the birth year only (docs/privacy.md).
/// </summary>
public sealed class IdNumberMaskingTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly DateOnly Born = new(1979, 3, 22);

    /// <summary>Every spelling of the birth date that, next to <c>440106********8063</c>, gives the whole number.</summary>
    private static void ShouldNotCarryTheBirthDate(string body, string what)
    {
        foreach (var form in new[] { "1979-03-22", "19790322", "1979/03/22", "1979-3-22", "1979年3月22日", "1979年03月22日" })
            body.ShouldNotContain(form, Case.Sensitive, $"{what} carries the birth date ({form}): {body}");
    }

    public static TheoryData<string, string> Readers() => new()
    {
        { Roles.NationalAdmin, "CN" },
        { Roles.ProvinceAdmin, "44" },
        { Roles.CenterOperator, "44" },
        { Roles.Auditor, "44" },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task No_role_gets_the_masked_number_with_the_full_birth_date(string role, string jurisdiction)
    {
        var idNumber = Seed.IdNumber("440106", Born);
        Guid id;
        using (var admin = app.CreateClient(await app.AdminTokenAsync()))
        {
            var created = await admin.PostJsonAsync("/api/v1/supervisors", new { name = "掩码测试", idNumber, kind = "external", jurisdiction = "44" });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var body = await created.Content.ReadAsStringAsync();
            ShouldNotCarryTheBirthDate(body, "the registration answer");
            id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }

        using var reader = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
        var one = await reader.GetAsync($"/api/v1/supervisors/{id}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await one.Content.ReadAsStringAsync();
        ShouldNotCarryTheBirthDate(text, $"GET supervisor as {role}");
        var json = JsonDocument.Parse(text).RootElement;
        json.GetProperty("idNumber").GetString().ShouldBe(idNumber[..6] + "********" + idNumber[14..]);
        json.GetProperty("birthYear").GetInt32().ShouldBe(1979);

        var list = await reader.GetStringAsync("/api/v1/supervisors?jurisdiction=44&pageSize=100");
        ShouldNotCarryTheBirthDate(list, $"the supervisor list as {role}");

        {
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var export = await reader.GetAsync($"/api/v1/exports/supervisors?jurisdiction=44&format={format}");
                if (export.StatusCode == HttpStatusCode.Forbidden) continue;
                export.StatusCode.ShouldBe(HttpStatusCode.OK);
                var bytes = await export.Content.ReadAsByteArrayAsync();
                var content = format == "csv" ? System.Text.Encoding.UTF8.GetString(bytes) : XlsxText(bytes);
                content.ShouldContain(idNumber[..6] + "********" + idNumber[14..]);
                ShouldNotCarryTheBirthDate(content, $"the {format} export as {role}");
            }
        }
    }

    /// <summary>Every text of an .xlsx (shared strings and inline cells).</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); }));
    }

    [Theory]
    [InlineData("440106197903228063", "440106********8063")]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    public void The_mask_keeps_region_and_last_four_only(string value, string masked) =>
        SupervisionCore.Kernel.Registry.ResidentIdNumber.Mask(value).ShouldBe(masked);
}
