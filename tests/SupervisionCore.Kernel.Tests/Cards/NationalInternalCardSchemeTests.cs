using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Cards;

public class NationalInternalCardSchemeTests
{
    private readonly NationalInternalCardScheme _scheme = new();

    [Theory]
    [InlineData("Industry_department", 'H', "100001", 2020, 1, "H100001200001")]
    [InlineData("Employer_filed_with_MOHRSS", 'Y', "000123", 2021, 9999, "Y000123219999")]
    [InlineData("Social_organisation_filed_with_province", 'S', "440017", 2026, 35, "S440017260035")]
    public void Formats(string name, char letter, string issuer, int year, int serial, string expected) =>
        _scheme.Format(letter, issuer, year, serial).Value.ShouldBe(expected, name);

    [Theory]
    [InlineData("Class_N_refused_by_CN", 'N', "000123", 2021, 1, "cn.card.internal-format")]
    [InlineData("Lower_case_y_refused", 'y', "000123", 2021, 1, "cn.card.internal-format")]
    [InlineData("Issuer_five_digits", 'Y', "00123", 2021, 1, "cn.card.internal-format")]
    [InlineData("Issuer_all_zeros", 'Y', "000000", 2021, 1, "cn.card.internal-format")]
    [InlineData("Serial_0000", 'Y', "000123", 2021, 0, "cn.card.serial-sequence")]
    [InlineData("Serial_10000", 'Y', "000123", 2021, 10000, "cn.card.serial-sequence")]
    public void Refuses_to_format(string name, char letter, string issuer, int year, int serial, string rule) =>
        _scheme.Format(letter, issuer, year, serial).Outcome.Violations.Select(v => v.Rule).ShouldBe([rule], name);

    [Fact]
    public void Parses_into_its_parts()
    {
        var card = _scheme.Parse("Y000123210007").Value.ShouldNotBeNull();
        card.Kind.ShouldBe(SupervisorKind.Internal);
        card.ClassLetter.ShouldBe('Y');
        card.IssuerCode.ShouldBe("000123");
        card.IssuerName.ShouldBeNull();
        card.Year.ShouldBe(2021);
        card.Serial.ShouldBe(7);
        card.AllocationKey.ToString().ShouldBe("cn.internal/Y000123/2021");
    }

    [Theory]
    [InlineData("Class_N_refused", "N000123210001", "'N' is not a national class letter")]
    [InlineData("Lower_case_s_refused", "s440017260035", "lower-case 's'")]
    [InlineData("Class_R_is_external", "R000123210001", "Position 1")]
    [InlineData("Issuer_not_digits", "Y00A123210001", "Positions 2–7")]
    [InlineData("Issuer_000000", "Y000000210001", "Positions 2–7")]
    [InlineData("Year_not_digits", "Y000123X10001", "Positions 8–9")]
    [InlineData("Serial_0000", "Y000123210000", "Positions 10–13")]
    [InlineData("Twelve_chars", "Y00012321000", "13 characters")]
    [InlineData("External_number", "R44200001", "13 characters")]
    public void Refuses_to_parse_naming_the_position(string name, string text, string where)
    {
        var v = _scheme.Parse(text).Outcome.Violations.ShouldHaveSingleItem(name);
        v.Rule.ShouldBe("cn.card.internal-format");
        v.Message.En.ShouldContain(where);
    }

    [Theory]
    [InlineData("Employer_filed_with_MOHRSS_gets_00_prefix", 'Y', IssuerFiling.Ministry, "0123", "000123")]
    [InlineData("Social_org_filed_with_MOHRSS_gets_00_prefix", 'S', IssuerFiling.Ministry, "4521", "004521")]
    [InlineData("Province_filed_keeps_its_6_digits", 'S', IssuerFiling.Province, "440017", "440017")]
    [InlineData("Industry_department_code_assigned_by_MOHRSS", 'H', IssuerFiling.Ministry, "100001", "100001")]
    public void Derives_the_issuer_code(string name, char letter, IssuerFiling filing, string filed, string expected) =>
        _scheme.IssuerCode(letter, filing, filed).Value.ShouldBe(expected, name);

    [Theory]
    [InlineData("MOHRSS_code_has_4_digits", 'Y', IssuerFiling.Ministry, "12345")]
    [InlineData("Provincial_serial_has_6_digits", 'Y', IssuerFiling.Province, "12345")]
    [InlineData("Letters_in_code", 'S', IssuerFiling.Province, "44A017")]
    [InlineData("All_zeros", 'Y', IssuerFiling.Ministry, "0000")]
    [InlineData("Industry_department_not_filed_with_province", 'H', IssuerFiling.Province, "440017")]
    [InlineData("Class_N", 'N', IssuerFiling.Province, "440017")]
    [InlineData("Missing_code", 'Y', IssuerFiling.Province, null)]
    public void Refuses_to_derive_the_issuer_code(string name, char letter, IssuerFiling filing, string? filed)
    {
        var result = _scheme.IssuerCode(letter, filing, filed);
        result.Succeeded.ShouldBeFalse(name);
        result.Outcome.Violations.ShouldAllBe(v => v.Rule == "cn.card.internal-format");
    }

    [Fact]
    public void Contract_members_number_an_internal_card()
    {
        var request = new CardIssueRequest
        {
            Kind = SupervisorKind.Internal, Issuer = JurisdictionCode.Parse("44"), IssuedOn = D("2020-12-31"),
            ClassLetter = 'S', InstitutionCode = "440017",
        };
        _scheme.CanIssue(request).Passed.ShouldBeTrue();
        _scheme.AllocationKey(request).ShouldBe(new CardAllocationKey("cn.internal", "S440017", 2020));
        _scheme.Format(request, 1).ShouldBe("S440017200001");
        _scheme.TryParse("S440017200001", out var n).ShouldBeTrue();
        n.Serial.ShouldBe(1);
    }

    [Fact]
    public void Refuses_a_request_without_class_letter_or_code_with_every_reason()
    {
        var request = new CardIssueRequest { Kind = SupervisorKind.External, Issuer = JurisdictionCode.Parse("44"), IssuedOn = D("2020-12-31") };
        _scheme.CanIssue(request).Violations.Count.ShouldBe(3);
        Should.Throw<ArgumentException>(() => _scheme.AllocationKey(request));
    }
}
