using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.AspNetCore;

namespace SupervisionCore.Host.Errors;

/// <summary>RFC 9457 problem responses with localised titles, as every endpoint sends them.</summary>
public static class Problems
{
    // One table of titles for the Host and every pack (SupervisionCore.Plugins.AspNetCore): they cannot drift.
    private static readonly LocalizedText NotFoundTitle = ProblemTitles.For(StatusCodes.Status404NotFound)!;
    private static readonly LocalizedText ForbiddenTitle = ProblemTitles.For(StatusCodes.Status403Forbidden)!;
    private static readonly LocalizedText ConflictTitle = ProblemTitles.For(StatusCodes.Status409Conflict)!;
    private static readonly LocalizedText RuleTitle = ProblemTitles.For(StatusCodes.Status422UnprocessableEntity)!;

    private static string L(LocalizedText t) => t.Get(CultureInfo.CurrentUICulture);

    /// <summary>404: the object does not exist or lies outside the caller's jurisdiction (no existence leak).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: L(NotFoundTitle));

    /// <summary>403 with the reason.</summary>
    public static ProblemHttpResult Forbidden(LocalizedText detail) =>
        TypedResults.Problem(detail: L(detail), statusCode: StatusCodes.Status403Forbidden, title: L(ForbiddenTitle));

    /// <summary>409 with the reason.</summary>
    public static ProblemHttpResult Conflict(LocalizedText detail) =>
        TypedResults.Problem(detail: L(detail), statusCode: StatusCodes.Status409Conflict, title: L(ConflictTitle));

    /// <summary>
    /// 409 for an act refused because of the state it meets (already done, not yet possible, out of order), naming the rule
    /// like a 422 does: <c>violations: [{rule, citation, message}]</c>.
    /// </summary>
    public static ProblemHttpResult RuleConflict(IEnumerable<Violation> violations)
    {
        var list = violations.Select(v => new ViolationDto(v.Rule, v.Citation, L(v.Message))).ToList();
        return TypedResults.Problem(
            detail: string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}")),
            statusCode: StatusCodes.Status409Conflict,
            title: L(ConflictTitle),
            extensions: new Dictionary<string, object?> { ["violations"] = list });
    }

    /// <summary>422 naming every violated rule: <c>violations: [{rule, citation, message}]</c>.</summary>
    public static ProblemHttpResult Violations(IEnumerable<Violation> violations)
    {
        var list = violations.Select(v => new ViolationDto(v.Rule, v.Citation, L(v.Message))).ToList();
        return TypedResults.Problem(
            detail: string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}")),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: L(RuleTitle),
            extensions: new Dictionary<string, object?> { ["violations"] = list });
    }
}

/// <summary>One violated rule as sent to clients.</summary>
/// <param name="Rule" example="cn.recusal.conflict">Rule id.</param>
/// <param name="Citation" example="CN 16">Source and article.</param>
/// <param name="Message" example="督导员与被督导机构存在利害关系，应当回避">Explanation.</param>
public sealed record ViolationDto(string Rule, string Citation, string Message)
{
    /// <summary>The violation with its message in the request's language.</summary>
    public static ViolationDto From(Violation v) => new(v.Rule, v.Citation, v.Message.Get(CultureInfo.CurrentUICulture));
}
