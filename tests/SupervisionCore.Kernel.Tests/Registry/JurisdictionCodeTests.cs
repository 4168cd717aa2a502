using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Tests.Registry;

public class JurisdictionCodeTests
{
    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("cn", "CN")]
    [InlineData("44", "44")]
    [InlineData("44.A", "44.A")]
    [InlineData("44.a", "44.A")]
    [InlineData("11.etdz", "11.ETDZ")]
    [InlineData(" 53 ", "53")]
    public void Parses_and_canonicalises(string text, string expected) =>
        JurisdictionCode.Parse(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("4")]
    [InlineData("444")]
    [InlineData("CHN")]
    [InlineData("44.")]
    [InlineData("44.A.B")]
    [InlineData("44.-A")]
    [InlineData("AB.C")]
    public void Rejects_malformed_codes(string text)
    {
        JurisdictionCode.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => JurisdictionCode.Parse(text));
    }

    [Fact]
    public void Rejects_null() => JurisdictionCode.TryParse(null, out _).ShouldBeFalse();

    [Theory]
    [InlineData("CN", "CN", true)]
    [InlineData("CN", "44", true)]
    [InlineData("CN", "44.A", true)]
    [InlineData("44", "44", true)]
    [InlineData("44", "44.A", true)]
    [InlineData("44", "CN", false)]
    [InlineData("44", "45", false)]
    [InlineData("44", "45.A", false)]
    [InlineData("44.A", "44", false)]
    [InlineData("44.A", "44.A", true)]
    [InlineData("44.A", "44.B", false)]
    [InlineData("11", "11.ETDZ", true)]
    [InlineData("11", "11.ETDZ.X", false)]
    public void Contains_its_own_subtree_only(string outer, string inner, bool expected)
    {
        if (!JurisdictionCode.TryParse(inner, out var innerCode))
        {
            expected.ShouldBeFalse();
            return;
        }
        JurisdictionCode.Parse(outer).Contains(innerCode).ShouldBe(expected);
    }

    [Fact]
    public void Default_value_contains_nothing() =>
        default(JurisdictionCode).Contains(JurisdictionCode.Parse("44")).ShouldBeFalse();

    [Theory]
    [InlineData("44.A", "44")]
    [InlineData("44", "CN")]
    [InlineData("CN", "CN")]
    [InlineData("11.ETDZ", "11")]
    public void Parent_climbs_one_level(string code, string parent) =>
        JurisdictionCode.Parse(code).Parent.ShouldBe(JurisdictionCode.Parse(parent));

    [Theory]
    [InlineData("CN", null, true, false)]
    [InlineData("44", "44", false, false)]
    [InlineData("44.A", "44", false, true)]
    public void Exposes_province_and_level(string code, string? province, bool national, bool sub)
    {
        var c = JurisdictionCode.Parse(code);
        c.Province.ShouldBe(province);
        c.IsNational.ShouldBe(national);
        c.IsSubJurisdiction.ShouldBe(sub);
    }

    [Fact]
    public void National_is_CN() => JurisdictionCode.National.ShouldBe(JurisdictionCode.Parse("cn"));
}
