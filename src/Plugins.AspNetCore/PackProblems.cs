using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.AspNetCore;

/// <summary>
/// RFC 9457 problem results as the Host sends them: the title of <see cref="ProblemTitles"/> and the detail in the
/// request's language (zh-CN by default, en with <c>Accept-Language: en</c>), violated rules as
/// <c>violations: [{rule, citation, message}]</c>. Return them from an endpoint (<c>await Send.ResultAsync(…)</c>).
/// </summary>
public static class PackProblems
{
    private static string L(LocalizedText text) => text.Get(CultureInfo.CurrentUICulture);

    /// <summary>404: the object does not exist or lies outside the caller's reach (never say which: no existence leak).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: ProblemTitles.Text(StatusCodes.Status404NotFound));

    /// <summary>404 with a localised detail.</summary>
    public static ProblemHttpResult NotFound(LocalizedText detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return NotFound(L(detail));
    }

    /// <summary>406: the object has no representation in the format asked for.</summary>
    public static ProblemHttpResult NotAcceptable(LocalizedText detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return TypedResults.Problem(detail: L(detail), statusCode: StatusCodes.Status406NotAcceptable, title: ProblemTitles.Text(StatusCodes.Status406NotAcceptable));
    }

    /// <summary>403 with the reason.</summary>
    public static ProblemHttpResult Forbidden(LocalizedText detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return TypedResults.Problem(detail: L(detail), statusCode: StatusCodes.Status403Forbidden, title: ProblemTitles.Text(StatusCodes.Status403Forbidden));
    }

    /// <summary>409 with the reason, and the rules that refused the act when there are any.</summary>
    public static ProblemHttpResult Conflict(LocalizedText detail, IEnumerable<Violation>? violations = null)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return TypedResults.Problem(detail: L(detail), statusCode: StatusCodes.Status409Conflict, title: ProblemTitles.Text(StatusCodes.Status409Conflict),
            extensions: violations is null ? null : new Dictionary<string, object?> { ["violations"] = violations.Select(ViolationDto.From).ToList() });
    }

    /// <summary>
    /// 409 for an act refused because of the state it meets (already done, not yet possible, out of order), naming the rules
    /// like a 422 does.
    /// </summary>
    public static ProblemHttpResult RuleConflict(IEnumerable<Violation> violations) => WithViolations(violations, StatusCodes.Status409Conflict);

    /// <summary>422 naming every violated rule.</summary>
    public static ProblemHttpResult Violations(IEnumerable<Violation> violations) => WithViolations(violations, StatusCodes.Status422UnprocessableEntity);

    private static ProblemHttpResult WithViolations(IEnumerable<Violation> violations, int status)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var list = violations.Select(ViolationDto.From).ToList();
        return TypedResults.Problem(
            detail: string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}")),
            statusCode: status,
            title: ProblemTitles.Text(status),
            extensions: new Dictionary<string, object?> { ["violations"] = list });
    }
}

/// <summary>One violated rule as sent to clients.</summary>
/// <param name="Rule" example="cn.recusal.conflict">Rule id.</param>
/// <param name="Citation" example="CN 16">Source and article.</param>
/// <param name="Message" example="督导员与被督导机构存在利害关系，应当回避">Explanation in the request's language.</param>
public sealed record ViolationDto(string Rule, string Citation, string Message)
{
    /// <summary>The violation with its message in the request's language.</summary>
    public static ViolationDto From(Violation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new(violation.Rule, violation.Citation, violation.Message.Get(CultureInfo.CurrentUICulture));
    }
}
