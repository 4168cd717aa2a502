using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.CreateSession;

public sealed class Request
{
    /// <summary>The institution holding the session (institution operators: omitted or their own).</summary>
    /// <example>0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>The institution's jurisdiction inside 53 (institution operators: omitted, their own).</summary>
    /// <example>53</example>
    public string? Jurisdiction { get; set; }
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>China calendar day of the session, in <see cref="Year"/>.</summary>
    /// <example>2025-06-01</example>
    public DateOnly HeldOn { get; set; }
    /// <summary>What was taught (学习教育内容).</summary>
    /// <example>《云南省职业技能等级认定质量督导工作规程》解读及督导报告填写规范</example>
    public string Content { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' 应在 2000 至 2100 之间", "'year' must be between 2000 and 2100");
        RuleFor(r => r.HeldOn).Must((r, d) => d.Year == r.Year).WithMessage("'heldOn' 应在 'year' 当年", "'heldOn' must fall in 'year'");
        RuleFor(r => r.Content).NotEmpty().MaximumLength(2000).WithMessage("'content' 应为 1 至 2000 个字符", "'content' must be 1–2000 characters");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).When(r => r.Jurisdiction is not null).WithMessage("'jurisdiction' 应为辖区代码，如 53", "'jurisdiction' must be a code such as 53");
    }
}
