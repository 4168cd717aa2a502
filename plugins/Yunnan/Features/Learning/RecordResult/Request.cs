using FastEndpoints;
using FluentValidation;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.RecordResult;

public sealed class Request
{
    /// <example>0193a5c7-5c32-7d4e-af60-7b8c9d0e1f2a</example>
    public Guid Id { get; set; }
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid SupervisorId { get; set; }
    /// <summary>Attended the session (参加).</summary>
    /// <example>true</example>
    public bool Attended { get; set; }
    /// <summary>Result when attended: true 合格, false 不合格; omitted when absent.</summary>
    /// <example>true</example>
    public bool? Passed { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Passed).NotNull().When(r => r.Attended).WithMessage("参加了学习的须填写 'passed'（true 或 false）", "an attended session needs 'passed' (true or false)");
        RuleFor(r => r.Passed).Null().When(r => !r.Attended).WithMessage("未参加学习的督导员没有 'passed'", "an absent supervisor has no 'passed'");
    }
}
