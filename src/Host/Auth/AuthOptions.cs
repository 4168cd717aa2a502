namespace SupervisionCore.Host.Auth;

/// <summary>Identity settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The embedded server's issuer URL. Every Host of a deployment must use the same value so they accept each
    /// other's tokens (default <c>http://localhost:5080/</c>).
    /// </summary>
    public string Issuer { get; set; } = "http://localhost:5080/";

    /// <summary>The audience of access tokens for this API.</summary>
    public string Audience { get; set; } = "supervisioncore-api";

    /// <summary>Access token lifetime in minutes.</summary>
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>Refresh token lifetime in days.</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>
    /// Require HTTPS for the OIDC endpoints. Null (default): required in Production, not elsewhere. Behind a TLS
    /// reverse proxy set it false explicitly.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>PEM file with the RSA signing key; when unset, a key is created once and kept in the database.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>PEM file with the RSA encryption key (authorisation codes, refresh tokens); same default as signing.</summary>
    public string? EncryptionKeyPath { get; set; }

    /// <summary>Failed logins before a user account is locked.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>Lockout duration in minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>External identity providers whose tokens are trusted as well.</summary>
    public List<ExternalIssuerOptions> ExternalIssuers { get; set; } = [];
}

/// <summary>A province's own identity provider, trusted by configuration.</summary>
public sealed class ExternalIssuerOptions
{
    /// <summary>Short name; the authentication scheme is <c>external:{Name}</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>OIDC authority (discovery at <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string Authority { get; set; } = string.Empty;

    /// <summary>The <c>iss</c> value of its tokens (default: the authority).</summary>
    public string? Issuer { get; set; }

    /// <summary>Audience its tokens must carry for this API.</summary>
    public string Audience { get; set; } = "supervisioncore-api";

    /// <summary>Claim (dotted path for nested JSON, e.g. <c>realm_access.roles</c>) holding roles.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Claim holding the jurisdiction code.</summary>
    public string JurisdictionClaim { get; set; } = "jurisdiction";

    /// <summary>Require HTTPS for its metadata (default true).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The issuer value to match tokens against.</summary>
    public string EffectiveIssuer => string.IsNullOrEmpty(Issuer) ? Authority : Issuer;
}
