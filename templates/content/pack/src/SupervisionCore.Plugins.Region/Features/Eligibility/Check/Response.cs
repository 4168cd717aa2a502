namespace SupervisionCore.Plugins.Region.Features.Eligibility.Check;

/// <summary>Whether the experience meets the rule, with every violation.</summary>
public sealed class Response
{
    /// <summary>True when no rule is violated.</summary>
    public required bool Eligible { get; init; }

    /// <summary>Violated rules (empty when eligible).</summary>
    public required IReadOnlyList<ViolationItem> Violations { get; init; }
}

/// <summary>A violated rule with its reason in the request's language.</summary>
public sealed class ViolationItem
{
    /// <summary>Rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>Citation.</summary>
    public required string Citation { get; init; }

    /// <summary>Reason, zh-CN or en by Accept-Language.</summary>
    public required string Message { get; init; }
}
