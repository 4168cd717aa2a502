using FastEndpoints;
using FluentValidation;

namespace SupervisionCore.Plugins.Region.Features.Eligibility.Check;

/// <summary>A prospective supervisor's examining experience.</summary>
public sealed class Request
{
    /// <summary>Completed years as an examiner, 0–80.</summary>
    public int ExaminerYears { get; set; }
}

/// <summary>
/// Bad input is a 400 problem naming the field, never a 500; the message is in the request's language (Accept-Language:
/// zh-CN by default, en), like the Host's: a message of the pack's own is given in Chinese and English
/// (<c>WithMessage(zh, en)</c> of SupervisionCore.Plugins.AspNetCore's <c>PackValidation</c>; an endpoint's own check:
/// <c>AddError(PackValidation.Failure(field, zh, en))</c>). FluentValidation's own messages are already in both.
/// </summary>
public sealed class RequestValidator : Validator<Request>
{
    public RequestValidator() =>
        RuleFor(r => r.ExaminerYears).InclusiveBetween(0, 80).WithMessage("examinerYears 应为 0 到 80 之间的整数", "examinerYears must be between 0 and 80");
}
