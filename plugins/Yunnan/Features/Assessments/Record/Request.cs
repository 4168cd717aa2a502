using FastEndpoints;
using FluentValidation;

namespace SupervisionCore.Plugins.Yunnan.Features.Assessments.Record;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid SupervisorId { get; set; }
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>合格 (true) or 不合格 (false).</summary>
    /// <example>true</example>
    public bool Passed { get; set; }
    /// <summary>China day of the assessment decision; in <see cref="Year"/> or the first quarter after it.</summary>
    /// <example>2025-12-20</example>
    public DateOnly AssessedOn { get; set; }
    /// <example>年度考核合格</example>
    public string? Note { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.SupervisorId).NotEmpty();
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' 应在 2000 至 2100 之间", "'year' must be between 2000 and 2100");
        RuleFor(r => r.AssessedOn).Must((r, d) => d.Year == r.Year || d.Year == r.Year + 1).WithMessage("'assessedOn' 应在 'year' 当年或次年", "'assessedOn' must fall in 'year' or the year after");
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}
