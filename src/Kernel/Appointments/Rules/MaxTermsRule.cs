using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Appointments.Rules;

/// <summary>
/// 连任限制 (term limit): renewal is allowed, at most three terms in all (可续聘，不得超过三届): a fourth appointment is
/// refused. CN 第八条 (<c>cn.appointment.max-terms</c>).
/// <para>Reading: the terms counted are those with the same appointing body (委派机构, the party to the contract) for the
/// same kind of supervisor, consecutive or not, including terms ended early; the caller passes exactly those.</para>
/// <para>Reading (issue #16 item 6, docs/readings.md): the cap binds every province. The national procedure binds all of
/// them, and no provincial text lifts it: GD 第八条 and BJ 第十四条 say only "可续聘", YN 第十八条 "需继续聘任的…评价". A
/// pack therefore has no extension point to replace this rule; it applies in 44, 11.ETDZ and 53 as everywhere.</para>
/// </summary>
public sealed class MaxTermsRule : IRuleExtension
{
    /// <summary>Most terms in all (三届).</summary>
    public const int MaxTerms = 3;

    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.MaxTerms;

    /// <summary>Judges a new appointment after <paramref name="earlierTerms"/> terms with the same appointing body.</summary>
    public RuleOutcome Check(int earlierTerms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlierTerms);
        var term = earlierTerms + 1;
        return term <= MaxTerms
            ? RuleOutcome.Pass
            : RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"已聘任{earlierTerms}届，可续聘但不得超过三届：不能聘任第{term}届",
                $"Already appointed for {earlierTerms} terms; renewal is allowed up to three terms in all: term {term} is refused")));
    }

    /// <summary>Judges a new appointment after the given earlier terms with the same appointing body.</summary>
    public RuleOutcome Check(IReadOnlyCollection<AppointmentTerm> earlierTerms)
    {
        ArgumentNullException.ThrowIfNull(earlierTerms);
        return Check(earlierTerms.Count);
    }
}
