using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class ExternalCardSchemeTests
{
    private static readonly GuangdongExternalCardScheme Scheme = new();

    private static CardIssueRequest Request(string issuer, int year = 2024, SupervisorKind kind = SupervisorKind.External) => new()
    {
        Kind = kind, Issuer = JurisdictionCode.Parse(issuer), IssuedOn = new DateOnly(year, 5, 6),
    };

    [Theory]
    [InlineData("44", 1, "R44240001")]
    [InlineData("44", 999, "R44240999")]
    [InlineData("44.A", 1, "R4424A001")]
    [InlineData("44.W", 42, "R4424W042")]
    [InlineData("44.N", 7, "R4424N007")]
    public void Formats_nine_characters_with_the_issuers_mark(string issuer, int serial, string expected)
    {
        var number = Scheme.Format(Request(issuer), serial);
        number.ShouldBe(expected);
        number.Length.ShouldBe(GuangdongExternalCardScheme.Length);
    }

    [Theory]
    [InlineData("44", "gd.external/44/2024")]
    [InlineData("44.A", "gd.external/44.A/2024")]
    [InlineData("44.B", "gd.external/44.B/2024")]
    public void Serials_are_taken_per_issuing_centre_per_year(string issuer, string key) =>
        Scheme.AllocationKey(Request(issuer)).ToString().ShouldBe(key);

    [Fact]
    public void A_new_year_starts_a_new_sequence() =>
        Scheme.AllocationKey(Request("44.A", 2025)).ShouldNotBe(Scheme.AllocationKey(Request("44.A", 2024)));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Serials_are_001_to_999(int serial)
    {
        Scheme.Serials.Contains(serial).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Scheme.Format(Request("44.A"), serial)).Message.ShouldContain("gd.card.external-format");
    }

    [Theory]
    [InlineData("44.I")]
    [InlineData("44.O")]
    [InlineData("44.X")]
    [InlineData("44.Y")]
    [InlineData("44.Z")]
    [InlineData("45")]
    [InlineData("CN")]
    [InlineData("11.A")]
    public void Only_the_provincial_centre_and_the_city_centres_of_44_issue(string issuer)
    {
        var outcome = Scheme.CanIssue(Request(issuer));
        outcome.Passed.ShouldBeFalse();
        var v = outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("gd.card.issuer-scope");
        v.Citation.ShouldBe("GD 5, 7");
        Should.Throw<ArgumentException>(() => Scheme.AllocationKey(Request(issuer)));
    }

    [Fact]
    public void Does_not_number_internal_cards()
    {
        Scheme.Kind.ShouldBe(SupervisorKind.External);
        Scheme.CanIssue(Request("44", kind: SupervisorKind.Internal)).Violations.ShouldContain(v => v.Rule == "gd.card.external-format");
        Scheme.TryParse("Y440123240001", out _).ShouldBeFalse();
        Scheme.TryParse("H000001240001", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AuthorityKind.ProvincialCentre, true)]
    [InlineData(AuthorityKind.CityCentre, true)]
    [InlineData(AuthorityKind.Ministry, false)]
    [InlineData(AuthorityKind.ZoneBureau, false)]
    [InlineData(AuthorityKind.IndustryDepartment, false)]
    public void Accepts_provincial_and_city_centres_as_issuers(AuthorityKind kind, bool accepted) =>
        ((ICardNumberScheme)Scheme).AcceptsIssuer(kind).ShouldBe(accepted);

    [Theory]
    [InlineData("R4424A001", 2024, 1, "A", "44.A")]
    [InlineData(" R4421W999 ", 2021, 999, "W", "44.W")]
    [InlineData("R44240001", 2024, 1, null, "44")]
    public void Parses_a_number(string text, int year, int serial, string? letter, string issuer)
    {
        var n = Scheme.Parse(text);
        n.Succeeded.ShouldBeTrue();
        n.Value.Year.ShouldBe(year);
        n.Value.Serial.ShouldBe(serial);
        n.Value.City?.Letter.ToString().ShouldBe(letter);
        n.Value.IssuerId.ShouldBe(issuer);
        n.Value.AllocationKey.ShouldBe(new CardAllocationKey("gd.external", issuer, year));
        Scheme.TryParse(text, out var number).ShouldBeTrue();
        number.Kind.ShouldBe(SupervisorKind.External);
    }

    [Fact]
    public void Format_and_parse_round_trip_for_every_city()
    {
        foreach (var city in SupervisionCore.Plugins.Guangdong.Cities.All)
        {
            var text = Scheme.Format(Request(city.Jurisdiction.Value), 123);
            Scheme.Parse(text).Value!.City.ShouldBe(city);
        }
    }

    [Theory]
    [InlineData("R4424I001", "Position 6")]
    [InlineData("R4424Z001", "Position 6")]
    [InlineData("R4424a001", "Position 6")]
    [InlineData("R44241234", "Position 6")]
    [InlineData("R4424A000", "Positions 7–9")]
    [InlineData("R4424A0x1", "Positions 7–9")]
    [InlineData("R45240001", "Positions 2–3")]
    [InlineData("r4424A001", "Position 1")]
    [InlineData("R44xxA001", "Positions 4–5")]
    [InlineData("R4424A0001", "9 characters")]
    [InlineData("", "9 characters")]
    public void Refuses_a_malformed_number_naming_the_position(string text, string where)
    {
        var result = Scheme.Parse(text);
        result.Succeeded.ShouldBeFalse();
        result.Outcome.Violations.ShouldContain(v => v.Rule == "gd.card.external-format" && v.Message.En.Contains(where, StringComparison.Ordinal));
        Scheme.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_national_number_of_44_with_a_four_digit_serial_stays_national()
    {
        Scheme.TryParse("R44241234", out _).ShouldBeFalse();
        new NationalExternalCardScheme().Parse("R44241234").Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Explains_the_N_of_the_internal_card_text()
    {
        var v = Scheme.Parse("N440123240001").Outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("gd.card.internal-format");
        v.Citation.ShouldBe("GD annex 1 二");
        v.Message.Zh.ShouldContain("表5");
        v.Message.En.ShouldContain("'N'");
        // The national internal scheme keeps refusing it with its own rule.
        new NationalInternalCardScheme().Parse("N440123240001").Outcome.Violations.ShouldContain(x => x.Rule == "cn.card.internal-format");
    }

    [Fact]
    public void Is_more_specific_than_the_national_scheme_in_44_and_its_cities()
    {
        ICardNumberScheme[] schemes = [new NationalExternalCardScheme(), Scheme];
        schemes.MostSpecific(JurisdictionCode.Parse("44.A")).ShouldBe(Scheme);
        schemes.MostSpecific(JurisdictionCode.Parse("44")).ShouldBe(Scheme);
        schemes.MostSpecific(JurisdictionCode.Parse("45")).ShouldBeOfType<NationalExternalCardScheme>();
    }
}

public class CardDecodingTests
{
    private static readonly GuangdongExternalCardScheme Scheme = new();

    [Theory]
    [InlineData("R4424A001", "A", "44.A", "广州市")]
    [InlineData("R4425W999", "W", "44.W", "云浮市")]
    [InlineData("R4424N007", "N", "44.N", "汕尾市")]
    public void A_city_number_decodes_to_its_city(string text, string letter, string city, string name)
    {
        Scheme.TryParse(text, out var number).ShouldBeTrue();
        var parts = ((ICardNumberScheme)Scheme).Describe(number);
        parts.Single(p => p.Key == "issuerMark").Value.ShouldBe(letter);
        var c = parts.Single(p => p.Key == "city");
        c.Value.ShouldBe(city);
        c.Name!.Zh.ShouldBe(name);
    }

    [Fact]
    public void A_provincial_number_has_no_city()
    {
        Scheme.TryParse("R44240001", out var number).ShouldBeTrue();
        var parts = Scheme.Describe(number);
        parts.ShouldHaveSingleItem().Value.ShouldBe("0");
    }

    [Theory]
    [InlineData("N440123240001", "gd.card.internal-format")]
    [InlineData(" N000001250001 ", "gd.card.internal-format")]
    [InlineData("R4424Z001", "gd.card.external-format")] // GD's own space: GD explains its letter (issue #16 item 5)
    [InlineData("H440123240001", null)]
    [InlineData("R4424A001", null)]
    public void Explains_only_the_N_of_the_text(string text, string? rule)
    {
        var outcome = Scheme.Explain(text);
        if (rule is null) { outcome.ShouldBeNull(); return; }
        outcome!.Violations.ShouldHaveSingleItem().Rule.ShouldBe(rule);
    }

    [Theory]
    [InlineData("44.A", 'A')]
    [InlineData("44.B", 'B')]
    [InlineData("44", '0')]
    public void The_letter_is_always_the_issuers_own(string issuer, char mark)
    {
        // A centre cannot ask for another city's letter: the request names only the issuer, the letter follows from it.
        var request = new CardIssueRequest { Kind = SupervisorKind.External, Issuer = JurisdictionCode.Parse(issuer), IssuedOn = new DateOnly(2025, 1, 2) };
        Scheme.Format(request, 5)[5].ShouldBe(mark);
    }

    [Theory]
    [InlineData("R44250000")]   // serial 000
    [InlineData("R4425A000")]
    [InlineData("R4425A01")]    // wrong length
    [InlineData("R4425A00001")]
    [InlineData("R4525A001")]   // wrong province
    [InlineData("R4325A001")]
    [InlineData("R4425X001")]   // not a city letter
    [InlineData("R4425O001")]
    public void Refuses_serial_000_wrong_length_province_and_letter(string text)
    {
        var result = Scheme.Parse(text);
        result.Succeeded.ShouldBeFalse();
        result.Outcome.Violations.ShouldAllBe(v => v.Rule == "gd.card.external-format");
    }
}

/// <summary>Issue #16 item 5: a malformed number of GD's own space is explained by GD alone, naming the letter.</summary>
public class ExternalCardLetterTests
{
    private static readonly GuangdongExternalCardScheme Scheme = new();

    [Theory]
    [InlineData("R4424X001", true)]
    [InlineData("R4424A001", true)]
    [InlineData("R44241234", true)]     // GD's space, though a valid national number (decoded as national before any explanation)
    [InlineData("R4524A001", false)]    // another province
    [InlineData("R4424A0001", false)]   // 10 characters
    [InlineData("Y440123240001", false)]
    [InlineData("", false)]
    public void Owns_nine_characters_beginning_R44(string text, bool owns) => Scheme.Owns(text).ShouldBe(owns);

    [Theory]
    [InlineData("R4424X001", "'X' is not the code of any city")]
    [InlineData("R4424O001", "'O' is not the code of any city")]
    [InlineData("R4424w001", "'w' should be 'W'")]
    [InlineData("R4424-001", "found '-'")]
    public void Explains_a_wrong_city_letter_as_the_fault(string text, string fault)
    {
        var outcome = Scheme.Explain(text);
        outcome.ShouldNotBeNull();
        var v = outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("gd.card.external-format");
        v.Message.En.ShouldContain("Position 6");
        v.Message.En.ShouldContain(fault);
        v.Message.Zh.ShouldContain("第6位");
    }

    [Theory]
    [InlineData("R4424A001")]   // valid: nothing to explain
    [InlineData("R4524A001")]   // not GD's space: the national format answers
    public void Explains_nothing_outside_its_faulty_own_space(string text) => Scheme.Explain(text).ShouldBeNull();
}
