using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Tests.Registry;

public class CardAuthoritiesTests
{
    [Fact]
    public void Table_3_has_the_ministry_34_provincial_divisions_and_the_Corps()
    {
        CardAuthorities.All.Count.ShouldBe(36);
        CardAuthorities.Codes.Distinct().Count().ShouldBe(36);
        CardAuthorities.Codes[0].ShouldBe("00");
    }

    [Fact]
    public void Code_00_is_MOHRSS_with_national_jurisdiction()
    {
        CardAuthorities.TryGet("00", out var a).ShouldBeTrue();
        a.Code.ShouldBe("CN");
        a.Name.Zh.ShouldBe("人力资源社会保障部");
    }

    [Theory]
    [InlineData("11", "北京市", "Beijing")]
    [InlineData("44", "广东省", "Guangdong")]
    [InlineData("53", "云南省", "Yunnan")]
    [InlineData("82", "澳门特别行政区", "Macao Special Administrative Region")]
    public void Provinces_have_chinese_and_english_names(string code, string zh, string en)
    {
        var a = CardAuthorities.Find(code).ShouldNotBeNull();
        a.Code.ShouldBe(code);
        a.Name.ShouldBe(new LocalizedText(zh, en));
    }

    [Fact]
    public void Code_66_is_kept_with_a_note_that_it_is_not_in_GB_T_2260()
    {
        var corps = CardAuthorities.Find("66").ShouldNotBeNull();
        corps.Name.Zh.ShouldBe("新疆生产建设兵团");
        corps.Note.ShouldNotBeNull().ShouldContain("GB/T 2260");
        CardAuthorities.All.Where(a => a.Note is not null).Select(a => a.Code).ShouldBe(["66"]);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("16")]
    [InlineData("67")]
    [InlineData("99")]
    [InlineData("4")]
    [InlineData(null)]
    public void Unknown_codes_are_not_found(string? code) => CardAuthorities.TryGet(code, out _).ShouldBeFalse();

    [Theory]
    [InlineData("CN", "00")]
    [InlineData("44", "44")]
    [InlineData("44.A", "44")]
    [InlineData("11.ETDZ", "11")]
    [InlineData("16", null)]
    public void Card_code_of_a_jurisdiction(string jurisdiction, string? expected) =>
        CardAuthorities.CardCodeOf(JurisdictionCode.Parse(jurisdiction)).ShouldBe(expected);

    [Fact]
    public void Every_entry_is_a_valid_jurisdiction_code() =>
        CardAuthorities.All.Where(a => !JurisdictionCode.TryParse(a.Code, out var _)).ShouldBeEmpty();
}
