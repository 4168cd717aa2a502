using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Features;

/// <summary>A violated rule in the request's language.</summary>
/// <param name="Rule" example="gd.daily.measures">Rule id.</param>
/// <param name="Citation" example="GD 17(三)">Citation.</param>
/// <param name="Message" example="“提醒函”须明确整改期限">zh-CN or en by Accept-Language.</param>
public sealed record ViolationDto(string Rule, string Citation, string Message)
{
    public static ViolationDto From(Violation v) => new(v.Rule, v.Citation, v.Message.Get(CultureInfo.CurrentUICulture));
}

/// <summary>RFC 9457 problems shaped as the Host's (<c>violations: [{rule, citation, message}]</c>); a pack cannot use the Host's helper.</summary>
public static class PackProblems
{
    private static bool Zh => !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);

    /// <summary>404: unknown or outside the caller's reach (no existence leak).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: 404, title: Zh ? "资源不存在" : "Not found");

    /// <summary>406: the object has no representation in the format asked for.</summary>
    public static ProblemHttpResult NotAcceptable(LocalizedText detail) =>
        TypedResults.Problem(detail: detail.Get(CultureInfo.CurrentUICulture), statusCode: 406, title: Zh ? "无法提供该格式" : "Not acceptable");

    /// <summary>409 with the rules whose state the act conflicts with.</summary>
    public static ProblemHttpResult Conflict(IEnumerable<Violation> violations)
    {
        var list = violations.Select(ViolationDto.From).ToList();
        return TypedResults.Problem(detail: string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}")), statusCode: 409, title: Zh ? "状态冲突" : "Conflict",
            extensions: new Dictionary<string, object?> { ["violations"] = list });
    }

    /// <summary>422 naming every violated rule.</summary>
    public static ProblemHttpResult Violations(IEnumerable<Violation> violations)
    {
        var list = violations.Select(ViolationDto.From).ToList();
        return TypedResults.Problem(detail: string.Join("; ", list.Select(v => $"{v.Rule}: {v.Message}")), statusCode: 422,
            title: Zh ? "违反业务规则" : "Business rule violated", extensions: new Dictionary<string, object?> { ["violations"] = list });
    }
}
