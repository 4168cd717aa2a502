using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Kernel.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SupervisionCore.Host.Auth;

/// <summary>
/// The embedded authorisation server's own endpoints (OpenIddict passthrough): the token endpoint (client
/// credentials, authorisation code + PKCE, refresh token), the authorisation endpoint and a minimal login page.
/// </summary>
public static class OidcEndpoints
{
    public const string LoginScheme = "login";

    public static void MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", TokenAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/account/login", LoginPage).ExcludeFromDescription();
        app.MapPost("/account/login", LoginAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> TokenAsync(HttpContext http, ClientRegistry clients, SupervisionDbContext db, IOptions<AuthOptions> options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var ct = http.RequestAborted;
        if (request.IsClientCredentialsGrantType())
        {
            var grants = await clients.GetGrantsAsync(request.ClientId!, ct);
            if (grants is null) return Forbid(OpenIddictConstants.Errors.InvalidClient, "unknown client");
            var identity = NewIdentity(request.ClientId!, request.ClientId!, grants.Roles, grants.Jurisdiction, grants.InstitutionId, grants.SupervisorId);
            identity.SetClaim(Claims.ClientId, request.ClientId);
            return SignIn(identity, request.GetScopes(), options.Value.Audience);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var subject = previous?.GetClaim(Claims.Subject);
            var account = Guid.TryParse(subject, out var id) ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) : null;
            if (account is null || account.LockedUntil > DateTimeOffset.UtcNow)
                return Forbid(OpenIddictConstants.Errors.InvalidGrant, "the account no longer exists or is locked");
            // Roles and jurisdiction are read again, so a refresh never extends revoked access.
            var identity = ForUser(account);
            return SignIn(identity, previous!.GetScopes(), options.Value.Audience);
        }
        return Forbid(OpenIddictConstants.Errors.UnsupportedGrantType, "grant type not supported");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, SupervisionDbContext db, IOptions<AuthOptions> options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var login = await http.AuthenticateAsync(LoginScheme);
        if (!login.Succeeded || !Guid.TryParse(login.Principal.FindFirstValue(Claims.Subject), out var userId))
        {
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [LoginScheme]);
        }
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, http.RequestAborted);
        if (account is null) return Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [LoginScheme]);
        return SignIn(ForUser(account), request.GetScopes(), options.Value.Audience);
    }

    private static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error) =>
        Results.Content(LoginHtml.Render(antiforgery.GetAndStoreTokens(http), SafeReturnUrl(returnUrl), error), "text/html; charset=utf-8");

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, Users users)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var (result, account) = await users.CheckAsync(form["username"].ToString(), form["password"].ToString(), http.RequestAborted);
        if (result != LoginResult.Succeeded || account is null)
            return Results.Redirect($"/account/login?error={(result == LoginResult.LockedOut ? "locked" : "invalid")}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        var identity = new ClaimsIdentity(LoginScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, account.UserName));
        await http.SignInAsync(LoginScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    /// <summary>
    /// Only local return URLs (no open redirect, ASVS 5.0 V3.7.2). Browsers drop tab, CR and LF anywhere in a URL and read a
    /// backslash as a slash, so <c>/\t/evil.example/</c> or <c>/\\evil.example</c> would leave the site: control characters
    /// (C0, DEL, C1) are stripped first, then only a single-slash absolute path without backslash is kept; anything else is "/".
    /// </summary>
    internal static string SafeReturnUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "/";
        var cleaned = string.Concat(url.Where(c => !char.IsControl(c)));
        var local = cleaned.Length > 0 && cleaned[0] == '/'
            && (cleaned.Length == 1 || (cleaned[1] != '/' && cleaned[1] != '\\'))
            && !cleaned.Contains('\\', StringComparison.Ordinal);
        return local ? cleaned : "/";
    }

    private static ClaimsIdentity ForUser(UserAccount account)
    {
        var identity = NewIdentity(account.Id.ToString(), account.UserName, account.Roles, account.Jurisdiction, account.InstitutionId, account.SupervisorId);
        identity.SetClaim(Claims.PreferredUsername, account.UserName);
        return identity;
    }

    private static ClaimsIdentity NewIdentity(string subject, string name, IEnumerable<string> roles, string jurisdiction, string? institution, string? supervisor)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(Claims.Name, name);
        identity.SetClaims(Claims.Role, [.. roles]);
        identity.SetClaim(SupervisionClaims.Jurisdiction, jurisdiction);
        if (institution is not null) identity.SetClaim(SupervisionClaims.Institution, institution);
        if (supervisor is not null) identity.SetClaim(SupervisionClaims.Supervisor, supervisor);
        return identity;
    }

    private static IResult SignIn(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        identity.SetScopes(scopes);
        identity.SetAudiences(audience);
        identity.SetResources(audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    internal static CookieAuthenticationOptions ConfigureLoginCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = "/account/login";
        o.Cookie.Name = "sc.login";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = false;
        return o;
    }
}
