using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>Shared steps of the Yunnan pack's integration tests (53, pack loaded from disk).</summary>
public static class YunnanSupport
{
    public static DateOnly Today => ChinaTime.DateOf(DateTimeOffset.UtcNow);

    /// <summary>An appointed supervisor in 53 with a valid card from a year ago; returns id and card number.</summary>
    public static async Task<(Guid Id, string Card)> AppointedAsync(SupervisionApp app, string kind = "external", Guid? institution = null, string? idNumber = null, string name = "张三")
    {
        var s = await Seed.SupervisorAsync(app, "53", kind, institution, idNumber ?? Seed.IdNumber("530102"), name);
        await Seed.AppointAndCardAsync(app, s.Id, "53", new DateOnly(Today.Year - 1, 1, 1));
        var card = await app.DbAsync(db => db.Cards.Where(c => c.SupervisorId == s.Id).Select(c => c.Number).SingleAsync());
        return (s.Id, card);
    }

    /// <summary>A task in 53 on the institution, ten days ahead, through the API.</summary>
    public static async Task<Guid> TaskAsync(HttpClient operatorClient, Guid institution, string kind = "daily", Guid? activityId = null)
    {
        var start = DateTimeOffset.UtcNow.AddDays(10);
        object body = activityId is { } a
            ? new { kind, authorityId = "53", activityId = a, matters = new[] { "考场秩序" } }
            : new { kind, authorityId = "53", institutionId = institution, windowStart = start, windowEnd = start.AddHours(6), matters = new[] { "考场秩序" } };
        var response = await operatorClient.PostJsonAsync("/api/v1/supervision-tasks", body);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    /// <summary>Invites the supervisor to the task by manual assignment; returns the assignment id.</summary>
    public static async Task<Guid> InviteAsync(HttpClient operatorClient, Guid task, Guid supervisor, string role = "external")
    {
        var response = await operatorClient.PostJsonAsync($"/api/v1/supervision-tasks/{task}/assignments", new { supervisorId = supervisor, role });
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> RefuseAsync(HttpClient client, Guid assignment)
    {
        var response = await client.PostJsonAsync($"/api/v1/assignments/{assignment}/refusal", new { reason = "另有安排" });
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static string[] Rules(this JsonElement problem) => problem.ViolatedRules();
}
