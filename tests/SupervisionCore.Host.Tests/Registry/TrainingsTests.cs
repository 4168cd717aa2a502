using System.Net;
using System.Net.Http.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Registry.SupervisorTestSupport;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class TrainingsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task Records_and_lists_trainings_in_date_order()
    {
        using var admin = await AdminAsync(app);
        var s = await RegisterAsync(admin, Body(Seed.IdNumber()));
        var first = await admin.PostAsJsonAsync($"/api/v1/supervisors/{s.Id()}/trainings", new { kind = "assessment", date = "2025-06-01", passed = false, note = "年度考核" });
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s.Id()}/trainings", new { kind = "qualification", date = "2024-03-01", passed = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await (await admin.GetAsync($"/api/v1/supervisors/{s.Id()}/trainings")).ReadJsonAsync();
        list.GetProperty("count").GetInt32().ShouldBe(2);
        list.GetProperty("items")[0].GetProperty("kind").GetString().ShouldBe("qualification");
        list.GetProperty("items")[1].GetProperty("passed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_kind_is_400_and_readers_cannot_record()
    {
        using var admin = await AdminAsync(app);
        var s = await RegisterAsync(admin, Body(Seed.IdNumber()));
        var bad = await admin.PostAsJsonAsync($"/api/v1/supervisors/{s.Id()}/trainings", new { kind = "party", date = "2024-03-01", passed = true });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("kind");
        using var auditor = await ClientAsync(app, Roles.Auditor, "44");
        (await auditor.PostAsJsonAsync($"/api/v1/supervisors/{s.Id()}/trainings", new { kind = "qualification", date = "2024-03-01", passed = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"/api/v1/supervisors/{s.Id()}/trainings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await ClientAsync(app, Roles.CenterOperator, "45");
        (await other.PostAsJsonAsync($"/api/v1/supervisors/{s.Id()}/trainings", new { kind = "qualification", date = "2024-03-01", passed = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/supervisors/{Guid.NewGuid()}/trainings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
