using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Parameters;

/// <summary>The kernel's rule about parameters (docs/rules.md; beyond RULES.md).</summary>
public static class ParameterRules
{
    /// <summary>
    /// 不溯及既往 (not retroactive): a value added to a parameter takes effect after today (China time), never on or before
    /// it, so acts already decided keep the value that was in force on their date. CN 第二十条 ("自颁布之日起试行": a text
    /// governs from its date; 《立法法》第一百零四条 法不溯及既往 is the general principle).
    /// </summary>
    public static RuleDescriptor NotRetroactive => NationalRules.ParametersNotRetroactive;
}

/// <summary>The facts of adding a value to a parameter.</summary>
/// <param name="Timeline">The parameter's values as stored now.</param>
/// <param name="EffectiveFrom">The day the new value would take effect.</param>
/// <param name="Value">The value as sent (text).</param>
/// <param name="Reason">Why (the notice or revision).</param>
/// <param name="Today">Today in China time (the day of the act).</param>
public sealed record ParameterValueFacts(ParameterTimeline Timeline, DateOnly EffectiveFrom, string Value, string Reason, DateOnly Today);

/// <summary>A value added to a parameter.</summary>
/// <param name="ParameterId">The parameter.</param>
/// <param name="Value">The new value (canonical text) and its day.</param>
/// <param name="Before">The value that would otherwise have been in force on that day.</param>
public sealed record ParameterValueAdded(string ParameterId, ParameterValue Value, AppliedParameter Before);

/// <summary>
/// 参数调整 (adding a parameter value): allowed when the value is of the parameter's type and range and takes effect
/// after today (<c>cn.parameters.not-retroactive</c>).
/// </summary>
public static class ParameterValueDecision
{
    /// <summary>The problem with <paramref name="value"/> as a value of <paramref name="definition"/> (wrong type, out of range), or null. The Host reports it as a 400 naming the field <c>value</c>.</summary>
    public static LocalizedText? ValueProblem(ParameterDefinition definition, string? value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Parse(value).Problem;
    }

    /// <summary>Decides the addition.</summary>
    /// <exception cref="ArgumentException">The value is not a value of the parameter (check <see cref="ValueProblem"/> first).</exception>
    public static Decision<ParameterValueAdded> Decide(ParameterValueFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (value, problem) = facts.Timeline.Definition.Parse(facts.Value);
        if (problem is not null) throw new ArgumentException(problem.En, nameof(facts));
        if (facts.EffectiveFrom <= facts.Today)
        {
            return Decision.Refuse<ParameterValueAdded>([ParameterRules.NotRetroactive.Violated(new LocalizedText(
                $"{facts.Timeline.Id}的新值生效日期{facts.EffectiveFrom:yyyy-MM-dd}须晚于当日{facts.Today:yyyy-MM-dd}（不溯及既往）",
                $"The new value of {facts.Timeline.Id} must take effect after today {facts.Today:yyyy-MM-dd}; {facts.EffectiveFrom:yyyy-MM-dd} is not (no retroactive change)"))]);
        }
        return Decision.Allow(new ParameterValueAdded(
            facts.Timeline.Id, new ParameterValue(facts.EffectiveFrom, value!, facts.Reason, Added: true), facts.Timeline.At(facts.EffectiveFrom)));
    }
}
