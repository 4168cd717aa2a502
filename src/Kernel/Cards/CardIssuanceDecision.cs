using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Cards;

/// <summary>Who issues a card, resolved from the authority or institution.</summary>
/// <param name="Id">Authority id (external cards, industry departments) or institution id (internal cards).</param>
/// <param name="Kind">Its level for <c>cn.card.issuer-level</c>.</param>
/// <param name="Jurisdiction">Where it acts (chooses the card scheme).</param>
/// <param name="ClassLetter">Internal cards: H/Y/S.</param>
/// <param name="InternalCode">Internal cards: the 6-digit issuer code.</param>
/// <param name="InstitutionId">Internal cards issued by an institution: its id.</param>
/// <param name="Authority">The issuing authority's kind when an authority issues, for schemes that declare an <see cref="ICardNumberScheme.AcceptsIssuer"/>.</param>
public sealed record CardIssuerInfo(string Id, CardIssuerKind Kind, JurisdictionCode Jurisdiction, char? ClassLetter, string? InternalCode, Guid? InstitutionId, AuthorityKind? Authority = null);

/// <summary>An authority as issuance reads it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Jurisdiction">Where it acts; null when the stored code does not parse.</param>
/// <param name="CardIssuerCode">Code it puts in card numbers (industry departments: their internal issuer code).</param>
public sealed record IssuingAuthority(string Id, AuthorityKind Kind, JurisdictionCode? Jurisdiction, string? CardIssuerCode);

/// <summary>An evaluation institution as issuance reads it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">Institution kind as the API names it (<c>employer</c> → Y, <c>social-org</c> → S, otherwise an industry body → H; CN 表5).</param>
/// <param name="Jurisdiction">Where it acts; null when the stored code does not parse.</param>
/// <param name="IssuerCode">Its 6-digit internal issuer code.</param>
public sealed record IssuingInstitution(Guid Id, string Kind, JurisdictionCode? Jurisdiction, string? IssuerCode);

/// <summary>A card a person holds or held.</summary>
/// <param name="Kind">External or internal.</param>
/// <param name="Number">Its number.</param>
/// <param name="ValidUntil">Last day of validity (<see cref="CardValidity.NoExpiry"/> for none).</param>
/// <param name="WithdrawnOn">Day withdrawn, if it was.</param>
public sealed record CardOnRecord(SupervisorKind Kind, string Number, DateOnly ValidUntil, DateOnly? WithdrawnOn);

/// <summary>One person a card is asked for.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Kind">Registered as external or internal.</param>
/// <param name="InstitutionId">An internal supervisor's institution.</param>
/// <param name="Trainings">Their qualification trainings (培训考核).</param>
/// <param name="Cards">Their cards.</param>
public sealed record CardCandidate(Guid SupervisorId, SupervisorKind Kind, Guid? InstitutionId, IReadOnlyList<QualificationTraining> Trainings, IReadOnlyList<CardOnRecord> Cards);

/// <summary>Everything one issuance (single or batch) is judged on.</summary>
/// <param name="Kind">External or internal cards.</param>
/// <param name="IssuedOn">Day of issue (China).</param>
/// <param name="AuthorityId">The issuing authority asked for, if any.</param>
/// <param name="Authority">That authority, when it exists.</param>
/// <param name="InstitutionId">The issuing institution asked for (internal cards), if any.</param>
/// <param name="Institution">That institution, when it exists.</param>
/// <param name="Candidates">The people, in numbering order.</param>
/// <param name="Schemes">Every card number scheme in force (national and the enabled packs').</param>
/// <param name="ValidityPolicies">Every card validity policy the enabled packs declare.</param>
public sealed record CardIssuanceFacts(
    SupervisorKind Kind, DateOnly IssuedOn, string? AuthorityId, IssuingAuthority? Authority, Guid? InstitutionId, IssuingInstitution? Institution,
    IReadOnlyList<CardCandidate> Candidates, IReadOnlyList<ICardNumberScheme> Schemes, IReadOnlyList<ICardValidityPolicy> ValidityPolicies);

/// <summary>The cards to number and store: everything but the serials, which the Host takes from its counter.</summary>
/// <param name="Kind">External or internal.</param>
/// <param name="Issuer">Who issues.</param>
/// <param name="IssuedOn">Day of issue.</param>
/// <param name="ValidUntil">Last day of validity (<see cref="CardValidity.NoExpiry"/>: none of its own).</param>
/// <param name="Scheme">The numbering scheme.</param>
/// <param name="Request">What the scheme numbers.</param>
/// <param name="AllocationKey">The serial sequence.</param>
/// <param name="Holders">The supervisors, in numbering order.</param>
/// <param name="RulesApplied">The rule ids the issuance applied (audit).</param>
public sealed record CardIssuancePlan(
    SupervisorKind Kind, CardIssuerInfo Issuer, DateOnly IssuedOn, DateOnly ValidUntil, ICardNumberScheme Scheme, CardIssueRequest Request,
    CardAllocationKey AllocationKey, IReadOnlyList<Guid> Holders, IReadOnlyList<string> RulesApplied);

