using System.Diagnostics.CodeAnalysis;

namespace SupervisionCore.Kernel.Rules;

/// <summary>A value a rule produces (a formatted card number, a decoded one), or every rule it violates.</summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="Value">The value, when no rule is violated.</param>
/// <param name="Outcome">The violations (passed when <paramref name="Value"/> is set).</param>
public sealed record RuleResult<T>(T? Value, RuleOutcome Outcome)
    where T : class
{
    /// <summary>True when the value was produced.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null && Outcome.Passed;
}

/// <summary>Building <see cref="RuleResult{T}"/>s.</summary>
public static class RuleResult
{
    /// <summary>A produced value.</summary>
    public static RuleResult<T> Ok<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), RuleOutcome.Pass);

    /// <summary>A refusal with every violation (<paramref name="outcome"/> must not have passed).</summary>
    public static RuleResult<T> Refused<T>(RuleOutcome outcome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Passed) throw new ArgumentException("A refusal needs at least one violation.", nameof(outcome));
        return new(null, outcome);
    }
}
