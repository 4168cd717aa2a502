using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Kernel.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SupervisionCore.Host.Auth;

/// <summary>Registers the embedded OpenIddict server, token validation and trusted external issuers.</summary>
public static class AuthSetup
{
    /// <summary>The default scheme: forwards each bearer token to the embedded validation or to the external issuer that minted it.</summary>
    public const string ApiScheme = "api";

    public static IServiceCollection AddSupervisionAuth(this IServiceCollection services, AuthOptions auth, KeyRing keys, bool isProduction)
    {
        var requireHttps = auth.RequireHttps ?? isProduction;
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<SupervisionDbContext>();
                // N Hosts share one database: a per-process entity cache would serve stale clients (and caches
                // "not found" for a client another Host has just created).
                o.DisableEntityCaching();
            })
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(auth.Issuer, UriKind.Absolute));
                o.SetTokenEndpointUris("connect/token").SetAuthorizationEndpointUris("connect/authorize");
                o.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                // PKCE with S256 only: 'plain' sends the verifier itself in the authorisation request (RFC 9700 §2.1.1).
                o.Configure(options =>
                {
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                o.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(TokenThrottle.OnTokenResponse));
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(auth.AccessTokenMinutes));
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(auth.RefreshTokenDays));
                o.AddSigningKey(keys.SigningKey).AddEncryptionKey(keys.EncryptionKey);
                // Access tokens are signed JWTs (at+jwt) that resource servers and other Hosts verify with the JWKS.
                o.DisableAccessTokenEncryption();
                var aspnet = o.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough();
                if (!requireHttps) aspnet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(auth.Audience);
                // OpenIddict checks exp itself but not nbf: let the token handler check both (ASVS V9.2.1, 5 min skew).
                o.Configure(v => v.TokenValidationParameters.ValidateLifetime = true);
                o.UseAspNetCore();
            });

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = ApiScheme;
                o.DefaultChallengeScheme = ApiScheme;
            })
            .AddPolicyScheme(ApiScheme, "Bearer token (embedded or external issuer)", o => o.ForwardDefaultSelector = http => SelectScheme(http, auth))
            .AddCookie(OidcEndpoints.LoginScheme, o => OidcEndpoints.ConfigureLoginCookie(o));

        foreach (var external in auth.ExternalIssuers)
        {
            authentication.AddJwtBearer(ExternalScheme(external), o =>
            {
                o.Authority = external.Authority;
                o.Audience = external.Audience;
                o.RequireHttpsMetadata = external.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.ValidIssuer = external.EffectiveIssuer;
                o.TokenValidationParameters.RoleClaimType = SupervisionClaims.Role;
                o.Events = new JwtBearerEvents { OnTokenValidated = ctx => { MapClaims(ctx.Principal, external); return Task.CompletedTask; } };
            });
        }

        services.AddScoped<ClientRegistry>();
        services.AddScoped<Users>();
        return services;
    }

    private static string ExternalScheme(ExternalIssuerOptions external) => "external:" + external.Name;

    /// <summary>
    /// Reads the token's <c>iss</c> without validating it, only to pick the scheme that will. A token that cannot
    /// be read goes to the embedded validation, which rejects it with a 401 (never a 500).
    /// </summary>
    private static string SelectScheme(HttpContext http, AuthOptions auth)
    {
        if (auth.ExternalIssuers.Count == 0) return OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            try
            {
                var handler = new JsonWebTokenHandler();
                if (handler.CanReadToken(token))
                {
                    var issuer = handler.ReadJsonWebToken(token).Issuer;
                    var match = auth.ExternalIssuers.FirstOrDefault(e => string.Equals(e.EffectiveIssuer.TrimEnd('/'), issuer?.TrimEnd('/'), StringComparison.Ordinal));
                    if (match is not null) return ExternalScheme(match);
                }
            }
            catch (ArgumentException)
            {
                // Malformed: let the embedded validation reject it.
            }
        }
        return OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    /// <summary>Maps an external IdP's role and jurisdiction claims (dotted JSON paths allowed) to ours.</summary>
    internal static void MapClaims(ClaimsPrincipal? principal, ExternalIssuerOptions external)
    {
        if (principal?.Identity is not ClaimsIdentity identity) return;
        foreach (var role in ReadPath(identity, external.RoleClaim))
            if (!identity.HasClaim(SupervisionClaims.Role, role)) identity.AddClaim(new Claim(SupervisionClaims.Role, role));
        if (external.JurisdictionClaim != SupervisionClaims.Jurisdiction && ReadPath(identity, external.JurisdictionClaim).FirstOrDefault() is { } j)
            identity.AddClaim(new Claim(SupervisionClaims.Jurisdiction, j));
    }

    private static IEnumerable<string> ReadPath(ClaimsIdentity identity, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return identity.FindAll(path).Select(c => c.Value);
        var root = identity.FindFirst(path[..dot]);
        if (root is null) return [];
        try
        {
            var node = JsonDocument.Parse(root.Value).RootElement;
            foreach (var part in path[(dot + 1)..].Split('.'))
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node)) return [];
            return node.ValueKind == JsonValueKind.Array ? [.. node.EnumerateArray().Select(e => e.ToString())] : [node.ToString()];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
