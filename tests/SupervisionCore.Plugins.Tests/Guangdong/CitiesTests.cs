using SupervisionCore.Plugins.Guangdong;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class CitiesTests
{
    [Theory]
    [InlineData('A', "广州市", "Guangzhou")]
    [InlineData('B', "深圳市", "Shenzhen")]
    [InlineData('C', "珠海市", "Zhuhai")]
    [InlineData('D', "汕头市", "Shantou")]
    [InlineData('E', "佛山市", "Foshan")]
    [InlineData('F', "韶关市", "Shaoguan")]
    [InlineData('P', "河源市", "Heyuan")]
    [InlineData('M', "梅州市", "Meizhou")]
    [InlineData('L', "惠州市", "Huizhou")]
    [InlineData('N', "汕尾市", "Shanwei")]
    [InlineData('S', "东莞市", "Dongguan")]
    [InlineData('T', "中山市", "Zhongshan")]
    [InlineData('J', "江门市", "Jiangmen")]
    [InlineData('Q', "阳江市", "Yangjiang")]
    [InlineData('G', "湛江市", "Zhanjiang")]
    [InlineData('K', "茂名市", "Maoming")]
    [InlineData('H', "肇庆市", "Zhaoqing")]
    [InlineData('R', "清远市", "Qingyuan")]
    [InlineData('U', "潮州市", "Chaozhou")]
    [InlineData('V', "揭阳市", "Jieyang")]
    [InlineData('W', "云浮市", "Yunfu")]
    public void Table_3_letter_names_the_city(char letter, string zh, string en)
    {
        var city = Cities.Find(letter).ShouldNotBeNull();
        city.Name.Zh.ShouldBe(zh);
        city.Name.En.ShouldBe(en);
        city.Jurisdiction.Value.ShouldBe($"44.{letter}");
        city.CardPrefixHint.ShouldBe($"R44yy{letter}");
    }

    [Fact]
    public void There_are_21_cities_with_distinct_letters_and_no_I_O_X_Y_Z()
    {
        Cities.All.Count.ShouldBe(21);
        Cities.All.Select(c => c.Letter).ShouldBeUnique();
        Cities.All.Select(c => c.Letter).ShouldBeSubsetOf("ABCDEFGHJKLMNPQRSTUVW".ToCharArray());
    }

    [Theory]
    [InlineData('0')]
    [InlineData('I')]
    [InlineData('X')]
    public void Provincial_zero_and_unused_letters_are_not_cities(char letter) => Cities.Find(letter).ShouldBeNull();

    [Fact]
    public void Lower_case_letters_are_accepted() => Cities.Find('a').ShouldNotBeNull().Name.En.ShouldBe("Guangzhou");

    [Fact]
    public void Pack_jurisdictions_are_the_cities() =>
        new PolicyPack().Jurisdictions.Select(j => j.Code).ShouldBe(Cities.All.Select(c => $"44.{c.Letter}"));
}
