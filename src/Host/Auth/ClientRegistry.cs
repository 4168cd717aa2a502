using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SupervisionCore.Host.Auth;

/// <summary>What an OIDC client of this API may do: its roles and jurisdiction become claims of its tokens.</summary>
/// <param name="ClientId">Client id.</param>
/// <param name="DisplayName">Human name.</param>
/// <param name="Roles">Roles granted to its tokens.</param>
/// <param name="Jurisdiction">Jurisdiction claim of its tokens.</param>
/// <param name="RedirectUris">For interactive (authorisation code + PKCE) clients: allowed redirect URIs; empty for machine clients.</param>
/// <param name="Public">True for a public client (browser app, no secret; code + PKCE only).</param>
/// <param name="InstitutionId">For an institution's system (institution-operator role): its institution id, the <c>institution</c> claim.</param>
/// <param name="SupervisorId">For a supervisor's own app: the supervisor id, the <c>supervisor</c> claim.</param>
public sealed record ClientSpec(
    string ClientId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string Jurisdiction,
    IReadOnlyList<string>? RedirectUris = null,
    bool Public = false,
    string? InstitutionId = null,
    string? SupervisorId = null);

/// <summary>What a client's tokens carry.</summary>
public sealed record ClientGrants(IReadOnlyList<string> Roles, string Jurisdiction, string? InstitutionId, string? SupervisorId);

/// <summary>Creates and reads OIDC clients (OpenIddict applications) with their roles and jurisdiction.</summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications)
{
    private const string RolesProperty = "roles";
    private const string JurisdictionProperty = "jurisdiction";
    private const string InstitutionProperty = "institution";
    private const string SupervisorProperty = "supervisor";

    /// <summary>Creates a client; returns its secret (null for public clients). Throws when the id exists.</summary>
    public async Task<string?> CreateAsync(ClientSpec spec, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = spec.ClientId,
            DisplayName = spec.DisplayName,
            ClientType = spec.Public ? ClientTypes.Public : ClientTypes.Confidential,
        };
        if (!spec.Public)
        {
            secret ??= NewSecret();
            descriptor.ClientSecret = secret;
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        }
        if (spec.RedirectUris is { Count: > 0 })
        {
            foreach (var uri in spec.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            ]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(spec.Roles);
        descriptor.Properties[JurisdictionProperty] = JsonSerializer.SerializeToElement(spec.Jurisdiction);
        if (spec.InstitutionId is not null) descriptor.Properties[InstitutionProperty] = JsonSerializer.SerializeToElement(spec.InstitutionId);
        if (spec.SupervisorId is not null) descriptor.Properties[SupervisorProperty] = JsonSerializer.SerializeToElement(spec.SupervisorId);
        await applications.CreateAsync(descriptor, ct);
        return spec.Public ? null : secret;
    }

    /// <summary>True when a client with this id exists.</summary>
    public async Task<bool> ExistsAsync(string clientId, CancellationToken ct) =>
        await applications.FindByClientIdAsync(clientId, ct) is not null;

    /// <summary>The roles, jurisdiction and institution/supervisor binding of a client, or null when unknown.</summary>
    public async Task<ClientGrants?> GetGrantsAsync(string clientId, CancellationToken ct)
    {
        var app = await applications.FindByClientIdAsync(clientId, ct);
        if (app is null) return null;
        var properties = await applications.GetPropertiesAsync(app, ct);
        string? Read(string name) => properties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new ClientGrants(ReadRoles(properties), Read(JurisdictionProperty) ?? "", Read(InstitutionProperty), Read(SupervisorProperty));
    }

    /// <summary>Sets the secret of an existing confidential client (bootstrap rotation from configuration).</summary>
    public async Task UpdateSecretAsync(string clientId, string secret, CancellationToken ct)
    {
        var app = await applications.FindByClientIdAsync(clientId, ct) ?? throw new InvalidOperationException($"client '{clientId}' does not exist");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(app, descriptor, ct);
    }

    private static string[] ReadRoles(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(RolesProperty, out var r) && r.ValueKind == JsonValueKind.Array
            ? [.. r.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0)]
            : [];

    /// <summary>A new random secret (256 bits, base64url).</summary>
    public static string NewSecret() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
