using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Draws.Inspection.Run;

public sealed class Request
{
    /// <summary>institutions | activities.</summary>
    /// <example>institutions</example>
    public string Target { get; set; } = string.Empty;
    /// <summary>The subtree drawn from (inside the caller's).</summary>
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
    public RequestFilter Filter { get; set; } = new();
    /// <summary>How many to select (capped at the population); or <see cref="Ratio"/>.</summary>
    /// <example>3</example>
    public int? Count { get; set; }
    /// <summary>Share of the population, 0 &lt; ratio ≤ 1, rounded up, at least 1.</summary>
    /// <example>null</example>
    public decimal? Ratio { get; set; }
    /// <summary>The seed (hex, 32–64 bytes): required with <see cref="Announcement"/>; otherwise generated when absent.</summary>
    /// <example>9c1185a5c5e9fc54612808977ee8f548b2258d31a4f3e2b1c0d9e8f7a6b5c4d3</example>
    public string? Seed { get; set; }
    /// <summary>An earlier announced inspection draw (seed commitment) that this run reveals.</summary>
    /// <example>null</example>
    public Guid? Announcement { get; set; }
}

public sealed class RequestFilter
{
    /// <summary>Institution kinds (employer, social-org, industry) or activity kinds (vocational-qualification, skill-level-recognition, special-ability, competition).</summary>
    /// <example>["employer", "social-org"]</example>
    public List<string> Kinds { get; set; } = [];
    /// <summary>Institutions only: active and/or notified (default both). Disqualified institutions are never drawn.</summary>
    /// <example>["active"]</example>
    public List<string> Statuses { get; set; } = [];
    /// <example>电工</example>
    public string? Occupation { get; set; }
    /// <summary>Activities starting on or after this day (China time); required for activities.</summary>
    /// <example>2025-06-01</example>
    public DateOnly? From { get; set; }
    /// <summary>Activities starting on or before this day; required for activities.</summary>
    /// <example>2025-06-30</example>
    public DateOnly? To { get; set; }
}

public sealed class Validator : Validator<Request>
{
    private static readonly string[] InstitutionKinds = ["employer", "social-org", "industry"];
    private static readonly string[] ActivityKinds = ["vocational-qualification", "skill-level-recognition", "special-ability", "competition"];

    public Validator()
    {
        RuleFor(r => r.Target).Must(t => t is "institutions" or "activities").WithMessage("'target' must be institutions or activities");
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.Filter).NotNull();
        RuleFor(r => r.Count).Must((r, c) => (c is null) != (r.Ratio is null)).WithMessage("give 'count' or 'ratio' (one of them)");
        RuleFor(r => r.Count).InclusiveBetween(1, 10000).When(r => r.Count is not null);
        RuleFor(r => r.Ratio).Must(x => x is > 0m and <= 1m).When(r => r.Ratio is not null).WithMessage("'ratio' must be greater than 0 and at most 1");
        RuleFor(r => r.Seed).Matches("^([0-9a-fA-F]{2}){16,64}$").When(r => r.Seed is not null).WithMessage("'seed' must be 32 to 128 hex characters");
        RuleFor(r => r.Seed).NotNull().When(r => r.Announcement is not null).WithMessage("an announced draw is run by revealing its 'seed'");
        RuleFor(r => r.Filter.Kinds).Must((r, kinds) => kinds.All(k => (r.Target == "activities" ? ActivityKinds : InstitutionKinds).Contains(k)))
            .When(r => r.Filter is not null).WithName("filter.kinds").WithMessage(r => "'filter.kinds' must be among " + string.Join(", ", r.Target == "activities" ? ActivityKinds : InstitutionKinds));
        RuleFor(r => r.Filter.Statuses).Must(s => s.All(x => x is "active" or "notified")).When(r => r.Filter is not null).WithName("filter.statuses")
            .WithMessage("'filter.statuses' may be active and/or notified: disqualified institutions are never drawn");
        RuleFor(r => r.Filter.Statuses).Empty().When(r => r.Filter is not null && r.Target == "activities").WithName("filter.statuses").WithMessage("'filter.statuses' applies to institutions");
        RuleFor(r => r.Filter.Occupation).MaximumLength(200).When(r => r.Filter is not null).WithName("filter.occupation");
        RuleFor(r => r.Filter.From).NotNull().When(r => r.Filter is not null && r.Target == "activities").WithName("filter.from").WithMessage("activities are drawn within a range: 'filter.from' is required");
        RuleFor(r => r.Filter.To).NotNull().When(r => r.Filter is not null && r.Target == "activities").WithName("filter.to").WithMessage("activities are drawn within a range: 'filter.to' is required");
        RuleFor(r => r.Filter.To).GreaterThanOrEqualTo(r => r.Filter.From).When(r => r.Filter is { From: not null, To: not null }).WithName("filter.to").WithMessage("'filter.to' must not precede 'filter.from'");
    }
}
