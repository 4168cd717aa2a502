using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections.Create;

public sealed class Request
{
    /// <summary>The Host's supervision task of kind annual-inspection (年检评估) this inspection carries out.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid TaskId { get; set; }
    /// <example>0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80</example>
    public Guid InstitutionId { get; set; }
    /// <summary>The institution's jurisdiction inside 53.</summary>
    /// <example>53</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>The year of recognition work inspected.</summary>
    /// <example>2025</example>
    public int Year { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.TaskId).NotEmpty();
        RuleFor(r => r.InstitutionId).NotEmpty();
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' 应为辖区代码，如 53", "'jurisdiction' must be a code such as 53");
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' 应在 2000 至 2100 之间", "'year' must be between 2000 and 2100");
    }
}
