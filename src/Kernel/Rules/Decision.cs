using System.Diagnostics.CodeAnalysis;

namespace SupervisionCore.Kernel.Rules;

/// <summary>
/// 决定 (decision) over one act: the typed transition the Host persists, or every rule the act would break. Each act
/// (issuing a card, drawing, assigning, answering, filing, closing, sanctioning …) has one pure decision function over
/// one facts record; every path to the act — single or batch, drawn or manual, API or job — calls the same function, and
/// the Host only loads the facts, persists the transition with its audit entry and maps to HTTP (docs/adr/0006).
/// </summary>
/// <typeparam name="T">The transition: what changes when the act is allowed (typed states, never status strings).</typeparam>
/// <param name="Transition">The transition, when no rule is violated.</param>
/// <param name="Outcome">Every violation (passed when <paramref name="Transition"/> is set).</param>
public sealed record Decision<T>(T? Transition, RuleOutcome Outcome)
    where T : class
{
    /// <summary>True when the act may go ahead.</summary>
    [MemberNotNullWhen(true, nameof(Transition))]
    public bool Allowed => Transition is not null && Outcome.Passed;

    /// <summary>Every rule the act breaks (empty when allowed).</summary>
    public IReadOnlyList<Violation> Violations => Outcome.Violations;
}

/// <summary>Building <see cref="Decision{T}"/>s.</summary>
public static class Decision
{
    /// <summary>The act is allowed with <paramref name="transition"/>.</summary>
    public static Decision<T> Allow<T>(T transition)
        where T : class => new(transition ?? throw new ArgumentNullException(nameof(transition)), RuleOutcome.Pass);

    /// <summary>The act is refused with every violation of <paramref name="outcome"/> (which must not have passed).</summary>
    public static Decision<T> Refuse<T>(RuleOutcome outcome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Passed) throw new ArgumentException("A refusal needs at least one violation.", nameof(outcome));
        return new(null, outcome);
    }

    /// <summary>The act is refused with <paramref name="violations"/> (at least one).</summary>
    public static Decision<T> Refuse<T>(IEnumerable<Violation> violations)
        where T : class => Refuse<T>(new RuleOutcome([.. violations]));

    /// <summary>Allowed with <paramref name="transition"/>'s value when <paramref name="outcome"/> passed, refused otherwise.</summary>
    public static Decision<T> When<T>(RuleOutcome outcome, Func<T> transition)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(transition);
        return outcome.Passed ? Allow(transition()) : Refuse<T>(outcome);
    }
}
