using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Cards;

/// <summary>Card issuance as one kernel decision (issue #16): the same answers for single and batch issuance.</summary>
public class CardIssuanceDecisionTests
{
    private static readonly DateOnly IssuedOn = new(2025, 6, 15);
    private static readonly Guid Institution = Guid.NewGuid();
    private static readonly ICardNumberScheme[] Schemes = [new NationalExternalCardScheme(), new NationalInternalCardScheme()];

    private static readonly IssuingAuthority Province = new("41", AuthorityKind.ProvincialCentre, JurisdictionCode.Parse("41"), "41");

    private static CardCandidate Person(SupervisorKind kind = SupervisorKind.External, DateOnly? trainedOn = null, bool passed = true, Guid? institution = null, params CardOnRecord[] cards) =>
        new(Guid.NewGuid(), kind, institution, [new QualificationTraining(kind, trainedOn ?? new DateOnly(2025, 1, 1), passed)], cards);

    private static CardIssuanceFacts External(IssuingAuthority? authority, string? authorityId, params CardCandidate[] people) =>
        new(SupervisorKind.External, IssuedOn, authorityId, authority, null, null, people, Schemes, []);

    private static string[] Rules(CardIssuanceDecision d) => [.. d.Act.Violations.Select(v => v.Rule).Distinct()];

    [Fact]
    public void A_provincial_centre_issues_an_external_card_numbered_nationally_with_no_expiry()
    {
        var d = CardIssuanceRules.Decide(External(Province, "41", Person(), Person()));
        d.Allowed.ShouldBeTrue();
        d.Act.Transition!.AllocationKey.ToString().ShouldBe("cn.external/41/2025");
        d.Act.Transition.ValidUntil.ShouldBe(CardValidity.NoExpiry);
        d.Act.Transition.Holders.Count.ShouldBe(2);
        d.Act.Transition.RulesApplied.ShouldContain("cn.card.serial-sequence");
    }

    public static TheoryData<string, IssuingAuthority?, string?, string> IssuerCases => new()
    {
        { "unknown_authority", null, "99", "cn.card.issuer-level" },
        { "no_authority_for_an_external_card", null, null, "cn.card.issuer-level" },
        { "a_city_centre_without_a_pack_scheme", new("41.A", AuthorityKind.CityCentre, JurisdictionCode.Parse("41.A"), "41"), "41.A", "cn.card.issuer-level" },
        { "an_authority_whose_code_does_not_parse", new("41", AuthorityKind.ProvincialCentre, null, "41"), "41", "cn.card.issuer-level" },
    };

    [Theory]
    [MemberData(nameof(IssuerCases))]
    public void An_issuer_the_national_rule_does_not_accept_refuses_every_card(string name, IssuingAuthority? authority, string? id, string rule)
    {
        _ = name;
        var d = CardIssuanceRules.Decide(External(authority, id, Person()));
        d.Allowed.ShouldBeFalse();
        Rules(d).ShouldBe([rule]);
        d.IssuerViolations.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("trained_the_day_before", -1, true, true)]
    [InlineData("trained_on_the_day_of_issue", 0, true, true)]
    [InlineData("trained_the_day_after", 1, true, false)]
    [InlineData("failed_the_training", -1, false, false)]
    public void A_card_needs_a_passed_training_on_or_before_the_day_of_issue(string name, int days, bool passed, bool allowed)
    {
        _ = name;
        var d = CardIssuanceRules.Decide(External(Province, "41", Person(trainedOn: IssuedOn.AddDays(days), passed: passed)));
        d.Allowed.ShouldBe(allowed);
        if (!allowed) Rules(d).ShouldBe(["cn.card.requires-training"]);
    }

    [Theory]
    [InlineData("valid_on_the_day_of_issue", 0, null, true)]
    [InlineData("expired_the_day_before", -1, null, false)]
    [InlineData("withdrawn_on_the_day_of_issue", 10, 0, false)]
    [InlineData("withdrawn_the_day_after", 10, 1, true)]
    public void One_valid_card_of_a_kind_the_held_card_is_named(string name, int validDaysFromIssue, int? withdrawnDaysFromIssue, bool held)
    {
        _ = name;
        var card = new CardOnRecord(SupervisorKind.External, "R41240001", IssuedOn.AddDays(validDaysFromIssue),
            withdrawnDaysFromIssue is { } w ? IssuedOn.AddDays(w) : null);
        var d = CardIssuanceRules.Decide(External(Province, "41", Person(cards: card)));
        d.Allowed.ShouldBe(!held);
        d.Act.Allowed.ShouldBeTrue(); // no rule is broken: the answer is the card already held (409)
        (d.Refusals.SingleOrDefault()?.HeldCard).ShouldBe(held ? "R41240001" : null);
    }

    [Fact]
    public void A_card_of_no_expiry_is_held_for_ever()
    {
        var card = new CardOnRecord(SupervisorKind.External, "R41100001", CardValidity.NoExpiry, null);
        CardIssuanceRules.Decide(External(Province, "41", Person(cards: card))).Refusals.Single().HeldCard.ShouldBe("R41100001");
    }

    [Fact]
    public void Batch_refusals_name_each_person_and_every_rule()
    {
        var ok = Person();
        var untrained = Person(trainedOn: IssuedOn.AddDays(1));
        var @internal = Person(SupervisorKind.Internal);
        var d = CardIssuanceRules.Decide(External(Province, "41", ok, untrained, @internal));
        d.Allowed.ShouldBeFalse();
        d.Refusals.Select(r => r.SupervisorId).ShouldBe([untrained.SupervisorId, @internal.SupervisorId]);
        Rules(d).ShouldBe(["cn.card.requires-training", "cn.supervisor.kinds"], ignoreOrder: true);
    }

    [Fact]
    public void An_institution_issues_internal_cards_only_to_its_own_supervisors()
    {
        var own = Person(SupervisorKind.Internal, institution: Institution);
        var other = Person(SupervisorKind.Internal, institution: Guid.NewGuid());
        var facts = new CardIssuanceFacts(SupervisorKind.Internal, IssuedOn, null, null, Institution,
            new IssuingInstitution(Institution, "employer", JurisdictionCode.Parse("41"), "410001"), [own, other], Schemes, []);
        var d = CardIssuanceRules.Decide(facts);
        d.Refusals.ShouldHaveSingleItem().SupervisorId.ShouldBe(other.SupervisorId);
        Rules(d).ShouldBe(["cn.card.issuer-level"]);
        CardIssuanceRules.Decide(facts with { Candidates = [own] }).Act.Transition!.Request.ClassLetter.ShouldBe('Y');
    }

    private sealed class ThreeYears(string scope) : ICardValidityPolicy
    {
        public string PackId => "test";
        public JurisdictionCode Scope => JurisdictionCode.Parse(scope);
        public RuleDescriptor Rule => NationalRules.CardIssuerLevel;
        public DateOnly? ValidUntil(SupervisorKind kind, DateOnly issuedOn) => CardValidity.OneTermFrom(issuedOn);
    }

    [Theory]
    [InlineData("a_policy_of_the_issuers_province", "41", "2028-06-14")]
    [InlineData("a_policy_of_another_province", "44", "9999-12-31")]
    public void A_pack_validity_policy_governs_only_inside_its_scope(string name, string scope, string validUntil)
    {
        _ = name;
        var d = CardIssuanceRules.Decide(External(Province, "41", Person()) with { ValidityPolicies = [new ThreeYears(scope)] });
        d.Act.Transition!.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(validUntil);
    }
}
