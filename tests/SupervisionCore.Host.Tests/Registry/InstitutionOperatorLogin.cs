using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>
/// A real token carrying the <c>institution</c> claim: client-credentials tokens have none, so an institution operator
/// user is created through the admin API and signs in on the login page (authorisation code + PKCE).
/// </summary>
internal static partial class InstitutionOperatorLogin
{
    private const string Redirect = "https://institution-portal.example/callback";

    public static async Task<string> TokenAsync(SupervisionApp app, Guid institutionId, string jurisdiction)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var userName = "inst-op-" + suffix;
        var clientId = "inst-portal-" + suffix;
        const string password = "institution-operator-password";
        using (var admin = app.CreateClient(await app.AdminTokenAsync()))
        {
            (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId, displayName = "Institution portal", roles = new[] { Roles.InstitutionOperator }, jurisdiction, redirectUris = new[] { Redirect }, @public = true }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, password, displayName = "机构操作员", roles = new[] { Roles.InstitutionOperator }, jurisdiction, institutionId = institutionId.ToString() }))
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
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value), ["username"] = userName, ["password"] = password,
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
