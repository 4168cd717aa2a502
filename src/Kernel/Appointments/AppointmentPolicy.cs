using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Appointments;

/// <summary>A proposed appointment (聘任) or renewal (续聘), as the national rules judge it.</summary>
public sealed record AppointmentRequest
{
    /// <summary>First day of the new term: the date of the act.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>The end date proposed by the caller; null to take <see cref="TermRule.EndOf"/>.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Earlier terms with the same appointing body for the same kind of supervisor (any order).</summary>
    public IReadOnlyList<AppointmentTerm> EarlierTerms { get; init; } = [];

    /// <summary>The supervisor's assessment results (any order).</summary>
    public IReadOnlyList<AssessmentResult> Assessments { get; init; } = [];

    /// <summary>不予续聘 decisions the appointing body recorded on the earlier terms (CN 11).</summary>
    public IReadOnlyList<NonRenewalDecision> NonRenewals { get; init; } = [];

    /// <summary>The five conditions of CN 第六条 as attested; null when not recorded.</summary>
    public SupervisorConditions? Conditions { get; init; }
}

/// <summary>
/// 聘任审查 (appointment check): every national rule on an appointment or renewal — conditions (CN 6), term and no
/// overlap (CN 8), at most three terms (CN 8), no renewal of a term the appointing body decided not to renew after a failed assessment (CN 11) — applied
/// when in force on the start day. Returns every violation, not just the first.
/// </summary>
public sealed class AppointmentPolicy
{
    private readonly SupervisorConditionsRule _conditions = new();
    private readonly TermRule _term = new();
    private readonly MaxTermsRule _maxTerms = new();
    private readonly NonRenewalRule _nonRenewal = new();

    /// <summary>The rules applied, in order.</summary>
    public IReadOnlyList<RuleDescriptor> Rules =>
        [_conditions.Rule, _term.Rule, _maxTerms.Rule, _nonRenewal.Rule];

    /// <summary>Judges <paramref name="request"/>.</summary>
    public RuleOutcome Check(AppointmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var on = request.Start;
        var outcomes = new List<RuleOutcome>();
        if (_conditions.Rule.IsInForceOn(on)) outcomes.Add(_conditions.Check(request.Conditions));
        if (_term.Rule.IsInForceOn(on))
        {
            if (request.End is { } end) outcomes.Add(_term.CheckEnd(on, end));
            outcomes.Add(_term.CheckNoOverlap(request.EarlierTerms, on));
        }
        if (_maxTerms.Rule.IsInForceOn(on)) outcomes.Add(_maxTerms.Check(request.EarlierTerms));
        if (_nonRenewal.Rule.IsInForceOn(on)) outcomes.Add(_nonRenewal.Check(request.EarlierTerms, request.NonRenewals, on));
        return RuleOutcome.All(outcomes);
    }
}
