using FastEndpoints;
using FluentValidation;

namespace SupervisionCore.Plugins.Yunnan.Features.Eligibility.Check;

/// <summary>The experience a prospective supervisor attests (YN 6(三)).</summary>
public sealed class Request
{
    /// <summary>Works as management or technical staff of skill-level recognition (从事职业技能等级认定管理或技术工作).</summary>
    /// <example>true</example>
    public bool IsRecognitionManagementOrTechnicalStaff { get; set; }

    /// <summary>Completed years as an examiner (承担考评工作年限), 0–80.</summary>
    /// <example>5</example>
    public int ExaminerYears { get; set; }
}

/// <summary>Examiner years are a plausible count of completed years.</summary>
public sealed class RequestValidator : Validator<Request>
{
    public RequestValidator() =>
        RuleFor(r => r.ExaminerYears).InclusiveBetween(0, 80).WithMessage("examinerYears 应为 0 到 80 之间的整数", "examinerYears must be between 0 and 80");
}
