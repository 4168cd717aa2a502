using System.Globalization;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class InternalCardSchemeTests
{
    private static readonly InternalCardScheme Scheme = new();

    private static CardIssueRequest Request(char? letter = 'Y', string? code = "202001", string issuer = "11.ETDZ", string on = "2022-06-01",
        SupervisorKind kind = SupervisorKind.Internal) => new()
    {
        Kind = kind, Issuer = JurisdictionCode.Parse(issuer), IssuedOn = DateOnly.Parse(on, CultureInfo.InvariantCulture),
        ClassLetter = letter, InstitutionCode = code,
    };

    [Fact]
    public void Formats_the_seed_example()
    {
        Scheme.Format(Request('Y', "202001"), 1).ShouldBe("Y112001220001");
        Scheme.AllocationKey(Request('Y', "202001")).ToString().ShouldBe("bj.internal/Y112001/2022");
    }

    [Theory]
    [InlineData('Y', "202001", "2022-06-01", 1, "Y112001220001")]
    [InlineData('S', "002001", "2022-06-01", 1, "S112001220001")] // MOHRSS-filed: 00 + 4-digit filing number
    [InlineData('S', "2001", "2025-01-01", 9999, "S112001259999")] // the filing number itself
    [InlineData('Y', "987654", "2030-12-31", 42, "Y117654300042")]
    public void Takes_the_last_four_digits_of_the_institution_number(char letter, string code, string on, int serial, string expected) =>
        Scheme.Format(Request(letter, code, on: on), serial).ShouldBe(expected);

    [Theory]
    [InlineData('H', "202001", "class letter")]
    [InlineData('N', "202001", "class letter")]
    [InlineData('y', "202001", "class letter")]
    [InlineData(null, "202001", "class letter")]
    [InlineData('Y', "123", "institution number")]
    [InlineData('Y', "1234567", "institution number")]
    [InlineData('Y', "20A001", "institution number")]
    [InlineData('Y', null, "institution number")]
    public void Refuses_what_annex_1_does_not_define(char? letter, string? code, string about)
    {
        var violation = Scheme.CanIssue(Request(letter, code)).Violations.ShouldHaveSingleItem();
        violation.Rule.ShouldBe("bj.card.internal-format");
        violation.Citation.ShouldBe("BJ annex 1");
        violation.Message.En.ShouldContain(about);
        Should.Throw<ArgumentException>(() => Scheme.AllocationKey(Request(letter, code)));
    }

    [Fact]
    public void Refuses_an_external_card_and_an_issuer_outside_the_zone()
    {
        Scheme.CanIssue(Request(kind: SupervisorKind.External)).Violations.ShouldHaveSingleItem().Message.En.ShouldContain("internal cards only");
        Scheme.CanIssue(Request(issuer: "11")).Violations.ShouldHaveSingleItem().Message.En.ShouldContain("11.ETDZ");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Serials_run_from_0001_to_9999(int serial) =>
        Should.Throw<ArgumentException>(() => Scheme.Format(Request(), serial)).Message.ShouldContain("cn.card.serial-sequence");

    [Fact]
    public void Parses_the_seed_example()
    {
        Scheme.TryParse(" Y112001220001 ", out var number).ShouldBeTrue();
        number!.Value.ShouldBe("Y112001220001");
        number.Kind.ShouldBe(SupervisorKind.Internal);
        number.Year.ShouldBe(2022);
        number.Serial.ShouldBe(1);
        number.AllocationKey.ToString().ShouldBe("bj.internal/Y112001/2022");
    }

    [Theory]
    [InlineData("Y11200122000", "A zone internal card number has 13 characters")]
    [InlineData("H112001220001", "Position 1")]
    [InlineData("Y442001220001", "Positions 2–3")]
    [InlineData("Y1120A1220001", "Positions 4–7")]
    [InlineData("Y1120012X0001", "Positions 8–9")]
    [InlineData("Y112001220000", "Positions 10–13")]
    [InlineData("R11220001", "A zone internal card number has 13 characters")]
    public void Names_every_wrong_position(string text, string where)
    {
        var parsed = Scheme.Parse(text);
        parsed.Succeeded.ShouldBeFalse();
        parsed.Outcome.Violations.ShouldHaveSingleItem().Message.En.ShouldStartWith(where);
        Scheme.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Formatted_numbers_parse_back_to_their_sequence()
    {
        var request = Request('S', "110734", on: "2024-03-01");
        var text = Scheme.Format(request, 17);
        Scheme.TryParse(text, out var n).ShouldBeTrue();
        n!.AllocationKey.ShouldBe(Scheme.AllocationKey(request));
        n.Serial.ShouldBe(17);
    }
}

public class InternalCardScopeRuleTests
{
    private static readonly InternalCardScopeRule Rule = new();

    private static DispatchContext Context(SupervisorKind kind, string? institution) => new(
        new CandidateInfo { SupervisorId = "s-1", Kind = kind, InstitutionId = institution },
        new TaskInfo { TaskId = "t-1", Kind = TaskKind.Daily, Jurisdiction = BeijingEtdzRules.Jurisdiction, InstitutionId = "inst-a", ActivityDate = new DateOnly(2025, 5, 6) },
        []);

    [Theory]
    [InlineData(SupervisorKind.Internal, "inst-a", false)]
    [InlineData(SupervisorKind.Internal, "INST-A", false)]
    [InlineData(SupervisorKind.Internal, "inst-b", true)]
    [InlineData(SupervisorKind.Internal, null, true)]
    [InlineData(SupervisorKind.External, "inst-b", false)]
    [InlineData(SupervisorKind.External, null, false)]
    public void An_internal_supervisor_is_dispatched_only_to_their_own_institution(SupervisorKind kind, string? institution, bool excluded)
    {
        var exclusion = Rule.Evaluate(Context(kind, institution));
        (exclusion is not null).ShouldBe(excluded);
        if (excluded)
        {
            exclusion!.RuleId.ShouldBe("bj.card.internal-scope");
            exclusion.Violation.Citation.ShouldBe("BJ 13");
            exclusion.SupervisorId.ShouldBe("s-1");
        }
    }
}

/// <summary>BJ 附件2 card validity (<c>bj.card.validity</c>, issue #16 item 6): internal cards three years, external cards none.</summary>
public class CardValidityPolicyTests
{
    private static readonly SupervisionCore.Plugins.BeijingEtdz.Rules.CardValidityPolicy Policy = new();

    [Theory]
    [InlineData("sample_card_June_2022", 2022, 6, 1, "2025-05-31")]
    [InlineData("leap_day", 2024, 2, 29, "2027-02-28")]
    [InlineData("first_of_January", 2025, 1, 1, "2027-12-31")]
    public void An_internal_card_is_valid_three_years_less_a_day(string name, int y, int m, int d, string expected)
    {
        _ = name;
        Policy.ValidUntil(SupervisionCore.Kernel.Registry.SupervisorKind.Internal, new DateOnly(y, m, d))!.Value
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void An_external_card_keeps_the_national_answer() =>
        Policy.ValidUntil(SupervisionCore.Kernel.Registry.SupervisorKind.External, new DateOnly(2025, 6, 1)).ShouldBeNull();
}
