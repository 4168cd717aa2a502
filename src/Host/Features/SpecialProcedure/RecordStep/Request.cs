using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Procedures;

namespace SupervisionCore.Host.Features.SpecialProcedure.RecordStep;

public sealed class Request
{
    /// <summary>The special task.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }
    /// <summary>self-report | site-visit | preliminary-opinion | rebuttal | opinion-letter | rectification-report | closed.</summary>
    /// <example>preliminary-opinion</example>
    public string Step { get; set; } = string.Empty;
    /// <summary>The step's text: the self-report's summary, visit notes, the opinion, the rebuttal, the letter, the rectification report.</summary>
    /// <example>现场核查发现部分考生报名材料与资格条件不符，初步意见为责令整改。</example>
    public string? Text { get; set; }
    /// <summary>Attached documents (metadata and SHA-256).</summary>
    public List<AttachmentDto> Attachments { get; set; } = [];
    /// <summary>The day the step happened (China time).</summary>
    /// <example>2025-06-01</example>
    public DateOnly? On { get; set; }
    /// <summary>With <c>preliminary-opinion</c> only: the last day of the rebuttal period (a date, set by the dispatching authority).</summary>
    /// <example>2025-06-06</example>
    public DateOnly? RebuttalDue { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Step).Must(s => SpecialSteps.TryParse(s, out _)).WithMessage("'step' must be one of " + string.Join(", ", SpecialSteps.All));
        RuleFor(r => r.Text).MaximumLength(20000);
        RuleFor(r => r.On).NotNull().WithMessage("'on' (the day of the step) is required");
        RuleFor(r => r.RebuttalDue).NotNull().When(r => r.Step == "preliminary-opinion").WithMessage("'rebuttalDue' is required with a preliminary opinion");
        RuleFor(r => r.RebuttalDue).Null().When(r => r.Step != "preliminary-opinion").WithMessage("'rebuttalDue' is set only with a preliminary opinion");
        RuleFor(r => r.Attachments).NotNull().WithMessage("'attachments' must be a list ([] for none)").Must(a => a is null || a.Count <= 20).WithMessage("at most 20 attachments");
        RuleForEach(r => r.Attachments).NotNull().WithMessage("each attachment is an object").ChildRules(a =>
        {
            a.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            a.RuleFor(x => x.MediaType).NotEmpty().MaximumLength(100).Matches(@"^[\w.+-]+/[\w.+-]+$").WithMessage("'mediaType' must be a media type such as application/pdf");
            a.RuleFor(x => x.Size).GreaterThanOrEqualTo(0);
            a.RuleFor(x => x.Sha256).Matches("^[0-9a-fA-F]{64}$").WithMessage("'sha256' must be 64 hex characters");
        });
    }
}
