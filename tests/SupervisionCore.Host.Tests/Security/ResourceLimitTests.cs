using System.Net;
using System.Net.Http.Json;
using System.Text;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>Resource limits (OWASP API4): page size cap, body size cap, per-client rate limits on public endpoints, issuance and draws.</summary>
public sealed class ResourceLimitTests : IAsyncLifetime
{
    private readonly SupervisionApp _app = SupervisionApp.With(new Dictionary<string, string?>
    {
        ["RateLimits:PublicPerMinute"] = "5",
        ["RateLimits:IssuancePerMinute"] = "3",
        ["RateLimits:DrawsPerMinute"] = "3",
        ["Http:MaxRequestBodyBytes"] = "65536",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("pageSize=101", HttpStatusCode.BadRequest)]
    [InlineData("pageSize=100000", HttpStatusCode.BadRequest)]
    [InlineData("pageSize=0", HttpStatusCode.BadRequest)]
    [InlineData("page=0", HttpStatusCode.BadRequest)]
    [InlineData("pageSize=100", HttpStatusCode.OK)]
    public async Task Page_size_is_capped_at_100(string query, HttpStatusCode expected)
    {
        using var client = _app.CreateClient(await _app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        foreach (var list in new[] { "/api/v1/supervisors", "/api/v1/institutions", "/api/v1/supervision-tasks", "/api/v1/assignments", "/api/v1/activities" })
        {
            var response = await client.GetAsync($"{list}?{query}");
            response.StatusCode.ShouldBe(expected, $"{list}?{query}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("/api/v1/supervisors")]
    [InlineData("/api/v1/institutions")]
    [InlineData("/api/v1/imports")]
    public async Task A_write_without_a_content_type_is_415_problem_json_naming_the_header_and_an_anonymous_one_is_401(string path)
    {
        using var client = _app.CreateClient(await _app.TokenForAsync(Roles.NationalAdmin, "CN"));
        var response = await client.PostAsync(path, content: null);
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Content-Type");
        body.ShouldContain("application/json");

        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsync(path, content: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operation_without_a_body_needs_no_content_type()
    {
        using var client = _app.CreateClient(await _app.TokenForAsync(Roles.NationalAdmin, "CN"));
        // Verifying a draw takes no body: an unknown id is 404, not 415.
        (await client.PostAsync($"/api/v1/draws/{Guid.NewGuid()}/verify", content: null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_413_problem_json_before_authentication_and_a_body_under_it_is_not()
    {
        using var anonymous = _app.CreateClient();
        var big = new StringContent("{\"name\":\"" + new string('a', 70_000) + "\"}", Encoding.UTF8, "application/json");
        var refused = await anonymous.PostAsync("/api/v1/institutions", big);
        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var admin = _app.CreateClient(await _app.AdminTokenAsync());
        var small = await admin.PostAsync("/api/v1/institutions", new StringContent("{\"name\":\"" + new string('a', 60_000) + "\"}", Encoding.UTF8, "application/json"));
        small.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Public_card_verification_is_rate_limited_per_client_with_retry_after()
    {
        using var client = _app.CreateClient();
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) statuses.Add(await client.GetAsync("/api/v1/public/cards/R43250001"));
        statuses.Take(5).ShouldAllBe(r => r.StatusCode != HttpStatusCode.TooManyRequests);
        await ShouldBeTooManyAsync(statuses[5]);
        await ShouldBeTooManyAsync(await client.GetAsync("/api/v1/public/draws"));
    }

    [Fact]
    public async Task Card_issuance_is_rate_limited_per_principal()
    {
        using var operatorA = _app.CreateClient(await _app.TokenForAsync(Roles.CenterOperator, "43"));
        using var operatorB = _app.CreateClient(await _app.TokenForAsync(Roles.CenterOperator, "43"));
        var supervisor = await Seed.SupervisorAsync(_app, "43", idNumber: Seed.IdNumber("430102"));
        for (var i = 0; i < 3; i++)
            (await operatorA.PostAsJsonAsync($"/api/v1/supervisors/{supervisor.Id}/cards", new { issuedOn = "2025-06-01" })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        await ShouldBeTooManyAsync(await operatorA.PostAsJsonAsync($"/api/v1/supervisors/{supervisor.Id}/cards", new { issuedOn = "2025-06-01" }));
        // Another principal has its own allowance.
        (await operatorB.PostAsJsonAsync($"/api/v1/supervisors/{supervisor.Id}/cards", new { issuedOn = "2025-06-01" })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Draws_are_rate_limited_per_principal()
    {
        using var client = _app.CreateClient(await _app.TokenForAsync(Roles.CenterOperator, "43"));
        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = "43", filter = new { }, count = 1 })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        await ShouldBeTooManyAsync(await client.PostAsJsonAsync("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = "43", filter = new { }, count = 1 }));
        await ShouldBeTooManyAsync(await client.PostAsJsonAsync($"/api/v1/supervision-tasks/{Guid.NewGuid()}/draws", new { }));
    }

    private static async Task ShouldBeTooManyAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, await response.Content.ReadAsStringAsync());
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
