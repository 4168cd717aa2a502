using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 items 5, 6 and 8: only local return URLs after login (table of known open-redirect bypasses), PKCE S256 only,
/// and throttled failed client authentication on <c>/connect/token</c> (429 + Retry-After, audited).
/// </summary>
public sealed partial class LoginHardeningTests : IAsyncLifetime
{
    private const string Redirect = "https://portal.example/callback";
    private const string Password = "a-long-enough-password";
    private readonly ProxiedApp _app = ProxiedApp.Create();

    /// <summary>
    /// The Host as behind a reverse proxy on loopback: the in-process test server has no peer address, so one is set and
    /// <c>X-Forwarded-For</c> (trusted from loopback, as in production behind the proxy) gives each request its client address.
    /// </summary>
    private sealed class ProxiedApp : SupervisionApp
    {
        public static ProxiedApp Create() => new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:TokenFailuresPerClient", "3");
            builder.UseSetting("RateLimits:TokenFailuresPerAddress", "6");
            builder.UseSetting("RateLimits:TokenFailureWindowSeconds", "300");
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackPeer>());
        }
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, go) => { http.Connection.RemoteIpAddress ??= IPAddress.Loopback; return go(http); });
            next(app);
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> NewUserAsync()
    {
        var name = "r" + Guid.NewGuid().ToString("N")[..12];
        using var admin = _app.CreateClient(await _app.AdminTokenAsync());
        (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = name, password = Password, displayName = "跳转测试", roles = new[] { Roles.Auditor }, jurisdiction = "44" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return name;
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string user, string password, string returnUrl)
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page);
        token.Success.ShouldBeTrue(page);
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["returnUrl"] = returnUrl, ["username"] = user, ["password"] = password,
        }));
    }

    /// <summary>Known open-redirect bypasses: each must land on "/" (a local path), never on another host.</summary>
    public static TheoryData<string, string> ReturnUrls() => new()
    {
        { "tab between slashes", "/\t/evil.example/" },
        { "newline between slashes", "/\n/evil.example/" },
        { "carriage return between slashes", "/\r/evil.example/" },
        { "vertical tab between slashes", "/\v/evil.example/" },
        { "DEL between slashes", "/\u007f/evil.example/" },
        { "protocol-relative", "//evil.example/" },
        { "slash backslash", "/\\evil.example/" },
        { "backslash backslash", "\\\\evil.example/" },
        { "backslash later", "/a\\..\\\\evil.example/" },
        { "absolute https", "https://evil.example/" },
        { "javascript scheme", "javascript:alert(1)" },
        { "leading tab", "\t//evil.example/" },
        { "leading space", " //evil.example/" },
        { "triple slash", "///evil.example/" },
        { "tab after first slash", "/\t\\evil.example/" },
        { "C1 control (NEL)", "/\u0085/evil.example/" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public async Task A_return_url_that_could_leave_the_site_becomes_slash(string name, string returnUrl)
    {
        var user = await NewUserAsync();
        using var browser = Browser();
        var response = await LoginAsync(browser, user, Password, returnUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, name);
        response.Headers.Location!.OriginalString.ShouldBe("/", name);
        // A failed login keeps the return URL in its own query: also only the safe one.
        using var other = Browser();
        var failed = await LoginAsync(other, user, "wrong-password-123", returnUrl);
        var back = failed.Headers.Location!.OriginalString;
        back.ShouldStartWith("/account/login?error=invalid&returnUrl=", Case.Sensitive, name);
        QueryHelpers.ParseQuery(back[back.IndexOf('?', StringComparison.Ordinal)..])["returnUrl"].ToString().ShouldBe("/", name);
    }

    [Fact]
    public async Task A_NUL_in_the_login_form_is_a_400_not_a_500()
    {
        // ASP.NET Core refuses to decode %00 in a form field; that refusal is bad input, and nothing redirects anywhere.
        var user = await NewUserAsync();
        using var browser = Browser();
        var response = await LoginAsync(browser, user, Password, "/\0/evil.example/");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=x&response_type=code")]
    [InlineData("/api/v1/rules")]
    [InlineData("/")]
    public async Task A_local_return_url_is_kept(string returnUrl)
    {
        var user = await NewUserAsync();
        using var browser = Browser();
        var response = await LoginAsync(browser, user, Password, returnUrl);
        response.Headers.Location!.OriginalString.ShouldBe(returnUrl);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("", false)]
    [InlineData("S256", true)]
    public async Task Authorize_accepts_only_the_S256_code_challenge_method(string method, bool accepted)
    {
        var clientId = "pkce-" + Guid.NewGuid().ToString("N")[..10];
        using (var admin = _app.CreateClient(await _app.AdminTokenAsync()))
            (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId, displayName = "Portal", roles = new[] { Roles.Auditor }, jurisdiction = "44", redirectUris = new[] { Redirect }, @public = true }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Redirect, ["scope"] = "openid",
            ["code_challenge"] = method == "S256" ? Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_') : verifier,
        };
        if (method.Length > 0) query["code_challenge_method"] = method;
        using var browser = Browser();
        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query));
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (accepted)
        {
            location.ShouldStartWith("http://localhost/account/login", Case.Sensitive, location);
            return;
        }
        // Refused before any login: an OAuth error back to the client (or a 400), never the login page.
        location.ShouldNotContain("/account/login");
        (location.Contains("error=invalid_request", StringComparison.Ordinal) || response.StatusCode == HttpStatusCode.BadRequest).ShouldBeTrue($"{(int)response.StatusCode} {location}");
    }

    private async Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret, string? forwardedFor = null)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private async Task<int> ThrottledEntriesAsync() =>
        await _app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "auth.token.throttled"));

    [Fact]
    public async Task Failed_client_authentication_is_throttled_per_client_with_retry_after_and_audited()
    {
        var clientId = "brute-" + Guid.NewGuid().ToString("N")[..10];
        await _app.TokenForAsync(Roles.Auditor, "44", clientId);
        var audited = await ThrottledEntriesAsync();
        for (var i = 0; i < 3; i++)
            (await ClientCredentialsAsync(clientId, "wrong-secret-" + i)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        var refused = await ClientCredentialsAsync(clientId, "wrong-secret-4");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        int.Parse(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        // Locked for the window even with the right secret (else guessing goes on), other clients unaffected.
        (await ClientCredentialsAsync(clientId, "secret-" + clientId)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await ThrottledEntriesAsync()).ShouldBeGreaterThan(audited);
        (await _app.AdminTokenAsync()).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Failed_client_authentication_is_throttled_per_address_across_client_ids()
    {
        const string address = "203.0.113.77";
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
            last = await ClientCredentialsAsync("spray-" + i + "-" + Guid.NewGuid().ToString("N")[..6], "guess", address);
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        // Another address is not affected.
        (await ClientCredentialsAsync("spray-other", "guess", "203.0.113.78")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
