using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Cards;

public class NationalExternalCardSchemeTests
{
    private readonly NationalExternalCardScheme _scheme = new();

    [Theory]
    [InlineData("First_serial", "44", 2020, 1, "R44200001")]
    [InlineData("Last_serial", "44", 2020, 9999, "R44209999")]
    [InlineData("Ministry_code_00", "00", 2021, 37, "R00210037")]
    [InlineData("Macao_82", "82", 2026, 120, "R82260120")]
    public void Formats(string name, string code, int year, int serial, string expected) =>
        _scheme.Format(code, year, serial).Value.ShouldBe(expected, name);

    [Theory]
    [InlineData("Serial_0000_refused", "44", 2020, 0, "cn.card.serial-sequence")]
    [InlineData("Serial_10000_exhausted", "44", 2020, 10000, "cn.card.serial-sequence")]
    [InlineData("Unknown_authority_99", "99", 2020, 1, "cn.card.external-format")]
    [InlineData("Year_1999_not_20yy", "44", 1999, 1, "cn.card.external-format")]
    public void Refuses_to_format(string name, string code, int year, int serial, string rule)
    {
        var result = _scheme.Format(code, year, serial);
        result.Succeeded.ShouldBeFalse(name);
        result.Outcome.Violations.Select(v => v.Rule).ShouldBe([rule]);
    }

    [Fact]
    public void Exhaustion_says_the_serials_are_used_up()
    {
        var v = _scheme.Format("44", 2020, 10000).Outcome.Violations.Single();
        v.Message.Zh.ShouldContain("用尽");
        v.Message.En.ShouldContain("exhausted");
        v.Citation.ShouldBe("CN annex");
    }

    [Fact]
    public void Parses_into_its_parts()
    {
        var card = _scheme.Parse("R44200001").Value.ShouldNotBeNull();
        card.Kind.ShouldBe(SupervisorKind.External);
        card.ClassLetter.ShouldBe('R');
        card.IssuerCode.ShouldBe("44");
        card.IssuerName.ShouldNotBeNull().Zh.ShouldBe("广东省");
        card.Year.ShouldBe(2020);
        card.Serial.ShouldBe(1);
        card.AllocationKey.ToString().ShouldBe("cn.external/44/2020");
    }

    [Theory]
    [InlineData("Lower_case_r_refused", "r44200001", "Position 1")]
    [InlineData("Class_N_refused", "N44200001", "Position 1")]
    [InlineData("Unknown_authority_99", "R99200001", "Positions 2–3")]
    [InlineData("Year_not_digits", "R44A00001", "Positions 4–5")]
    [InlineData("Serial_0000", "R44200000", "Positions 6–9")]
    [InlineData("Serial_not_digits", "R4420000A", "Positions 6–9")]
    [InlineData("Eight_chars", "R4420000", "9 characters")]
    [InlineData("Ten_chars", "R442000011", "9 characters")]
    [InlineData("Internal_number", "Y000123210001", "9 characters")]
    public void Refuses_to_parse_naming_the_position(string name, string text, string where)
    {
        var result = _scheme.Parse(text);
        result.Succeeded.ShouldBeFalse(name);
        var v = result.Outcome.Violations.Single();
        v.Rule.ShouldBe("cn.card.external-format");
        v.Message.En.ShouldContain(where);
    }

    [Fact]
    public void Reports_every_wrong_position_at_once() =>
        _scheme.Parse("r99AB0000").Outcome.Violations.Count.ShouldBe(4);

    [Fact]
    public void Contract_members_number_a_provincial_card()
    {
        var request = new CardIssueRequest { Kind = SupervisorKind.External, Issuer = JurisdictionCode.Parse("53"), IssuedOn = D("2024-05-06") };
        _scheme.CanIssue(request).Passed.ShouldBeTrue();
        _scheme.AllocationKey(request).ShouldBe(new CardAllocationKey("cn.external", "53", 2024));
        _scheme.Format(request, 12).ShouldBe("R53240012");
        _scheme.TryParse("R53240012", out var number).ShouldBeTrue();
        number.ShouldBe(new CardNumber("R53240012", SupervisorKind.External, new CardAllocationKey("cn.external", "53", 2024), 2024, 12));
        _scheme.Serials.ShouldBe(new CardSerialRange(1, 9999));
    }

    [Fact]
    public void Ministry_issues_with_code_00()
    {
        var request = new CardIssueRequest { Kind = SupervisorKind.External, Issuer = JurisdictionCode.National, IssuedOn = D("2020-09-01") };
        _scheme.Format(request, 1).ShouldBe("R00200001");
    }

    [Theory]
    [InlineData("City_centre_is_not_a_national_issuer", "44.A", SupervisorKind.External, "cn.card.issuer-level")]
    [InlineData("Internal_card_request", "44", SupervisorKind.Internal, "cn.card.external-format")]
    public void Refuses_requests_it_cannot_number(string name, string issuer, SupervisorKind kind, string rule)
    {
        var request = new CardIssueRequest { Kind = kind, Issuer = JurisdictionCode.Parse(issuer), IssuedOn = D("2024-05-06") };
        _scheme.CanIssue(request).Violations.Select(v => v.Rule).ShouldBe([rule], name);
        Should.Throw<ArgumentException>(() => _scheme.Format(request, 1));
    }

    [Fact]
    public void Format_through_the_contract_refuses_serial_10000()
    {
        var request = new CardIssueRequest { Kind = SupervisorKind.External, Issuer = JurisdictionCode.Parse("44"), IssuedOn = D("2024-05-06") };
        Should.Throw<ArgumentException>(() => _scheme.Format(request, 10000)).Message.ShouldContain("cn.card.serial-sequence");
    }

    [Fact]
    public void Every_table_3_code_round_trips()
    {
        foreach (var code in CardAuthorities.Codes)
            _scheme.Parse(_scheme.Format(code, 2025, 42).Value).Value.ShouldNotBeNull().IssuerCode.ShouldBe(code);
    }
}
