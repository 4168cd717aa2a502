using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Parameters;

/// <summary>
/// Policy parameters through the HTTP API (docs/parameters.md): the BJ fee changed from a future date by the zone's
/// province administrator, quotes before and after that date from the same running Host, the history, the rule catalogue,
/// the audit entry, refusals (retroactive 422, another province 403, bad input 400) that change nothing.
/// </summary>
public sealed class ParameterApiTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Day = "bj.fee.per-activity.day";
    private const string HalfDay = "bj.fee.per-activity.half-day";

    private static string Today => ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> QuoteAsync(HttpClient client, string entry, string exit)
    {
        var response = await client.PostJsonAsync("/api/v1/regions/bj-etdz/fees/quote", new { entry, exit });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static (string Value, string From) Cited(JsonElement quote, string id)
    {
        var p = quote.GetProperty("parameters").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        return (p.GetProperty("value").GetString()!, p.GetProperty("effectiveFrom").GetString()!);
    }

    private Task<int> StoredAsync() => app.DbAsync(db => db.ParameterValues.CountAsync());

    [Fact]
    public async Task A_fee_changed_from_a_future_date_quotes_the_old_rate_before_and_the_new_one_from_that_date_without_a_restart()
    {
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        using var reader = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "11.ETDZ"));

        // Before the change: 800 a day, cited with the seed's date.
        var before = await QuoteAsync(reader, "2031-01-01T09:00:00+08:00", "2031-01-01T14:00:00+08:00");
        before.GetProperty("total").GetDecimal().ShouldBe(800m);
        Cited(before, Day).ShouldBe(("800", "2023-01-01"));

        var added = await admin.PostJsonAsync($"/api/v1/regions/bj-etdz/parameters/{Day}/values",
            new { effectiveFrom = "2031-01-01", value = "900.00", reason = "经开区关于调整督导劳务费标准的通知" });
        var body = await added.ReadJsonAsync();
        added.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("value").GetProperty("value").GetString().ShouldBe("900");
        body.GetProperty("history").GetArrayLength().ShouldBe(2);

        // The same Host, next request: the day before keeps 800, the day of and after are 900, each citing its date.
        var dayBefore = await QuoteAsync(reader, "2030-12-31T09:00:00+08:00", "2030-12-31T14:00:00+08:00");
        dayBefore.GetProperty("total").GetDecimal().ShouldBe(800m);
        Cited(dayBefore, Day).ShouldBe(("800", "2023-01-01"));
        var dayOf = await QuoteAsync(reader, "2031-01-01T09:00:00+08:00", "2031-01-01T14:00:00+08:00");
        dayOf.GetProperty("total").GetDecimal().ShouldBe(900m);
        Cited(dayOf, Day).ShouldBe(("900", "2031-01-01"));
        Cited(dayOf, HalfDay).ShouldBe(("400", "2023-01-01"));
        (await QuoteAsync(reader, "2031-01-02T09:00:00+08:00", "2031-01-02T14:00:00+08:00")).GetProperty("total").GetDecimal().ShouldBe(900m);
        // A half day is unchanged on both sides.
        (await QuoteAsync(reader, "2031-01-02T09:00:00+08:00", "2031-01-02T12:00:00+08:00")).GetProperty("total").GetDecimal().ShouldBe(400m);

        // History and the value on a day.
        var onDay = await reader.GetAsync($"/api/v1/regions/bj-etdz/parameters/{Day}?on=2031-01-01");
        var parameter = await onDay.ReadJsonAsync();
        onDay.StatusCode.ShouldBe(HttpStatusCode.OK, parameter.ToString());
        parameter.GetProperty("value").GetProperty("value").GetString().ShouldBe("900");
        parameter.GetProperty("value").GetProperty("effectiveFrom").GetString().ShouldBe("2031-01-01");
        parameter.GetProperty("citation").GetString().ShouldBe("BJ 27");
        parameter.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["bj.fee.schedule"]);
        var history = parameter.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => (h.GetProperty("effectiveFrom").GetString(), h.GetProperty("value").GetString(), h.GetProperty("source").GetString()))
            .ShouldBe([("2023-01-01", "800", "default"), ("2031-01-01", "900", "added")]);
        history[1].GetProperty("addedBy").GetString().ShouldNotBeNullOrEmpty();
        var dayBeforeValue = await (await reader.GetAsync($"/api/v1/regions/bj-etdz/parameters/{Day}?on=2030-12-31")).ReadJsonAsync();
        dayBeforeValue.GetProperty("value").GetProperty("value").GetString().ShouldBe("800");

        // The list and the rule catalogue show it.
        var list = await (await reader.GetAsync("/api/v1/regions/bj-etdz/parameters")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldContain(Day);
        var rules = await (await reader.GetAsync("/api/v1/regions/bj-etdz/rules")).ReadJsonAsync();
        var fee = rules.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "bj.fee.schedule");
        var feeDay = fee.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("id").GetString() == Day);
        feeDay.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("value").GetString()).ShouldBe(["800", "900"]);
        rules.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "bj.card.internal-format")
            .TryGetProperty("parameters", out _).ShouldBeFalse();

        // Audited, with the rules applied.
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "parameter.value.add" && e.TargetId == Day).ToListAsync());
        var entry = audit.ShouldHaveSingleItem();
        entry.Rules.ShouldBe(["cn.parameters.not-retroactive", "bj.fee.schedule"]);
        entry.Jurisdiction.ShouldBe("11.ETDZ");
    }

    [Fact]
    public async Task A_value_added_on_one_Host_applies_on_another_Host_of_the_same_database_at_its_next_request()
    {
        await using var other = SupervisionApp.With(new Dictionary<string, string?>(), app.ConnectionString);
        using var reader = other.CreateClient(await other.TokenForAsync(Roles.Auditor, "11"));
        const string Entry = "2032-03-01T09:00:00+08:00", Exit = "2032-03-01T11:00:00+08:00";
        (await QuoteAsync(reader, Entry, Exit)).GetProperty("total").GetDecimal().ShouldBe(400m); // the other Host has answered before the change
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        var added = await admin.PostJsonAsync($"/api/v1/regions/bj-etdz/parameters/{HalfDay}/values", new { effectiveFrom = "2032-03-01", value = "450", reason = "两台Host" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var quote = await QuoteAsync(reader, Entry, Exit);
        quote.GetProperty("total").GetDecimal().ShouldBe(450m);
        Cited(quote, HalfDay).ShouldBe(("450", "2032-03-01"));
        (await QuoteAsync(reader, "2032-02-29T09:00:00+08:00", "2032-02-29T11:00:00+08:00")).GetProperty("total").GetDecimal().ShouldBe(400m);
    }

    [Fact]
    public async Task A_raised_age_limit_applies_to_appointments_from_its_date_through_the_kernels_endpoint()
    {
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        var raised = await admin.PostJsonAsync("/api/v1/regions/bj-etdz/parameters/bj.eligibility.age.max-men/values",
            new { effectiveFrom = "2031-01-01", value = 66, reason = "延迟退休后的年龄条件" });
        raised.StatusCode.ShouldBe(HttpStatusCode.Created, await raised.Content.ReadAsStringAsync());
        // Born 1964-06-01: 66 from 2030-06-01. Before the change he is over the limit; from its day he is not.
        foreach (var (start, expected, cited) in new[] { ("2030-12-31", HttpStatusCode.UnprocessableEntity, "bj.eligibility.age.max-men = 65 (2023-01-01)"), ("2031-01-01", HttpStatusCode.Created, null) })
        {
            var supervisor = await Seed.SupervisorAsync(app, "11.ETDZ", idNumber: Seed.IdNumber("110105", new DateOnly(1964, 6, 1), male: true));
            var response = await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor.Id}/appointments", new { appointedBy = "11", start });
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, body);
            if (cited is not null) body.ShouldContain(cited);
        }
    }

    [Theory]
    [InlineData("Today")]
    [InlineData("Yesterday")]
    public async Task A_value_from_today_or_earlier_is_refused_as_retroactive_and_changes_nothing(string when)
    {
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var day = when == "Today" ? today : today.AddDays(-1);
        var stored = await StoredAsync();
        var response = await admin.PostJsonAsync($"/api/v1/regions/bj-etdz/parameters/{HalfDay}/values",
            new { effectiveFrom = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = "450", reason = "补发" });
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("violations")[0].GetProperty("rule").GetString().ShouldBe("cn.parameters.not-retroactive");
        (await StoredAsync()).ShouldBe(stored);
    }

    [Theory]
    [InlineData("Another_province", Roles.ProvinceAdmin, "44", 403)]
    [InlineData("Zone_centre_operator", Roles.CenterOperator, "11.ETDZ", 403)]
    [InlineData("Auditor", Roles.Auditor, "11", 403)]
    [InlineData("National_admin", Roles.NationalAdmin, "CN", 201)]
    public async Task Only_an_administrator_over_the_packs_jurisdiction_adds_a_value(string name, string role, string jurisdiction, int status)
    {
        using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
        var stored = await StoredAsync();
        var response = await client.PostJsonAsync($"/api/v1/regions/bj-etdz/parameters/{HalfDay}/values",
            new { effectiveFrom = "2040-01-01", value = 500, reason = name }); // a JSON number is read as its text
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await StoredAsync()).ShouldBe(stored + (status == 201 ? 1 : 0));
    }

    [Fact]
    public async Task A_national_parameter_is_changed_by_the_national_admin_only()
    {
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        (await province.GetAsync("/api/v1/regions/cn/parameters")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await province.GetAsync("/api/v1/regions/national/parameters")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The kernel declares none yet (docs/parameters.md): an unknown id is 404 for everyone.
        var response = await province.PostJsonAsync("/api/v1/regions/cn/parameters/cn.nothing/values", new { effectiveFrom = "2040-01-01", value = "1", reason = "x" });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Not_a_number", "八百", "2040-02-01", "value")]
    [InlineData("Three_decimals", "800.001", "2040-02-01", "value")]
    [InlineData("Negative", "-5", "2040-02-01", "value")]
    [InlineData("Too_large", "1000000.01", "2040-02-01", "value")]
    [InlineData("Empty_value", "", "2040-02-01", "value")]
    [InlineData("No_date", "800", null, "effectiveFrom")]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing(string name, string value, string? effectiveFrom, string field)
    {
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        var stored = await StoredAsync();
        var response = await admin.PostJsonAsync($"/api/v1/regions/bj-etdz/parameters/{Day}/values", new { effectiveFrom, value, reason = name });
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldContain(field, problem.ToString());
        (await StoredAsync()).ShouldBe(stored);
    }

    [Theory]
    [InlineData("/api/v1/regions/bj-etdz/parameters/bj.fee.per-activity.day/values", "{\"effectiveFrom\":\"2040-13-01\",\"value\":\"1\",\"reason\":\"x\"}", 400)]
    [InlineData("/api/v1/regions/bj-etdz/parameters/bj.fee.per-activity.day/values", "{\"effectiveFrom\":\"2040-01-01\",\"value\":true,\"reason\":\"x\"}", 400)]
    [InlineData("/api/v1/regions/bj-etdz/parameters/bj.fee.per-activity.day/values", "{\"effectiveFrom\":\"2040-01-01\",\"value\":1e400,\"reason\":\"x\"}", 400)]
    [InlineData("/api/v1/regions/bj-etdz/parameters/bj.no-such/values", "{\"effectiveFrom\":\"2040-01-01\",\"value\":\"1\",\"reason\":\"x\"}", 404)]
    [InlineData("/api/v1/regions/zz/parameters/bj.fee.per-activity.day/values", "{\"effectiveFrom\":\"2040-01-01\",\"value\":\"1\",\"reason\":\"x\"}", 404)]
    public async Task Malformed_requests_and_unknown_parameters_are_problems_never_500(string url, string json, int status)
    {
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "11"));
        var stored = await StoredAsync();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PostAsync(url, content);
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await StoredAsync()).ShouldBe(stored);
        (await admin.GetAsync("/api/v1/regions/bj-etdz/parameters/bj.fee.per-activity.day?on=2040-13-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/regions/zz/parameters")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
