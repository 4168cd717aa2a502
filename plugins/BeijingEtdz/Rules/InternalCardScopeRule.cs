using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 内督证卡范围 (internal card scope): "内督证卡仅限本评价机构内部使用，不得超出本机构范围". BJ 第十三条
/// (<c>bj.card.internal-scope</c>). An internal supervisor is excluded from a task on any other institution; an internal
/// supervisor whose institution is not known is excluded too (the rule cannot confirm the card is used inside it).
/// External supervisors are not concerned.
/// </summary>
public sealed class InternalCardScopeRule : IDispatchConstraint
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.CardInternalScope;

    /// <inheritdoc />
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidate = context.Candidate;
        if (candidate.Kind != SupervisorKind.Internal) return null;
        if (candidate.InstitutionId is null)
            return Exclude(candidate, new LocalizedText(
                "内督员所属评价机构不明，内督证卡仅限本评价机构内部使用", "The internal supervisor's institution is unknown; an internal card is valid only inside its institution"));
        if (string.Equals(candidate.InstitutionId, context.Task.InstitutionId, StringComparison.OrdinalIgnoreCase)) return null;
        return Exclude(candidate, new LocalizedText(
            "内督证卡仅限本评价机构内部使用，不得委派到其他评价机构", "An internal card is valid only inside its institution: no dispatch to another institution"));
    }

    private DispatchExclusion Exclude(CandidateInfo candidate, LocalizedText message) =>
        new(candidate.SupervisorId ?? string.Empty, Rule.Violated(message));
}
