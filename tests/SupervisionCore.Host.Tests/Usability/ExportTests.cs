using System.Net;
using System.Net.Http.Headers;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Usability.UsabilitySupport;

namespace SupervisionCore.Host.Tests.Usability;

public sealed class ExportTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("csv", null)]
    [InlineData(null, "text/csv")]
    [InlineData("xlsx", null)]
    [InlineData(null, null)]
    public async Task Supervisor_list_exports_masked_in_the_chosen_format(string? format, string? accept)
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var id = IdNumber("430102");
        var name = "导出" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostJsonAsync("/api/v1/supervisors", new { name, idNumber = id, kind = "external", jurisdiction = "43", phone = "13912345678" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/supervisors?jurisdiction=43" + (format is null ? "" : "&format=" + format));
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = (format ?? (accept is null ? "xlsx" : "csv")) == "csv";
        response.Content.Headers.ContentType!.MediaType.ShouldBe(csv ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        List<Dictionary<string, string>> rows = csv
            ? [.. ReadCsv(bytes) is var t ? t.Skip(1).Select(r => t[0].Zip(r).ToDictionary(x => x.First, x => x.Second)) : []]
            : [.. ReadXlsx(bytes).Select(r => r.ToDictionary(x => x.Key, x => x.Value?.ToString() ?? ""))];
        var row = rows.Where(r => r["Name"] == name).ShouldHaveSingleItem();
        
        row["ID number (masked)"].ShouldBe(id[..6] + "********" + id[14..]);
        row["Phone (masked)"].ShouldBe("139****5678");
        row["Jurisdiction"].ShouldBe("43");
        System.Text.Encoding.UTF8.GetString(bytes).ShouldNotContain(id[6..14]);
    }

    [Fact]
    public async Task Institution_list_exports_with_chinese_headers_by_default_and_only_inside_the_callers_jurisdiction()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var inside = RegistryTestData.ProvinceFilingNumber();
        var outside = RegistryTestData.ProvinceFilingNumber();
        (await admin.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution("43", name: "=HYPERLINK(\"x\")", number: inside))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution("42", number: outside))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "43"));

        var csv = ReadCsv(await province.GetByteArrayAsync("/api/v1/exports/institutions?format=csv"));
        csv[0].ShouldContain("备案编号");
        var column = Array.IndexOf(csv[0], "备案编号");
        csv.Skip(1).Select(r => r[column]).ShouldContain(inside);
        csv.Skip(1).Select(r => r[column]).ShouldNotContain(outside);
        // A name that a spreadsheet would run as a formula is escaped.
        csv.Skip(1).Select(r => r[0]).ShouldNotContain("=HYPERLINK(\"x\")");

        var xlsx = ReadXlsx(await province.GetByteArrayAsync("/api/v1/exports/institutions?format=xlsx"));
        xlsx.Select(r => r["备案编号"]?.ToString()).ShouldContain(inside);
        (await province.GetAsync("/api/v1/exports/institutions?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_draw_exports_its_ranking_with_card_numbers_and_no_id_numbers()
    {
        const string p = "43";
        var institution = await Seed.InstitutionAsync(app, p);
        for (var i = 0; i < 4; i++) await Seed.DispatchableAsync(app, p, authorityId: p);
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, p));
        var activity = await (await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "P-2025-043",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 60,
            examiners = Array.Empty<object>(),
        })).ReadJsonAsync();
        var task = await (await client.PostJsonAsync("/api/v1/supervision-tasks", new
        {
            kind = "special", authorityId = p, activityId = activity.GetProperty("id").GetGuid(), matters = new[] { "考场秩序" },
        })).ReadJsonAsync();
        var drawResponse = await client.PostJsonAsync($"/api/v1/supervision-tasks/{task.GetProperty("id").GetGuid()}/draws", new { });
        drawResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await drawResponse.Content.ReadAsStringAsync());
        var draw = await drawResponse.ReadJsonAsync();
        // The draw answer is compact; the full ranking is in its transcript.
        var transcript = await (await client.GetAsync($"/api/v1/draws/{draw.GetProperty("id").GetGuid()}/transcript")).ReadJsonAsync();
        var ranking = transcript.GetProperty("ranking").EnumerateArray().Select(e => e.GetString()).ToList();
        var count = draw.GetProperty("count").GetInt32();

        var rows = ReadXlsx(await client.GetByteArrayAsync($"/api/v1/exports/draws/{draw.GetProperty("id").GetGuid()}"));
        var ranked = rows.Where(r => r["名次"] is not null && r["名次"]!.ToString() != "").ToList();
        ranked.Select(r => r["督导员编号"]?.ToString()).ShouldBe(ranking);
        ranked.Take(count).ShouldAllBe(r => r["结果"]!.ToString() == "选中");
        ranked.ShouldAllBe(r => !string.IsNullOrEmpty(r["证卡编号"]!.ToString()));

        var csv = ReadCsv(await client.GetByteArrayAsync($"/api/v1/exports/draws/{draw.GetProperty("id").GetGuid()}?format=csv"));
        csv.Count.ShouldBe(rows.Count + 1);
        using var other = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "42"));
        (await other.GetAsync($"/api/v1/exports/draws/{draw.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