/// <summary>Why one person cannot get the card.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Violations">Every rule their card would break (the held card excluded).</param>
/// <param name="HeldCard">The valid card of the kind they already hold, if any.</param>
public sealed record CardRefusal(Guid SupervisorId, IReadOnlyList<Violation> Violations, string? HeldCard);

/// <summary>The decision on one issuance.</summary>
/// <param name="Act">The plan to persist, or every violation of the act (the issuer's and every person's).</param>
/// <param name="IssuerViolations">The violations about the issuer, scheme and year (for every card alike).</param>
/// <param name="Refusals">Per person refused: their violations and the card they already hold.</param>
public sealed record CardIssuanceDecision(Decision<CardIssuancePlan> Act, IReadOnlyList<Violation> IssuerViolations, IReadOnlyList<CardRefusal> Refusals)
{
    /// <summary>True when every card may be issued.</summary>
    public bool Allowed => Act.Allowed && Refusals.Count == 0;
}

/// <summary>
/// 证卡颁发 (card issuance), CN 第七条 and the card annex, as ONE pure decision shared by single and batch issuance (and the
/// demo seed): who issues (<c>cn.card.issuer-level</c>, or a pack scheme's issuer scope such as <c>gd.card.issuer-scope</c>),
/// which scheme numbers the card (the most specific in force, e.g. <c>gd.card.external-format</c> in 44), training
/// (<c>cn.card.requires-training</c>), the person's kind (<c>cn.supervisor.kinds</c>), the internal card's own institution, one
/// valid card of a kind per person (a held card is reported with its number), and the card's validity (the pack's
/// <see cref="ICardValidityPolicy"/>, none nationally). The Host loads the facts, takes the serials
/// (<c>cn.card.serial-sequence</c>) and persists with audit.
/// </summary>
public static class CardIssuanceRules
{
    private static readonly CardIssuerLevelRule IssuerLevel = new();
    private static readonly CardRequiresTrainingRule Training = new();

