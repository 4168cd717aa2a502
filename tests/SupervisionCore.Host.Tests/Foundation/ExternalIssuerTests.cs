using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using SupervisionCore.Host.Auth;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Foundation;

/// <summary>A province's own identity provider, trusted by configuration (here: a second Host acting as that IdP).</summary>
public sealed class ExternalIssuerTests
{
    [Fact]
    public async Task Tokens_of_a_configured_external_issuer_are_accepted_and_others_refused()
    {
        await using var idp = HostProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Supervision"] = TestCluster.NewDatabase("externalidp"),
            ["Bootstrap:AdminClientId"] = "province-idp-client",
            ["Bootstrap:AdminClientSecret"] = "province-idp-secret-0123456789",
        }, issuerIsOwnAddress: true);
        await idp.WaitReadyAsync();
        using var idpClient = idp.CreateClient();
        var token = JsonDocument.Parse(await (await idpClient.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "province-idp-client", ["client_secret"] = "province-idp-secret-0123456789",
        }))).Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        using var trusting = SupervisionApp.With(new Dictionary<string, string?>
        {
            ["Auth:ExternalIssuers:0:Name"] = "province",
            ["Auth:ExternalIssuers:0:Authority"] = idp.BaseAddress.ToString(),
            ["Auth:ExternalIssuers:0:Audience"] = "supervisioncore-api",
            ["Auth:ExternalIssuers:0:RequireHttpsMetadata"] = "false",
        });
        using (var client = trusting.CreateClient(token))
            (await client.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same token is refused by a Host that does not trust that issuer.
        using var strict = new SupervisionApp();
        using (var client = strict.CreateClient(token))
            (await client.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The trusting Host still accepts its own tokens.
        using (var own = trusting.CreateClient(await trusting.AdminTokenAsync()))
            (await own.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Keycloak_style_nested_roles_and_a_custom_jurisdiction_claim_are_mapped()
    {
        var identity = new ClaimsIdentity([
            new Claim("realm_access", """{"roles":["auditor","offline_access"]}"""),
            new Claim("region", "44.A"),
        ], "external");
        AuthSetup.MapClaims(new ClaimsPrincipal(identity), new ExternalIssuerOptions { RoleClaim = "realm_access.roles", JurisdictionClaim = "region" });
        identity.FindAll("role").Select(c => c.Value).ShouldBe(["auditor", "offline_access"]);
        identity.FindFirst("jurisdiction")!.Value.ShouldBe("44.A");
    }

    [Fact]
    public void A_malformed_nested_claim_maps_nothing_and_does_not_throw()
    {
        var identity = new ClaimsIdentity([new Claim("realm_access", "{not json")], "external");
        AuthSetup.MapClaims(new ClaimsPrincipal(identity), new ExternalIssuerOptions { RoleClaim = "realm_access.roles" });
        identity.FindAll("role").ShouldBeEmpty();
    }
}
