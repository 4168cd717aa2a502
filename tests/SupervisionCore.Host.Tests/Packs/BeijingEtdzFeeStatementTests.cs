using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// bj-etdz fee statements through the HTTP API with the pack loaded from disk: a month's statement built from real
/// assignments (manual assignment and draw, acceptance, recorded entry/exit), its CSV and xlsx opened and checked, and access.
/// </summary>
public sealed class BeijingEtdzFeeStatementTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Zone = "11.ETDZ";
    private const string Month = "2025-08";

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private async Task<Guid> ExternalAsync(string name, DateOnly born)
    {
        var s = await Seed.SupervisorAsync(app, Zone, idNumber: Seed.IdNumber("110115", born, male: true), name: name);
        await Seed.AppointAndCardAsync(app, s.Id, "11", new DateOnly(2024, 1, 1));
        return s.Id;
    }

    private static async Task<Guid> TaskAsync(HttpClient bureau, Guid institution, string kind, string startsAt, string endsAt)
    {
        var activity = await bureau.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = $"BJ-{Guid.NewGuid():N}"[..20],
            startsAt, endsAt, candidateCount = 60,
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var task = await bureau.PostJsonAsync("/api/v1/supervision-tasks", new { kind, authorityId = Zone, activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid(), matters = new[] { "考场秩序" } });
        task.StatusCode.ShouldBe(HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
        return (await task.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The supervisor accepts (with their own token) and the bureau records entry and exit.</summary>
    private async Task AttendAsync(HttpClient bureau, Guid supervisorId, Guid assignmentId, string entryAt, string exitAt)
    {
        using var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, Zone, supervisorId: supervisorId));
        var accepted = await supervisor.PostAsync($"/api/v1/assignments/{assignmentId}/acceptance", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var attended = await bureau.PostJsonAsync($"/api/v1/assignments/{assignmentId}/attendance", new { entryAt, exitAt });
        attended.StatusCode.ShouldBe(HttpStatusCode.OK, await attended.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> AssignAsync(HttpClient bureau, Guid task, Guid supervisor, string role = "external")
    {
        var response = await bureau.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = supervisor, role });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_months_statement_from_real_assignments_with_its_CSV_and_xlsx()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: "309001");
        var zhang = await ExternalAsync("张三", new DateOnly(1970, 1, 1));
        var li = await ExternalAsync("李四", new DateOnly(1972, 3, 3));
        var wang = await ExternalAsync("王五", new DateOnly(1975, 5, 5));
        var inner = await Seed.SupervisorAsync(app, Zone, "internal", institution.Id, name: "内督员");
        // Assigned by hand, the internal supervisor gets every check: appointed (BJ 11, below) with a card.
        await Seed.InternalCardAsync(app, inner.Id, institution.Id);
        await Seed.AppointAndCardAsync(app, inner.Id, "11", new DateOnly(2024, 1, 1), card: false);
        using var bureau = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));

        // 5 August: manual assignments; 张三 4 h 00 (half day), 李四 4 h 01 (day); an internal supervisor is not paid.
        var day = await TaskAsync(bureau, institution.Id, "daily", "2025-08-05T08:30:00+08:00", "2025-08-05T17:00:00+08:00");
        await AttendAsync(bureau, zhang, await AssignAsync(bureau, day, zhang), "2025-08-05T09:00:00+08:00", "2025-08-05T13:00:00+08:00");
        await AttendAsync(bureau, li, await AssignAsync(bureau, day, li), "2025-08-05T09:00:00+08:00", "2025-08-05T13:01:00+08:00");
        await AttendAsync(bureau, inner.Id, await AssignAsync(bureau, day, inner.Id, "internal"), "2025-08-05T09:00:00+08:00", "2025-08-05T17:00:00+08:00");

        // 12→13 August (at another institution: BJ 9 rotation keeps a supervisor from the same one twice in a row): a draw
        // picks 2 of the 3; across midnight each attendance is one activity (BJ 27): the first attends
        // 23:00–02:59 (3 h 59: a half day), the second 22:00–02:01 (4 h 01: a day).
        var night = await TaskAsync(bureau, (await Seed.InstitutionAsync(app, Zone, filingNumber: "309011")).Id, "after-the-fact", "2025-08-12T19:00:00+08:00", "2025-08-13T04:00:00+08:00");
        var draw = await bureau.PostJsonAsync($"/api/v1/supervision-tasks/{night}/draws", new { });
        draw.StatusCode.ShouldBe(HttpStatusCode.Created, await draw.Content.ReadAsStringAsync());
        var drawn = (await (await bureau.GetAsync($"/api/v1/supervision-tasks/{night}/assignments")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(a => (Assignment: a.GetProperty("id").GetGuid(), Supervisor: a.GetProperty("supervisorId").GetGuid())).ToList();
        drawn.Count.ShouldBe(2);
        await AttendAsync(bureau, drawn[0].Supervisor, drawn[0].Assignment, "2025-08-12T23:00:00+08:00", "2025-08-13T02:59:00+08:00");
        await AttendAsync(bureau, drawn[1].Supervisor, drawn[1].Assignment, "2025-08-12T22:00:00+08:00", "2025-08-13T02:01:00+08:00");

        // Expected from the facts above.
        var expected = new Dictionary<Guid, decimal> { [zhang] = 400m, [li] = 800m };
        expected[drawn[0].Supervisor] = expected.GetValueOrDefault(drawn[0].Supervisor) + 400m;
        expected[drawn[1].Supervisor] = expected.GetValueOrDefault(drawn[1].Supervisor) + 800m;
        var total = expected.Values.Sum();

        var response = await bureau.GetAsync($"/api/v1/regions/bj-etdz/fee-statements?month={Month}");
        var statement = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, statement.ToString());
        statement.GetProperty("month").GetString().ShouldBe(Month);
        statement.GetProperty("total").GetDecimal().ShouldBe(total);
        statement.GetProperty("rule").GetProperty("id").GetString().ShouldBe("bj.fee.schedule");
        var supervisors = statement.GetProperty("supervisors").EnumerateArray().ToList();
        supervisors.ToDictionary(s => Guid.Parse(s.GetProperty("supervisorId").GetString()!), s => s.GetProperty("total").GetDecimal()).ShouldBe(expected, ignoreOrder: true);
        supervisors.ShouldNotContain(s => s.GetProperty("supervisorId").GetString() == inner.Id.ToString());
        var zhangLines = supervisors.Single(s => s.GetProperty("supervisorId").GetString() == zhang.ToString()).GetProperty("lines").EnumerateArray().ToList();
        var first = zhangLines.First(l => l.GetProperty("date").GetString() == "2025-08-05");
        (first.GetProperty("minutes").GetInt32(), first.GetProperty("hours").GetDecimal(), first.GetProperty("unit").GetString(), first.GetProperty("amount").GetDecimal())
            .ShouldBe((240, 4.00m, "half-day", 400m));
        first.GetProperty("rateFrom").GetString().ShouldBe("2023-01-01");
        var liLine = supervisors.Single(s => s.GetProperty("supervisorId").GetString() == li.ToString()).GetProperty("lines").EnumerateArray()
            .First(l => l.GetProperty("date").GetString() == "2025-08-05");
        (liLine.GetProperty("minutes").GetInt32(), liLine.GetProperty("unit").GetString()).ShouldBe((241, "day"));
        (string?, int, string?, decimal) NightLine((Guid Assignment, Guid Supervisor) d) => supervisors
            .Single(s => s.GetProperty("supervisorId").GetString() == d.Supervisor.ToString()).GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("assignmentId").GetString() == d.Assignment.ToString())
            .Select(l => (l.GetProperty("date").GetString(), l.GetProperty("minutes").GetInt32(), l.GetProperty("unit").GetString(), l.GetProperty("amount").GetDecimal()))
            .ShouldHaveSingleItem();
        NightLine(drawn[0]).ShouldBe(("2025-08-12", 239, "half-day", 400m));
        NightLine(drawn[1]).ShouldBe(("2025-08-12", 241, "day", 800m));

        // CSV (format=csv): opened as a table.
        var csv = await bureau.GetAsync($"/api/v1/regions/bj-etdz/fee-statements?month={Month}&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csvRows = MiniExcel.Query(new MemoryStream(await csv.Content.ReadAsByteArrayAsync()), useHeaderRow: true, excelType: ExcelType.CSV)
            .Cast<IDictionary<string, object>>().ToList();
        var csvLines = csvRows.Where(r => (string)r["row"] == "line").ToList();
        csvLines.Count.ShouldBe(2 + 2);
        csvLines.Sum(r => decimal.Parse((string)r["amount"], CultureInfo.InvariantCulture)).ShouldBe(total);
        csvRows.Where(r => (string)r["row"] == "supervisor-total")
            .ToDictionary(r => Guid.Parse((string)r["supervisorId"]), r => decimal.Parse((string)r["amount"], CultureInfo.InvariantCulture)).ShouldBe(expected, ignoreOrder: true);
        decimal.Parse((string)csvRows.Single(r => (string)r["row"] == "total")["amount"], CultureInfo.InvariantCulture).ShouldBe(total);
        csvLines.Single(r => (string)r["supervisorId"] == li.ToString() && (string)r["date"] == "2025-08-05").ShouldSatisfyAllConditions(
            r => ((string)r["supervisorName"]).ShouldBe("李四"),
            r => ((string)r["unit"]).ShouldBe("day"),
            r => ((string)r["minutes"]).ShouldBe("241"));

        // xlsx (by Accept): two sheets, numbers as numbers.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/regions/bj-etdz/fee-statements?month={Month}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var xlsx = await bureau.SendAsync(request);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(book).ShouldBe(["lines", "totals"]);
        var sheetLines = book.Query(useHeaderRow: true, sheetName: "lines").Cast<IDictionary<string, object>>().ToList();
        sheetLines.Count.ShouldBe(4);
        sheetLines.Sum(r => Convert.ToDecimal(r["amount"], CultureInfo.InvariantCulture)).ShouldBe(total);
        sheetLines.Single(r => (string)r["supervisorId"] == zhang.ToString() && (string)r["date"] == "2025-08-05")["unit"].ShouldBe("half-day");
        var totals = book.Query(useHeaderRow: true, sheetName: "totals").Cast<IDictionary<string, object>>().ToList();
        totals.Where(r => (string)r["supervisorId"] != "total")
            .ToDictionary(r => Guid.Parse((string)r["supervisorId"]), r => Convert.ToDecimal(r["total"], CultureInfo.InvariantCulture)).ShouldBe(expected, ignoreOrder: true);
        Convert.ToDecimal(totals.Single(r => (string)r["supervisorId"] == "total")["total"], CultureInfo.InvariantCulture).ShouldBe(total);

        // Another month has none of it.
        var july = await (await bureau.GetAsync("/api/v1/regions/bj-etdz/fee-statements?month=2025-07")).ReadJsonAsync();
        july.GetProperty("total").GetDecimal().ShouldBe(0m);
        july.GetProperty("supervisors").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.CenterOperator, Zone, HttpStatusCode.OK)]
    [InlineData(Roles.ProvinceAdmin, "11", HttpStatusCode.OK)]
    [InlineData(Roles.NationalAdmin, "CN", HttpStatusCode.OK)]
    [InlineData(Roles.CenterOperator, "11", HttpStatusCode.Forbidden)]
    [InlineData(Roles.ProvinceAdmin, "44", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Auditor, Zone, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, Zone, HttpStatusCode.Forbidden)]
    [InlineData(Roles.InstitutionOperator, Zone, HttpStatusCode.Forbidden)]
    public async Task Only_the_bureau_Beijing_and_national_administrators_read_fee_statements(string role, string jurisdiction, HttpStatusCode expected)
    {
        using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
        var response = await client.GetAsync("/api/v1/regions/bj-etdz/fee-statements?month=2025-01");
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected == HttpStatusCode.Forbidden) response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("", "month")]
    [InlineData("?month=2025-13", "month")]
    [InlineData("?month=2022-12", "month")]
    [InlineData("?month=2025-08&format=pdf", "format")]
    public async Task A_bad_month_or_format_is_a_problem_naming_the_field(string query, string field)
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));
        var response = await client.GetAsync($"/api/v1/regions/bj-etdz/fee-statements{query}");
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.ToString().ShouldContain(field, Case.Insensitive);
    }
}