    /// <summary>The issuer the facts name, or the <c>cn.card.issuer-level</c> violation when there is none.</summary>
    public static RuleResult<CardIssuerInfo> ResolveIssuer(CardIssuanceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!string.IsNullOrEmpty(facts.AuthorityId))
        {
            if (facts.Authority is not { Jurisdiction: { } j } a || a.Id != facts.AuthorityId)
                return RuleResult.Refused<CardIssuerInfo>(RuleOutcome.Fail(NationalRules.CardIssuerLevel.Violated(new LocalizedText(
                    $"颁发机构“{facts.AuthorityId}”不存在", $"There is no issuing authority '{facts.AuthorityId}'"))));
            var level = a.Kind switch
            {
                AuthorityKind.Ministry => CardIssuerKind.Ministry,
                AuthorityKind.ProvincialCentre => CardIssuerKind.ProvincialCentre,
                AuthorityKind.IndustryDepartment => CardIssuerKind.IndustryDepartment,
                _ => CardIssuerKind.SubProvincialCentre,
            };
            var internalH = facts.Kind == SupervisorKind.Internal && level == CardIssuerKind.IndustryDepartment;
            return RuleResult.Ok(new CardIssuerInfo(a.Id, level, j, internalH ? 'H' : null, internalH ? a.CardIssuerCode : null, null, a.Kind));
        }
        if (facts.Kind == SupervisorKind.Internal && facts.InstitutionId is { } id)
        {
            if (facts.Institution is not { Jurisdiction: { } j } i || i.Id != id)
                return RuleResult.Refused<CardIssuerInfo>(RuleOutcome.Fail(NationalRules.CardIssuerLevel.Violated(new LocalizedText(
                    "评价机构不存在", "The institution does not exist"))));
            var (letter, level) = i.Kind switch
            {
                "employer" => ('Y', CardIssuerKind.EvaluationInstitution),
                "social-org" => ('S', CardIssuerKind.EvaluationInstitution),
                _ => ('H', CardIssuerKind.IndustryDepartment),
            };
            return RuleResult.Ok(new CardIssuerInfo(i.Id.ToString(), level, j, letter, i.IssuerCode, id));
        }
        return RuleResult.Refused<CardIssuerInfo>(RuleOutcome.Fail(NationalRules.CardIssuerLevel.Violated(facts.Kind == SupervisorKind.External
            ? new LocalizedText("外督证卡须指明颁发机构（省级及以上职业技能鉴定中心）", "An external card needs its issuing authority (a provincial-or-higher skill appraisal centre)")
            : new LocalizedText("内督证卡须由督导员所在评价机构或行业部门颁发", "An internal card is issued by the supervisor's institution or an industry department"))));
    }

    /// <summary>The scheme numbering cards of <paramref name="kind"/> issued in <paramref name="issuer"/> on <paramref name="on"/>: the most specific in force.</summary>
    public static ICardNumberScheme? SchemeFor(IEnumerable<ICardNumberScheme> schemes, SupervisorKind kind, JurisdictionCode issuer, DateOnly on) =>
        schemes.Where(s => s.Kind == kind && s.Rule.IsInForceOn(on)).MostSpecific(issuer);

    /// <summary>The last day of validity of a card issued in <paramref name="issuer"/>: the most specific pack policy, else none (<see cref="CardValidity.NoExpiry"/>).</summary>
    public static DateOnly ValidUntil(IEnumerable<ICardValidityPolicy> policies, SupervisorKind kind, JurisdictionCode issuer, DateOnly issuedOn) =>
        policies.Where(p => p.Rule.IsInForceOn(issuedOn)).MostSpecific(issuer)?.ValidUntil(kind, issuedOn) ?? CardValidity.NoExpiry;

    /// <summary>The decision: the plan to persist, or every violation and every refused person.</summary>
    public static CardIssuanceDecision Decide(CardIssuanceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var resolved = ResolveIssuer(facts);
        if (!resolved.Succeeded) return new(Decision.Refuse<CardIssuancePlan>(resolved.Outcome), resolved.Outcome.Violations, []);
        var issuer = resolved.Value;
        var scheme = SchemeFor(facts.Schemes, facts.Kind, issuer.Jurisdiction, facts.IssuedOn)
            ?? throw new InvalidOperationException("the national card schemes are missing from the facts");
        var request = new CardIssueRequest
        {
            Kind = facts.Kind, Issuer = issuer.Jurisdiction, IssuedOn = facts.IssuedOn, ClassLetter = issuer.ClassLetter, InstitutionCode = issuer.InternalCode,
        };
        // A scheme whose text lets other authorities issue (GD 5/7: city centres) judges them itself, in place of the national level rule.
        var refinedByScheme = issuer.Authority is { } authority && scheme.AcceptsIssuer(authority);
        var issuerViolations = refinedByScheme ? new List<Violation>() : new List<Violation>(IssuerLevel.Check(facts.Kind, issuer.Kind, issuer.ClassLetter).Violations);
        // The scheme repeats issuer-level findings in its own words: one violation per rule is enough.
        issuerViolations.AddRange(scheme.CanIssue(request).Violations.Where(v => issuerViolations.All(x => x.Rule != v.Rule)));

        var refusals = new List<CardRefusal>();
        foreach (var c in facts.Candidates)
        {
            var violations = new List<Violation>();
            if (c.Kind != facts.Kind)
                violations.Add(NationalRules.SupervisorKinds.Violated(new LocalizedText(
                    $"该督导员为{Zh(c.Kind)}，不能颁发{Zh(facts.Kind)}证卡",
                    $"The supervisor is {En(c.Kind)}: no {En(facts.Kind)} card can be issued")));
            else if (issuer.InstitutionId is { } inst && c.InstitutionId != inst)
                violations.Add(NationalRules.CardIssuerLevel.Violated(new LocalizedText(
                    "内督证卡由督导员所在的评价机构颁发", "An internal card is issued by the supervisor's own institution")));
            violations.AddRange(Training.Check(facts.Kind, facts.IssuedOn, c.Trainings.Where(t => t.Kind == facts.Kind)).Violations);
            var held = c.Cards.FirstOrDefault(x => x.Kind == facts.Kind && CardValidity.IsHeldOn(x.ValidUntil, x.WithdrawnOn, facts.IssuedOn))?.Number;
            if (violations.Count > 0 || held is not null) refusals.Add(new CardRefusal(c.SupervisorId, violations, held));
        }

        var all = issuerViolations.Concat(refusals.SelectMany(r => r.Violations)).ToList();
        if (all.Count > 0) return new(Decision.Refuse<CardIssuancePlan>(all), issuerViolations, refusals);
        var plan = new CardIssuancePlan(facts.Kind, issuer, facts.IssuedOn, ValidUntil(facts.ValidityPolicies, facts.Kind, issuer.Jurisdiction, facts.IssuedOn),
            scheme, request, scheme.AllocationKey(request), [.. facts.Candidates.Select(c => c.SupervisorId)],
            [NationalRules.CardRequiresTraining.Id, NationalRules.CardIssuerLevel.Id, scheme.Rule.Id, NationalRules.CardSerialSequence.Id]);
        return new(Decision.Allow(plan), [], refusals);
    }

    private static string Zh(SupervisorKind kind) => kind == SupervisorKind.External ? "外督" : "内督";

    private static string En(SupervisorKind kind) => kind == SupervisorKind.External ? "external" : "internal";
}
