using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Rules;

/// <summary>Where a rule comes from: a source document and an article in it.</summary>
/// <param name="Document">Short name of the source document (<c>CN</c>, <c>GD</c>, <c>BJ</c>, <c>YN</c>).</param>
/// <param name="Article">Article as cited in RULES.md (<c>8</c>, <c>annex 1 一</c>, <c>6(五)</c>).</param>
/// <param name="ArticleZh">The article in the document's own words (<c>第八条</c>).</param>
public sealed record Citation(string Document, string Article, string ArticleZh)
{
    /// <summary>The citation as RULES.md writes it: <c>CN 8</c>.</summary>
    public override string ToString() => $"{Document} {Article}";
}

/// <summary>A source regulation a pack (or the kernel) implements.</summary>
/// <param name="Code">Short name used in citations (<c>CN</c>).</param>
/// <param name="Title">Title in Chinese and English.</param>
/// <param name="Reference">Issuing reference (<c>人社职司便函〔2020〕53号</c>), empty when it has none.</param>
/// <param name="IssuedOn">Date of issue, when the document gives one.</param>
public sealed record SourceDocument(string Code, LocalizedText Title, string Reference, DateOnly? IssuedOn);

/// <summary>
/// One entry of the rule catalogue: a machine-checkable rule of a source regulation with its stable id
/// (part of the public API: every refusal names it), its citation and its effective period. A change of
/// law is a new descriptor (new period) beside the old one, never an edit of history.
/// </summary>
/// <param name="Id">Stable id from RULES.md (<c>cn.appointment.max-terms</c>).</param>
/// <param name="Title">What the rule enforces, in Chinese and English.</param>
/// <param name="Citation">Source document and article.</param>
/// <param name="Jurisdiction">The subtree where the rule applies.</param>
/// <param name="Pack">Owning pack id, or <c>cn</c> for the kernel.</param>
/// <param name="EffectiveFrom">First day in force (China time).</param>
/// <param name="EffectiveTo">Last day in force, or null while in force.</param>
public sealed record RuleDescriptor(
    string Id,
    LocalizedText Title,
    Citation Citation,
    JurisdictionCode Jurisdiction,
    string Pack,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo = null)
{
    /// <summary>True when the rule is in force on <paramref name="day"/>.</summary>
    public bool IsInForceOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>True when the rule applies to an act in <paramref name="jurisdiction"/>.</summary>
    public bool AppliesTo(JurisdictionCode jurisdiction) => Jurisdiction.Contains(jurisdiction);

    /// <summary>A violation of this rule with the given message.</summary>
    public Violation Violated(LocalizedText message) => new(Id, Citation.ToString(), message);
}

/// <summary>A rule that a request or an act breaks, as reported in a 422 problem's <c>violations</c>.</summary>
/// <param name="Rule">Rule id.</param>
/// <param name="Citation">Citation text (<c>CN 8</c>).</param>
/// <param name="Message">Why, in Chinese and English.</param>
public sealed record Violation(string Rule, string Citation, LocalizedText Message);

/// <summary>The outcome of checking rules: passed, or every violated rule (not just the first).</summary>
public sealed record RuleOutcome(IReadOnlyList<Violation> Violations)
{
    /// <summary>No rule violated.</summary>
    public static readonly RuleOutcome Pass = new([]);

    /// <summary>True when no rule is violated.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary>An outcome with one violation.</summary>
    public static RuleOutcome Fail(Violation violation) => new([violation]);

    /// <summary>Combines outcomes, keeping every violation.</summary>
    public static RuleOutcome All(IEnumerable<RuleOutcome> outcomes) =>
        new(outcomes.SelectMany(o => o.Violations).ToList());
}
