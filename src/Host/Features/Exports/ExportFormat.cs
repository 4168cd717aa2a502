using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using SupervisionCore.Host.Features.Imports;
using SupervisionCore.Kernel;

namespace SupervisionCore.Host.Features.Exports;

/// <summary>The export format from <c>?format=</c> (csv | xlsx), else from <c>Accept</c> (text/csv or the xlsx media type), else xlsx.</summary>
public static class ExportFormat
{
    public static readonly string[] All = ["csv", "xlsx"];

    public static string Of(string? query, HttpRequest http)
    {
        if (query is not null) return query;
        var accept = http.GetTypedHeaders().Accept;
        if (accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))) return "csv";
        return "xlsx";
    }

    /// <summary>Headers in the caller's language.</summary>
    public static string[] Headers(IEnumerable<LocalizedText> headers) => [.. headers.Select(h => h.Get(CultureInfo.CurrentUICulture))];

    public static Task SendAsync(IEndpoint endpoint, string format, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        var (bytes, type) = format == "csv" ? (Table.Csv(headers, rows), Table.CsvType) : (Table.Xlsx(headers, rows, name), Table.XlsxType);
        var http = endpoint.HttpContext;
        http.Response.StatusCode = 200;
        http.Response.ContentType = type;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        return http.Response.Body.WriteAsync(bytes, ct).AsTask();
    }

    public static string? Text(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Text(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

/// <summary>The query every export takes: the format and an optional jurisdiction subtree.</summary>
public class ExportRequest
{
    /// <summary>csv | xlsx (default: from Accept, else xlsx).</summary>
    [QueryParam]
    public string? Format { get; set; }
    /// <summary>Only this jurisdiction and the nodes below it (inside the caller's subtree).</summary>
    [QueryParam]
    public string? Jurisdiction { get; set; }
}

public sealed class ExportRequestValidator : Validator<ExportRequest>
{
    public ExportRequestValidator()
    {
        RuleFor(r => r.Format).Must(f => f is null || ExportFormat.All.Contains(f)).WithMessage("'format' must be csv or xlsx");
        RuleFor(r => r.Jurisdiction).Must(j => j is null || Kernel.Registry.JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
    }
}
