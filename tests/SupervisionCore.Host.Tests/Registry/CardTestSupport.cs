using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>Helpers of the card tests: issuing through the API, and real tokens for people (institution operators).</summary>
internal static partial class CardTestSupport
{
    private const string Redirect = "https://portal.example/callback";

    public static Task<HttpResponseMessage> IssueAsync(this HttpClient client, Guid supervisorId, string issuedOn, string? authorityId = null) =>
        client.PostJsonAsync($"/api/v1/supervisors/{supervisorId}/cards", new { issuedOn, authorityId });

    public static async Task<string> IssuedNumberAsync(this HttpClient client, Guid supervisorId, string issuedOn, string? authorityId = null)
    {
        var response = await client.IssueAsync(supervisorId, issuedOn, authorityId);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
    }

    public static IEnumerable<string> Rules(this JsonElement problem) =>
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!);

    public static async Task<T> DbAsync<T>(this SupervisionApp app, Func<SupervisionDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SupervisionDbContext>());
    }

    /// <summary>
    /// A real token of a person (institution operators carry the <c>institution</c> claim, which only user accounts have):
    /// the admin API creates the user and a public portal client, then the authorisation code flow with PKCE runs.
    /// </summary>
    public static async Task<string> UserTokenAsync(SupervisionApp app, string role, string jurisdiction, Guid? institutionId = null)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..12];
        const string password = "a-long-test-password-123";
        using (var admin = app.CreateClient(await app.AdminTokenAsync()))
        {
            (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = "portal-" + name, displayName = "Portal", roles = new[] { Roles.Auditor }, jurisdiction, redirectUris = new[] { Redirect }, @public = true }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = name, password, displayName = "操作员", roles = new[] { role }, jurisdiction, institutionId = institutionId?.ToString() }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal-" + name, ["response_type"] = "code", ["redirect_uri"] = Redirect,
            ["scope"] = "openid", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s",
        });
        var loginUrl = (await browser.GetAsync(authorize)).Headers.Location!.ToString();
        var page = await browser.GetStringAsync(loginUrl);
        var token = AntiforgeryField().Match(page);
        var loggedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value), ["username"] = name, ["password"] = password,
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
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
