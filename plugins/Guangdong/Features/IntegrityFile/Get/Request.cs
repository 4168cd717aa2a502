using FastEndpoints;
using FluentValidation;

namespace SupervisionCore.Plugins.Guangdong.Features.IntegrityFile.Get;

/// <summary>Which file, in which format.</summary>
public sealed class Request
{
    /// <summary>The supervisor's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary><c>json</c> (default), <c>csv</c> or <c>xlsx</c>; the Accept header (<c>text/csv</c>, the xlsx media type) works too.</summary>
    [QueryParam]
    public string? Format { get; set; }
}

/// <summary>Checks the format.</summary>
public sealed class Validator : Validator<Request>
{
    /// <summary>The rules.</summary>
    public Validator() =>
        RuleFor(r => r.Format).Must(f => f is null || IntegrityFileExport.Formats.Contains(f)).WithMessage("'format' 应为 json、csv 或 xlsx", "'format' must be json, csv or xlsx");
}
