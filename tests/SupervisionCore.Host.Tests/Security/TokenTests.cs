using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupervisionCore.Host.Auth;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Forged and broken bearer tokens (ASVS V9): each is a 401 problem+json that does not echo the token, never a 500.
/// The control case — a token minted here with the Host's real signing key — proves the forger itself is right, so the
/// refusals are due to the one thing each case changes.
/// </summary>
[Collection(SecuritySuite.Name)]
public sealed class TokenTests(SecurityWorld world)
{
    private KeyRing Keys => KeyRing.Load(new AuthOptions { Issuer = SupervisionApp.Issuer },
        new DbContextOptionsBuilder<SupervisionDbContext>().UseSupervisionDatabase(world.App.ConnectionString).Options);

    private static string Mint(SigningCredentials credentials, string issuer = SupervisionApp.Issuer, string audience = "supervisioncore-api",
        DateTime? expires = null, DateTime? notBefore = null, string type = "at+jwt")
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            TokenType = type,
            Subject = new ClaimsIdentity([new Claim("sub", "forger"), new Claim("client_id", "forger"), new Claim(SupervisionClaims.Role, Roles.NationalAdmin), new Claim(SupervisionClaims.Jurisdiction, "CN"), new Claim("scope", "openid")]),
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private SigningCredentials RealKey => new(Keys.SigningKey, SecurityAlgorithms.RsaSha256);

    [Fact]
    public async Task Control_a_token_minted_with_the_real_key_and_claims_is_accepted()
    {
        var status = await StatusAsync(Mint(RealKey));
        status.ShouldBe(HttpStatusCode.OK);
    }

    public static TheoryData<string> Cases() => ["alg-none", "hs256-with-public-key", "wrong-issuer", "wrong-audience", "expired-beyond-skew", "not-yet-valid", "unknown-kid", "wrong-type", "tampered-payload", "stripped-signature"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Forged_token_is_401_problem_json(string kind)
    {
        var token = kind switch
        {
            "alg-none" => Unsigned(Mint(RealKey)),
            "hs256-with-public-key" => HmacWithPublicKey(),
            "wrong-issuer" => Mint(RealKey, issuer: "http://evil.example/"),
            "wrong-audience" => Mint(RealKey, audience: "another-api"),
            "expired-beyond-skew" => Mint(RealKey, expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-70)),
            "not-yet-valid" => Mint(RealKey, notBefore: DateTime.UtcNow.AddMinutes(30), expires: DateTime.UtcNow.AddMinutes(90)),
            "unknown-kid" => Mint(new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "unknown-key" }, SecurityAlgorithms.RsaSha256)),
            "wrong-type" => Mint(RealKey, type: "JWT+id"),
            "tampered-payload" => Tamper(Mint(RealKey)),
            "stripped-signature" => string.Join('.', Mint(RealKey).Split('.')[..2]) + ".",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        await ShouldBeRefusedAsync(token);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("eyJ!!!.eyJ###.***")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLy4uLy4uL2V0Yy9wYXNzd2QifQ.e30.c2ln")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.bm90IGpzb24.")]
    public async Task Malformed_token_is_401_problem_json(string token) => await ShouldBeRefusedAsync(token);

    [Fact]
    public async Task Huge_token_is_refused_without_a_500() => await ShouldBeRefusedAsync(new string('A', 60_000), allowHeaderTooLarge: true);

    private async Task ShouldBeRefusedAsync(string token, bool allowHeaderTooLarge = false)
    {
        using var client = world.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/supervisors");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (allowHeaderTooLarge && (int)response.StatusCode == 431) return;
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (token.Length > 8) body.ShouldNotContain(token[..Math.Min(token.Length, 40)]);
        body.ShouldNotContain("Exception");
    }

    private async Task<HttpStatusCode> StatusAsync(string token)
    {
        using var client = world.App.CreateClient(token);
        return (await client.GetAsync("/api/v1/supervisors")).StatusCode;
    }

    private static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return B64(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")) + "." + parts[1] + ".";
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"CN\"", "\"44\"", StringComparison.Ordinal);
        return parts[0] + "." + B64(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
    }

    /// <summary>The classic confusion: HS256 with the server's public key (PEM and raw modulus) as the HMAC secret.</summary>
    private string HmacWithPublicKey()
    {
        var rsa = Keys.SigningKey.Rsa ?? RSA.Create(Keys.SigningKey.Parameters);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();
        var header = B64(Encoding.UTF8.GetBytes($"{{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"{Keys.SigningKey.KeyId}\"}}"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = B64(Encoding.UTF8.GetBytes($"{{\"iss\":\"{SupervisionApp.Issuer}\",\"aud\":\"supervisioncore-api\",\"sub\":\"forger\",\"role\":\"national-admin\",\"jurisdiction\":\"CN\",\"iat\":{now - 60},\"nbf\":{now - 60},\"exp\":{now + 1800}}}"));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(pem), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + B64(signature);
    }
}
