using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>YN 13 through the API: an approved qualification application, which a first appointment in 53 needs.</summary>
internal static class YunnanApplications
{
    public static async Task<Guid> ApprovedAsync(SupervisionApp app, Guid supervisorId, string on = "2025-01-10")
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var applied = await admin.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId, appliedOn = on, statement = "从事职业技能等级认定管理工作", employer = "测试单位" });
        var body = await applied.ReadJsonAsync();
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetGuid();
        (await admin.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/recommendation", new { on, opinion = "同意推荐" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/review", new { on, decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }
}
