using FastEndpoints;
using FluentValidation;

namespace SupervisionCore.Plugins.Region.Features.Eligibility.Check;

/// <summary>A prospective supervisor's examining experience.</summary>
public sealed class Request
{
    /// <summary>Completed years as an examiner, 0–80.</summary>
    public int ExaminerYears { get; set; }
}

/// <summary>Bad input is a 400 problem naming the field, never a 500.</summary>
public sealed class RequestValidator : Validator<Request>
{
    public RequestValidator() =>
        RuleFor(r => r.ExaminerYears).InclusiveBetween(0, 80).WithMessage("examinerYears must be between 0 and 80");
}
