using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Foundation;

/// <summary>A person signs in on the login page; the browser app gets a code (PKCE) and tokens, then refreshes.</summary>
public sealed partial class AuthorizationCodeFlowTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Redirect = "https://portal.example/callback";

    private async Task CreatePortalAndUserAsync(string userName, string password)
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = "portal-" + userName, displayName = "Portal", roles = new[] { Roles.Auditor }, jurisdiction = "44", redirectUris = new[] { Redirect }, @public = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, password, displayName = "王五", roles = new[] { Roles.CenterOperator }, jurisdiction = "44.A" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient browser, string loginUrl, string userName, string password)
    {
        var page = await browser.GetStringAsync(loginUrl);
        var token = AntiforgeryField().Match(page);
        token.Success.ShouldBeTrue(page);
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value);
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["returnUrl"] = returnUrl, ["username"] = userName, ["password"] = password,
        }));
    }

    [Fact]
    public async Task Code_with_pkce_gives_tokens_with_the_users_grants_and_refresh_works()
    {
        await CreatePortalAndUserAsync("wang.wu", "a-very-good-password");
        using var browser = Browser();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal-wang.wu", ["response_type"] = "code", ["redirect_uri"] = Redirect,
            ["scope"] = "openid profile offline_access", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "xyz",
        });

        var toLogin = await browser.GetAsync(authorize);
        toLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var loginUrl = toLogin.Headers.Location!.ToString();
        loginUrl.ShouldContain("/account/login");

        var loggedIn = await SubmitLoginAsync(browser, loginUrl, "wang.wu", "a-very-good-password");
        loggedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = await browser.GetAsync(loggedIn.Headers.Location);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var callback = back.Headers.Location!;
        callback.ToString().ShouldStartWith(Redirect);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().ShouldBe("xyz");

        using var spa = app.CreateClient();
        var tokens = await Exchange(spa, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "portal-wang.wu", ["code"] = query["code"].ToString(),
            ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        });
        var access = tokens.GetProperty("access_token").GetString()!;
        tokens.TryGetProperty("refresh_token", out var refresh).ShouldBeTrue();
        using (var api = app.CreateClient(access))
            (await api.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Payload(access).GetProperty("jurisdiction").GetString().ShouldBe("44.A");

        var refreshed = await Exchange(spa, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "portal-wang.wu", ["refresh_token"] = refresh.GetString()!,
        });
        Payload(refreshed.GetProperty("access_token").GetString()!).GetProperty("role").ToString().ShouldContain(Roles.CenterOperator);
    }

    [Fact]
    public async Task Code_without_the_right_verifier_is_refused()
    {
        await CreatePortalAndUserAsync("zhao.liu", "another-good-password");
        using var browser = Browser();
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes("the-real-verifier-0123456789012345678901234")));
        var authorize = $"/connect/authorize?client_id=portal-zhao.liu&response_type=code&redirect_uri={Uri.EscapeDataString(Redirect)}&scope=openid&code_challenge={challenge}&code_challenge_method=S256";
        var login = (await browser.GetAsync(authorize)).Headers.Location!.ToString();
        var loggedIn = await SubmitLoginAsync(browser, login, "zhao.liu", "another-good-password");
        var code = QueryHelpers.ParseQuery((await browser.GetAsync(loggedIn.Headers.Location)).Headers.Location!.Query)["code"].ToString();
        using var spa = app.CreateClient();
        var response = await spa.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "portal-zhao.liu", ["code"] = code,
            ["redirect_uri"] = Redirect, ["code_verifier"] = "a-wrong-verifier-0123456789012345678901234567",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await CreatePortalAndUserAsync("sun.qi", "the-right-password");
        using var browser = Browser();
        for (var i = 0; i < 5; i++)
            (await SubmitLoginAsync(browser, "/account/login?returnUrl=/", "sun.qi", "wrong-password")).Headers.Location!.ToString().ShouldContain("error=invalid");
        var locked = await SubmitLoginAsync(browser, "/account/login?returnUrl=/", "sun.qi", "the-right-password");
        locked.Headers.Location!.ToString().ShouldContain("error=locked");
    }

    [Fact]
    public async Task Login_never_redirects_to_another_site()
    {
        await CreatePortalAndUserAsync("zhou.ba", "zhou-good-password");
        using var browser = Browser();
        var response = await SubmitLoginAsync(browser, "/account/login?returnUrl=https://evil.example/", "zhou.ba", "zhou-good-password");
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    private static async Task<JsonElement> Exchange(HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part += new string('=', (4 - part.Length % 4) % 4);
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
