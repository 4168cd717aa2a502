using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>With the default configuration (no private targets), a webhook to a loopback, private, link-local or metadata address is refused (SSRF).</summary>
public sealed class WebhookSsrfTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.0.0.8/hook")]
    [InlineData("https://192.168.1.20/hook")]
    [InlineData("http://172.20.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("ftp://8.8.8.8/hook")]
    public async Task A_webhook_to_a_private_address_or_outside_http_is_400_and_nothing_is_subscribed(string url)
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var before = await RegistryTestData.AuditCountAsync(app);
        var response = await admin.PostJsonAsync("/api/v1/webhooks", new { url });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).NamesField("url").ShouldBeTrue();
        (await RegistryTestData.AuditCountAsync(app)).ShouldBe(before);
        var list = await (await admin.GetAsync("/api/v1/webhooks")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().ShouldNotContain(w => w.GetProperty("url").GetString() == url);
    }

    [Fact]
    public async Task English_callers_get_the_reason_in_the_problem()
    {
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://10.0.0.8/hook" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).ReasonFor("url").ShouldContain("private");
    }
}
