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
internal static partial class SupervisorTestSupport
{
    private const string Redirect = "https://portal.example/callback";

    public static DateOnly TodayInChina => ChinaTime.DateOf(DateTimeOffset.UtcNow);

    public static async Task<HttpClient> AdminAsync(SupervisionApp app) => app.CreateClient(await app.AdminTokenAsync());

    public static async Task<HttpClient> ClientAsync(SupervisionApp app, string role, string jurisdiction) =>
        app.CreateClient(await app.TokenForAsync(role, jurisdiction));

    /// <summary>A client with the token of a signed-in user holding the role and claims.</summary>
    public static async Task<HttpClient> UserAsync(SupervisionApp app, string role, string jurisdiction, Guid? institution = null, Guid? supervisor = null)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..12];
        const string password = "a-long-enough-password";
        using (var admin = await AdminAsync(app))
        {
            (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = "portal-" + name, displayName = "Portal", roles = new[] { Roles.Auditor }, jurisdiction = "CN", redirectUris = new[] { Redirect }, @public = true }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = name, password, displayName = "测试用户", roles = new[] { role }, jurisdiction, institutionId = institution?.ToString(), supervisorId = supervisor?.ToString() }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal-" + name, ["response_type"] = "code", ["redirect_uri"] = Redirect, ["scope"] = "openid",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        var loginUrl = (await browser.GetAsync(authorize)).Headers.Location!.ToString();
        var page = await browser.GetStringAsync(loginUrl);
        var token = Antiforgery().Match(page);
        var loggedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(page).Groups[1].Value), ["username"] = name, ["password"] = password,
        }));
        var callback = (await browser.GetAsync(loggedIn.Headers.Location)).Headers.Location!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        using var spa = app.CreateClient();
        var response = await spa.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "portal-" + name, ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return app.CreateClient(JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!);
    }

    /// <summary>A registration body: external unless an institution is given; all five conditions attested unless told.</summary>
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

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();
}
