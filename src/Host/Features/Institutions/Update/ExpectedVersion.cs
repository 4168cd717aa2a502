using System.Globalization;
using FluentValidation.Results;

namespace SupervisionCore.Host.Features.Institutions.Update;

/// <summary>The version a PATCH was based on: the body's <c>version</c> or the <c>If-Match</c> ETag (<c>"123"</c>, weak accepted).</summary>
internal static class ExpectedVersion
{
    /// <summary>The version, or the failure naming the field when it is missing, malformed or the two disagree.</summary>
    public static (uint? Version, ValidationFailure? Failure) Of(string ifMatch, uint? body)
    {
        uint? header = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var text = ifMatch.Trim();
            if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
            if (!uint.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return (null, new ValidationFailure("If-Match", "If-Match must carry one version as returned in the ETag (\"123\")"));
            header = parsed;
        }
        if (body is { } b && header is { } h && b != h) return (null, new ValidationFailure("version", "'version' and If-Match disagree"));
        return (body ?? header) is { } expected
            ? (expected, null)
            : (null, new ValidationFailure("version", "send the version you read, as 'version' or If-Match (optimistic concurrency)"));
    }
}
