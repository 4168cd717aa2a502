using System.Globalization;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Supervisors.Register;

public sealed class Request
{
    /// <example>陈志强</example>
    public string Name { get; set; } = string.Empty;
    /// <summary>公民身份号码 (GB 11643): 18 characters (lower-case x accepted) or a 15-digit legacy number. Stored encrypted; shown masked.</summary>
    /// <example>44010619850315002X</example>
    public string IdNumber { get; set; } = string.Empty;
    /// <summary>external (外督) | internal (内督).</summary>
    /// <example>external</example>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Jurisdiction of the record (<c>44</c>, <c>44.A</c>).</summary>
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>Required for an internal supervisor (an institution inside the jurisdiction); forbidden for an external one.</summary>
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>Mainland mobile (1[3-9] + 9 digits) or landline (010-12345678). Stored encrypted; shown masked.</summary>
    /// <example>13912345678</example>
    public string? Phone { get; set; }
    public ExperienceDto? Experience { get; set; }
    public ConditionsDto? Conditions { get; set; }
    public List<ConflictDto> Conflicts { get; set; } = [];
}

public sealed class Validator : Validator<Request>
{
    /// <summary>The endpoint's validator (FastEndpoints builds it inside the running Host).</summary>
    public Validator() => Define(Resolve<TimeProvider>());

    /// <summary>
    /// The same rules outside an endpoint (the import worker): the clock comes from the caller's services, not from
    /// FastEndpoints' process-wide resolver, which may belong to another (even disposed) Host in the same process.
    /// </summary>
    public Validator(TimeProvider clock) => Define(clock);

    private void Define(TimeProvider clock)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.IdNumber).Custom((value, ctx) =>
        {
            // The kernel's reason names the positions, never the number.
            if (!ResidentIdNumber.TryParse(value, ChinaTime.DateOf(clock.GetUtcNow()), out _, out var error))
                ctx.AddFailure(error.Message.Get(CultureInfo.CurrentUICulture));
        });
        RuleFor(r => r.Kind).Must(SupervisorFields.Kinds.Contains).WithMessage("'kind' must be external or internal");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.InstitutionId).NotEmpty().When(r => r.Kind == "internal").WithMessage("an internal supervisor needs 'institutionId'");
        RuleFor(r => r.InstitutionId).Null().When(r => r.Kind == "external").WithMessage("an external supervisor has no 'institutionId'");
        RuleFor(r => r.Phone).Must(SupervisorFields.IsPhone).When(r => r.Phone is not null).WithMessage("'phone' must be a mainland mobile (1[3-9] + 9 digits) or landline number");
        RuleFor(r => r.Experience!).SetValidator(new ExperienceValidator()).When(r => r.Experience is not null);
        RuleFor(r => r.Conflicts).NotNull().WithMessage("'conflicts' must be a list ([] for none)").Must(c => c is null || c.Count <= 50).WithMessage("'conflicts': at most 50");
        RuleForEach(r => r.Conflicts).NotNull().WithMessage("each conflict is an object").SetValidator(new ConflictValidator());
    }
}
