using System.Globalization;
using SupervisionCore.Kernel;

namespace SupervisionCore.Plugins.AspNetCore;

/// <summary>
/// The title of every problem+json response by HTTP status, in Chinese (default) and English: one table for the Host
/// and every pack, so a client sees the same title for the same status wherever the response comes from.
/// </summary>
public static class ProblemTitles
{
    /// <summary>Every title by status.</summary>
    public static IReadOnlyDictionary<int, LocalizedText> All { get; } = new Dictionary<int, LocalizedText>
    {
        [400] = new("请求无效", "Bad request"),
        [401] = new("未认证：需要有效的访问令牌", "Unauthorized: a valid access token is required"),
        [403] = new("无权访问该资源", "Forbidden"),
        [404] = new("资源不存在", "Not found"),
        [405] = new("不支持该请求方法", "Method not allowed"),
        [406] = new("无法提供该格式", "Not acceptable"),
        [409] = new("与现有数据冲突", "Conflict"),
        [413] = new("请求体过大", "Request body too large"),
        [415] = new("不支持的内容类型", "Unsupported media type"),
        [422] = new("违反业务规则", "Business rule violated"),
        [429] = new("请求过于频繁", "Too many requests"),
        [500] = new("服务器内部错误", "Internal server error"),
        [503] = new("服务暂不可用", "Service unavailable"),
    };

    /// <summary>The title of <paramref name="status"/>, or null when the table has none.</summary>
    public static LocalizedText? For(int status) => All.TryGetValue(status, out var title) ? title : null;

    /// <summary>The title of <paramref name="status"/> in the request's language (<see cref="CultureInfo.CurrentUICulture"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no title for the status.</exception>
    public static string Text(int status) =>
        (For(status) ?? throw new ArgumentOutOfRangeException(nameof(status), status, "no problem title for this status")).Get(CultureInfo.CurrentUICulture);
}
