namespace SupervisionCore.Kernel.Parameters;

/// <summary>
/// One parameter's dated values: the pack's defaults overlaid with the values an administrator added. The value on a day
/// is the latest value whose effective date is on or before that day (OpenFisca). On a day with both a default and an
/// added value, the added value governs (it is the later act).
/// </summary>
public sealed class ParameterTimeline
{
    private readonly ParameterValue[] _values;

    /// <summary>The timeline of <paramref name="definition"/> with its defaults and <paramref name="added"/> (values of this parameter, any order).</summary>
    public ParameterTimeline(ParameterDefinition definition, IEnumerable<ParameterValue>? added = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        _values = definition.Defaults.Select(d => d with { Added = false })
            .Concat((added ?? []).Select(a => a with { Added = true }))
            .GroupBy(v => v.EffectiveFrom)
            .Select(g => g.OrderBy(v => v.Added).Last())
            .OrderBy(v => v.EffectiveFrom)
            .ToArray();
    }

    /// <summary>The parameter.</summary>
    public ParameterDefinition Definition { get; }

    /// <summary>Parameter id.</summary>
    public string Id => Definition.Id;

    /// <summary>Every value, oldest first (the history).</summary>
    public IReadOnlyList<ParameterValue> Values => _values;

    /// <summary>The first day any value is in force.</summary>
    public DateOnly FirstDay => _values[0].EffectiveFrom;

    /// <summary>The value in force on <paramref name="day"/>, or null before the first value.</summary>
    public AppliedParameter? ValueAt(DateOnly day)
    {
        for (var i = _values.Length - 1; i >= 0; i--)
        {
            if (_values[i].EffectiveFrom <= day) return new AppliedParameter(Id, _values[i].Value, _values[i].EffectiveFrom);
        }
        return null;
    }

    /// <summary>The value in force on <paramref name="day"/>; before the first value, the first value (a parameter read for a day before its pack's rules were in force is a caller's concern, not a reason to fail).</summary>
    public AppliedParameter At(DateOnly day) =>
        ValueAt(day) ?? new AppliedParameter(Id, _values[0].Value, _values[0].EffectiveFrom);

    /// <summary>The days on which the value changes, oldest first.</summary>
    public IEnumerable<DateOnly> ChangeDays => _values.Select(v => v.EffectiveFrom);
}

/// <summary>
/// The parameters an act may read, as data (a facts record carries it): every timeline by id. Pure: resolving a value
/// needs the date of the act, never a clock.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, ParameterTimeline> _timelines;

    /// <summary>A set of <paramref name="timelines"/>.</summary>
    public ParameterSet(IEnumerable<ParameterTimeline> timelines)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        _timelines = timelines.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>No parameters.</summary>
    public static ParameterSet Empty { get; } = new([]);

    /// <summary>The shipped defaults of <paramref name="definitions"/> (no value added).</summary>
    public static ParameterSet Defaults(IEnumerable<ParameterDefinition> definitions) =>
        new(definitions.Select(d => new ParameterTimeline(d)));

    /// <summary>The defaults of <paramref name="definitions"/> overlaid with <paramref name="added"/> (parameter id → values).</summary>
    public static ParameterSet Of(IEnumerable<ParameterDefinition> definitions, ILookup<string, ParameterValue> added)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(added);
        return new(definitions.Select(d => new ParameterTimeline(d, added[d.Id])));
    }

    /// <summary>Every timeline.</summary>
    public IEnumerable<ParameterTimeline> Timelines => _timelines.Values;

    /// <summary>The timeline of <paramref name="id"/>, or null.</summary>
    public ParameterTimeline? Find(string id) => _timelines.GetValueOrDefault(id);

    /// <summary>
    /// The value of <paramref name="fallback"/>'s parameter on <paramref name="day"/>; when the set does not hold the parameter, the value of
    /// <paramref name="fallback"/> (the definition's defaults), so a rule built without a set judges by the shipped values.
    /// </summary>
    public AppliedParameter At(ParameterDefinition fallback, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return (Find(fallback.Id) ?? new ParameterTimeline(fallback)).At(day);
    }

    /// <summary>
    /// The set as of <paramref name="day"/>: each parameter reduced to the one value in force that day. For an extension
    /// whose interface reports a number without a date (a deadline's days allowed), bound for one act on that day.
    /// </summary>
    public ParameterSet AsOf(DateOnly day) =>
        new(_timelines.Values.Select(t =>
        {
            var at = t.At(day);
            return new ParameterTimeline(t.Definition with { Defaults = [new ParameterValue(at.EffectiveFrom, at.Value, string.Empty)] });
        }));

    /// <summary>This set with <paramref name="other"/>'s timelines added (the other's win on the same id).</summary>
    public ParameterSet With(ParameterSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(_timelines.Values.Where(t => other.Find(t.Id) is null).Concat(other.Timelines));
    }
}
