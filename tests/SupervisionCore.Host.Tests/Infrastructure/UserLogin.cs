using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Infrastructure;

/// <summary>
/// A real token of a person who signs in: a user is created through the admin API, signs in on the login page and a
/// public client exchanges the code (authorisation code + PKCE). User tokens carry the user's <c>institution</c> and
/// <c>supervisor</c> claims.
/// </summary>
public static partial class UserLogin
{
    private const string Redirect = "https://portal.example/callback";

    public static async Task<string> UserTokenAsync(this SupervisionApp app, string role, string jurisdiction, Guid? institutionId = null, Guid? supervisorId = null)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..12];
        var clientId = "portal-" + name;
        const string password = "a-long-enough-password";
        using (var admin = app.CreateClient(await app.AdminTokenAsync()))
        {
            (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId, displayName = "Portal", roles = new[] { Roles.Auditor }, jurisdiction = "CN", redirectUris = new[] { Redirect }, @public = true }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = name, password, displayName = "测试用户", roles = new[] { role }, jurisdiction, institutionId = institutionId?.ToString(), supervisorId = supervisorId?.ToString() }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Redirect, ["scope"] = "openid",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        var loginUrl = (await browser.GetAsync(authorize)).Headers.Location!.ToString();
        var page = await browser.GetStringAsync(loginUrl);
        var antiforgery = AntiforgeryField().Match(page);
        antiforgery.Success.ShouldBeTrue(page);
        var loggedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value), ["username"] = name, ["password"] = password,
        }));
        var callback = (await browser.GetAsync(loggedIn.Headers.Location)).Headers.Location!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        using var spa = app.CreateClient();
        var response = await spa.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
