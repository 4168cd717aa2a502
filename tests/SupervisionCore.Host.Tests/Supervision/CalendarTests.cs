using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Supervision;

public sealed class CalendarTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("2025-01-24", 5, "2025-02-07")] // Spring Festival 01-28..02-04, Sunday 01-26 and Saturday 02-08 worked
    [InlineData("2025-09-26", 5, "2025-10-10")] // National Day 10-01..10-08, Sunday 09-28 worked
    [InlineData("2026-02-13", 5, "2026-02-27")] // Spring Festival 02-15..02-23, Saturday 02-14 worked
    [InlineData("2026-09-18", 5, "2026-09-24")] // Mid-Autumn 09-25..09-27, Sunday 09-20 worked
    [InlineData("2025-03-07", 0, "2025-03-07")]
    public async Task Deadline_counts_official_working_days_after_the_day(string from, int days, string due)
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        var json = await (await client.GetAsync($"/api/v1/calendar/deadline?from={from}&workingDays={days}")).ReadJsonAsync();
        json.GetProperty("due").GetString().ShouldBe(due);
        json.GetProperty("assumed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_year_without_data_is_assumed_until_the_national_admin_loads_it()
    {
        using var reader = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        var before = await (await reader.GetAsync("/api/v1/calendar/deadline?from=2028-01-28&workingDays=3")).ReadJsonAsync();
        before.GetProperty("assumed").GetBoolean().ShouldBeTrue();
        before.GetProperty("due").GetString().ShouldBe("2028-02-02"); // Mon–Fri only

        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var put = await admin.PutAsync("/api/v1/calendar/years/2028", System.Net.Http.Json.JsonContent.Create(new
        {
            source = "国办发明电〔2027〕test号",
            daysOff = new[] { new { first = "2028-01-01", last = "2028-01-03" }, new { first = "2028-01-31", last = "2028-02-06" } },
            adjustedWorkingDays = new[] { "2028-01-29" },
        }));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var after = await (await reader.GetAsync("/api/v1/calendar/deadline?from=2028-01-28&workingDays=3")).ReadJsonAsync();
        after.GetProperty("assumed").GetBoolean().ShouldBeFalse();
        after.GetProperty("due").GetString().ShouldBe("2028-02-08"); // Sat 01-29 worked, 01-31..02-06 off
        var year = await (await reader.GetAsync("/api/v1/calendar/years/2028")).ReadJsonAsync();
        year.GetProperty("origin").GetString().ShouldBe("loaded");
        (await (await reader.GetAsync("/api/v1/calendar/years/2025")).ReadJsonAsync()).GetProperty("origin").GetString().ShouldBe("published");
        (await (await reader.GetAsync("/api/v1/calendar/years/2031")).ReadJsonAsync()).GetProperty("assumed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Only_the_national_admin_loads_a_year_and_a_bad_arrangement_is_400()
    {
        var body = new { source = "x", daysOff = new[] { new { first = "2029-10-01", last = "2029-10-07" } }, adjustedWorkingDays = Array.Empty<string>() };
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        (await province.PutAsync("/api/v1/calendar/years/2029", System.Net.Http.Json.JsonContent.Create(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var bad = await admin.PutAsync("/api/v1/calendar/years/2029", System.Net.Http.Json.JsonContent.Create(new
        {
            source = "x", daysOff = new[] { new { first = "2030-10-07", last = "2030-10-01" } }, adjustedWorkingDays = Array.Empty<string>(),
        }));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("daysOff");
        (await (await admin.GetAsync("/api/v1/calendar/years/2029")).ReadJsonAsync()).GetProperty("assumed").GetBoolean().ShouldBeTrue();
    }
}
