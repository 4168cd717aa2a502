using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features;

/// <summary>The caller as the pack reads it from the token's claims (the pack cannot use the Host's access helpers).</summary>
public static class Caller
{
    /// <summary>The caller's jurisdiction, or null when missing or malformed.</summary>
    public static JurisdictionCode? Jurisdiction(this ClaimsPrincipal user) =>
        JurisdictionCode.TryParse(user.FindFirstValue(SupervisionClaims.Jurisdiction), out var code) ? code : null;

    /// <summary>The part of Yunnan the caller acts on: its own jurisdiction inside 53, or 53 when its jurisdiction contains 53; null otherwise.</summary>
    public static JurisdictionCode? YunnanScope(this ClaimsPrincipal user) =>
        user.Jurisdiction() is not { } own ? null
        : YunnanRules.Jurisdiction.Contains(own) ? own
        : own.Contains(YunnanRules.Jurisdiction) ? YunnanRules.Jurisdiction
        : null;

    /// <summary>True when the caller may act on <paramref name="where"/>.</summary>
    public static bool CanAccess(this ClaimsPrincipal user, JurisdictionCode where) => user.YunnanScope() is { } scope && scope.Contains(where);

    /// <summary>The institution of an institution operator.</summary>
    public static Guid? Institution(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SupervisionClaims.Institution), out var id) ? id : null;

    /// <summary>True for an institution operator (who acts on its own institution only).</summary>
    public static bool IsInstitutionOperator(this ClaimsPrincipal user) =>
        user.HasClaim(SupervisionClaims.Role, Roles.InstitutionOperator)
        && !user.HasClaim(c => c.Type == SupervisionClaims.Role && c.Value is Roles.NationalAdmin or Roles.ProvinceAdmin or Roles.CenterOperator);

    /// <summary>A stable actor id (client or user id), never personal data.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue("client_id") ?? user.FindFirstValue("azp") ?? "anonymous";
}

/// <summary>A violated rule in the request's language.</summary>
/// <param name="Rule" example="yn.learning.annual">Rule id.</param>
/// <param name="Citation" example="YN 17">Citation (<c>YN 17</c>).</param>
/// <param name="Message" example="2025年度未参加合格的业务学习，取消质量督导员资格">zh-CN or en by Accept-Language.</param>
public sealed record ViolationDto(string Rule, string Citation, string Message)
{
    public static ViolationDto From(Violation v) => new(v.Rule, v.Citation, v.Message.Get(CultureInfo.CurrentUICulture));
}

/// <summary>RFC 9457 problems shaped as the Host's (<c>violations: [{rule, citation, message}]</c>).</summary>
public static class PackProblems
{
    private static bool Zh => !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: 404, title: Zh ? "未找到" : "Not found");

    public static ProblemHttpResult Forbidden(LocalizedText detail) =>
        TypedResults.Problem(detail: detail.Get(CultureInfo.CurrentUICulture), statusCode: 403, title: Zh ? "无权操作" : "Forbidden");

    public static ProblemHttpResult Conflict(LocalizedText detail, IEnumerable<Violation>? violations = null) =>
        TypedResults.Problem(detail: detail.Get(CultureInfo.CurrentUICulture), statusCode: 409, title: Zh ? "状态冲突" : "Conflict",
            extensions: violations is null ? null : new Dictionary<string, object?> { ["violations"] = violations.Select(ViolationDto.From).ToList() });

    public static ProblemHttpResult Violations(IEnumerable<Violation> violations)
    {
        var list = violations.Select(ViolationDto.From).ToList();
        return TypedResults.Problem(detail: string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}")), statusCode: 422,
            title: Zh ? "违反规则" : "Rule violated", extensions: new Dictionary<string, object?> { ["violations"] = list });
    }
}

/// <summary>What a rule did to a supervisor (qualification revoked: cards withdrawn, appointments ended, blacklisted).</summary>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="Action" example="revoke-qualification"><c>revoke-qualification</c>.</param>
/// <param name="Rule">The rule and reason.</param>
/// <param name="Changed" example="true">False when nothing changed (already revoked, or a dry run).</param>
/// <param name="WithdrawnCards" example='["Y530001250007"]'>Card numbers withdrawn.</param>
/// <param name="Blacklisted" example="true">True when a registry bar (blacklist entry) was recorded.</param>
public sealed record ConsequenceDto(string SupervisorId, string Action, ViolationDto Rule, bool Changed, IReadOnlyList<string> WithdrawnCards, bool Blacklisted);
