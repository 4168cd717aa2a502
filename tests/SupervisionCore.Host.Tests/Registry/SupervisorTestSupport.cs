using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>
/// Helpers of the supervisor tests: clients for people who log in (institution operators and supervisors carry their
/// <c>institution</c> / <c>supervisor</c> claim only in user tokens, got here through the real code + PKCE flow) and
/// a registration body.
/// </summary>
internal static class SupervisorTestSupport
{
    public static DateOnly TodayInChina => ChinaTime.DateOf(DateTimeOffset.UtcNow);

    public static async Task<HttpClient> AdminAsync(SupervisionApp app) => app.CreateClient(await app.AdminTokenAsync());

    public static async Task<HttpClient> ClientAsync(SupervisionApp app, string role, string jurisdiction) =>
        app.CreateClient(await app.TokenForAsync(role, jurisdiction));

    /// <summary>A client with the token of a signed-in user holding the role and claims.</summary>
    public static async Task<HttpClient> UserAsync(SupervisionApp app, string role, string jurisdiction, Guid? institution = null, Guid? supervisor = null) =>
        app.CreateClient(await app.UserTokenAsync(role, jurisdiction, institution, supervisor));

    public static object Body(string idNumber, string jurisdiction = "44", Guid? institution = null, string name = "李四", bool attested = true, string? phone = "13812345678") => new
    {
        name, idNumber, kind = institution is null ? "external" : "internal", jurisdiction, institutionId = institution, phone,
        experience = new { yearsInEvaluation = 4, yearsAsExaminer = 6, managementOrTechnicalRole = true },
        conditions = new { politicalCommitment = attested, policyKnowledge = attested, integrity = attested, organisingAndExpression = attested, health = attested },
    };

    /// <summary>Registers through the API and returns the response body.</summary>
    public static async Task<JsonElement> RegisterAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/supervisors", body);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    /// <summary>The rule ids of a 422's violations.</summary>
    public static string[] ViolatedRules(this JsonElement problem) =>
        [.. problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];
}
