using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Foundation;

public sealed class HostApiTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task Ready_health_check_answers_200_with_the_database_up()
    {
        using var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Access_token_is_a_signed_jwt_with_roles_jurisdiction_and_audience()
    {
        var token = await app.TokenForAsync(Roles.ProvinceAdmin, "44");
        var parts = token.Split('.');
        parts.Length.ShouldBe(3);
        var header = Decode(parts[0]);
        header.GetProperty("alg").GetString().ShouldBe("RS256");
        header.GetProperty("typ").GetString().ShouldBe("at+jwt");
        var payload = Decode(parts[1]);
        payload.GetProperty("iss").GetString().ShouldBe(SupervisionApp.Issuer);
        payload.GetProperty("aud").ToString().ShouldContain("supervisioncore-api");
        payload.GetProperty("jurisdiction").GetString().ShouldBe("44");
        payload.GetProperty("role").ToString().ShouldContain(Roles.ProvinceAdmin);
    }

    [Fact]
    public async Task Packs_lists_the_three_bundled_packs_with_manifests()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        var json = await (await client.GetAsync("/api/v1/packs")).ReadJsonAsync();
        var ids = json.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        ids.ShouldBe(["bj-etdz", "gd", "yn"], ignoreOrder: true);
        foreach (var pack in json.GetProperty("items").EnumerateArray())
        {
            // Packs declare the contract they were built for; the bundled packs are built for 2.0, the contract this Host offers.
            pack.GetProperty("kernelContract").GetString().ShouldBe("2.0");
            pack.GetProperty("sourceDocuments").GetArrayLength().ShouldBeGreaterThan(0);
            pack.GetProperty("ruleCount").GetInt32().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Rules_in_Guangdong_list_every_cn_and_gd_rule_with_citation_and_no_other_pack()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        var json = await (await client.GetAsync("/api/v1/rules?jurisdiction=44")).ReadJsonAsync();
        var rules = json.GetProperty("items").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.Count(i => i.StartsWith("cn.", StringComparison.Ordinal)).ShouldBe(26); // RULES.md's 20, cn.complaint.investigation, cn.special.matters, cn.special.self-report, cn.assessment.record, cn.supervisor.file and cn.parameters.not-retroactive (issue #19)
        ids.Count(i => i.StartsWith("gd.", StringComparison.Ordinal)).ShouldBe(16); // RULES.md's 11, gd.forms.record (issue #16), gd.daily.checks/measures/rectification and gd.incentive (issue #19)
        ids.ShouldContain("gd.forms.record");
        ids.ShouldContain("cn.appointment.max-terms");
        ids.ShouldContain("gd.dispatch.consecutive-cap");
        ids.ShouldNotContain(i => i.StartsWith("bj.", StringComparison.Ordinal) || i.StartsWith("yn.", StringComparison.Ordinal));
        var maxTerms = rules.Single(r => r.GetProperty("id").GetString() == "cn.appointment.max-terms");
        maxTerms.GetProperty("citation").GetString().ShouldBe("CN 8");
        maxTerms.GetProperty("articleZh").GetString().ShouldBe("第八条");
    }

    [Fact]
    public async Task Rules_of_one_pack_and_404_for_a_pack_not_enabled()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        var yn = await (await client.GetAsync("/api/v1/regions/yn/rules")).ReadJsonAsync();
        yn.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldAllBe(id => id!.StartsWith("yn.", StringComparison.Ordinal));
        var missing = await client.GetAsync("/api/v1/regions/hunan/rules");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Every_api_route_without_a_token_is_401_problem_json_except_public_ones()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal))
            .Where(e => !e.RoutePattern.RawText!.Contains("/public/", StringComparison.Ordinal))
            .ToList();
        routes.Count.ShouldBeGreaterThan(8);
        using var client = app.CreateClient();
        foreach (var endpoint in routes)
        {
            var path = "/" + string.Join('/', endpoint.RoutePattern.RawText!.TrimStart('/').Split('/').Select(s => s.StartsWith('{') ? "x" : s));
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", $"{method} {path}");
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0LyIsInJvbGUiOiJuYXRpb25hbC1hZG1pbiJ9.")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0LyJ9.c2lnbmF0dXJl")]
    public async Task Malformed_or_forged_token_is_401_never_500(string token)
    {
        using var client = app.CreateClient(token);
        var response = await client.GetAsync("/api/v1/packs");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadJsonAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task Bad_query_value_is_400_naming_the_field_and_localised()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rules?jurisdiction=Guangdong!");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("jurisdiction");
    }

    [Fact]
    public async Task Problem_titles_are_chinese_by_default_and_english_on_request()
    {
        using var client = app.CreateClient();
        var zh = await (await client.GetAsync("/api/v1/packs")).ReadJsonAsync();
        zh.GetProperty("title").GetString()!.ShouldContain("未认证");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/packs");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var en = await (await client.SendAsync(request)).ReadJsonAsync();
        en.GetProperty("title").GetString()!.ShouldStartWith("Unauthorized");
    }

    [Fact]
    public async Task Jurisdiction_tree_has_national_root_provinces_and_pack_sub_jurisdictions()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        var json = await (await client.GetAsync("/api/v1/jurisdictions")).ReadJsonAsync();
        var codes = json.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("CN");
        codes.ShouldContain("66");
        codes.ShouldContain("44.A");
        codes.ShouldContain("44.W");
        codes.ShouldContain("11.ETDZ");
    }

    [Fact]
    public async Task Discovery_document_advertises_token_and_authorization_endpoints()
    {
        using var client = app.CreateClient();
        var json = await (await client.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();
        json.GetProperty("issuer").GetString().ShouldBe(SupervisionApp.Issuer);
        json.GetProperty("token_endpoint").GetString()!.ShouldEndWith("/connect/token");
        json.GetProperty("authorization_endpoint").GetString()!.ShouldEndWith("/connect/authorize");
        json.GetProperty("grant_types_supported").ToString().ShouldContain("client_credentials");
    }

    private static JsonElement Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return JsonDocument.Parse(Convert.FromBase64String(padded)).RootElement;
    }
}
