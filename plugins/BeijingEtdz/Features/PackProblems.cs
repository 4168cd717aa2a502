using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features;

/// <summary>RFC 9457 problems in the Host's shape (a pack cannot use the Host's helper): localised title and detail, 422 with <c>violations</c>.</summary>
public static class PackProblems
{
    private static string L(string zh, string en) => new LocalizedText(zh, en).Get(CultureInfo.CurrentUICulture);

    /// <summary>403 with the reason.</summary>
    public static ProblemHttpResult Forbidden(string zh, string en) =>
        TypedResults.Problem(detail: L(zh, en), statusCode: StatusCodes.Status403Forbidden, title: L("无权访问该资源", "Forbidden"));

    /// <summary>404: unknown or outside the caller's reach (no existence leak).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: L("资源不存在", "Not found"));

    /// <summary>422 naming every violated rule.</summary>
    public static ProblemHttpResult Violations(IEnumerable<Violation> violations)
    {
        var list = violations.Select(v => new { rule = v.Rule, citation = v.Citation, message = v.Message.Get(CultureInfo.CurrentUICulture) }).ToList();
        return TypedResults.Problem(
            detail: string.Join("; ", list.Select(v => $"{v.rule}: {v.message}")),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: L("违反业务规则", "Business rule violated"),
            extensions: new Dictionary<string, object?> { ["violations"] = list });
    }
}
