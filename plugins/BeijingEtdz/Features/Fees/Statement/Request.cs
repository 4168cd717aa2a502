using System.Globalization;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Statement;

/// <summary>Which month, and in which format.</summary>
public sealed class Request
{
    /// <summary>The month, <c>YYYY-MM</c> (China time).</summary>
    [QueryParam]
    public string? Month { get; set; }

    /// <summary><c>json</c> (default), <c>csv</c> or <c>xlsx</c>; without it the <c>Accept</c> header decides.</summary>
    [QueryParam]
    public string? Format { get; set; }

    /// <summary>The month parsed (valid after validation).</summary>
    public (int Year, int Month) Parsed() => Request.TryParseMonth(Month, out var y, out var m) ? (y, m) : throw new InvalidOperationException("month not validated");

    /// <summary>Parses <c>YYYY-MM</c>.</summary>
    public static bool TryParseMonth(string? text, out int year, out int month)
    {
        year = month = 0;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        return int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && year is >= 1 and <= 9998 && month is >= 1 and <= 12;
    }
}

/// <summary>The month is required, <c>YYYY-MM</c>, not before the first rate of bj.fee.schedule; the format is known.</summary>
public sealed class RequestValidator : Validator<Request>
{
    public RequestValidator()
    {
        var first = FeeScheduleRule.Rates[0].EffectiveFrom;
        RuleFor(r => r.Month).NotEmpty().WithMessage("month 为必填项（YYYY-MM，如 2025-06）", "month is required (YYYY-MM, e.g. 2025-06)");
        RuleFor(r => r.Month)
            .Must(m => Request.TryParseMonth(m, out _, out _)).When(r => !string.IsNullOrEmpty(r.Month))
            .WithMessage("month 应为 YYYY-MM 格式（如 2025-06）", "month must be YYYY-MM (e.g. 2025-06)");
        RuleFor(r => r.Month)
            .Must(m => Request.TryParseMonth(m, out var y, out var mo) && new DateOnly(y, mo, 1) >= new DateOnly(first.Year, first.Month, 1))
            .When(r => Request.TryParseMonth(r.Month, out _, out _))
            .WithMessage($"month 不能早于 {first:yyyy-MM}，即 {BeijingEtdzRules.FeeSchedule.Id} 施行之月",
                $"month must not be before {first:yyyy-MM}, when {BeijingEtdzRules.FeeSchedule.Id} came into force");
        RuleFor(r => r.Format)
            .Must(f => f is null || StatementFormats.All.Contains(f))
            .WithMessage("format 应为 json、csv 或 xlsx", "format must be json, csv or xlsx");
    }
}
