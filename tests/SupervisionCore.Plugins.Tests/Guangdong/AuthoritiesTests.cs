using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Cards;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class AuthoritiesTests
{
    private static readonly GuangdongAuthorities Catalogue = new();

    [Fact]
    public void One_city_centre_per_city_of_table_3()
    {
        Catalogue.Authorities.Count.ShouldBe(21);
        Catalogue.Authorities.ShouldAllBe(a => a.Kind == AuthorityKind.CityCentre && a.Id == a.Jurisdiction.Value);
        Catalogue.Authorities.Select(a => a.Id).ShouldBeUnique();
        Catalogue.PackId.ShouldBe("gd");
        Catalogue.Scope.Value.ShouldBe("44");
    }

    [Fact]
    public void The_guangzhou_centre_issues_letter_A()
    {
        var a = Catalogue.Authorities.Single(x => x.Id == "44.A");
        a.CardIssuerCode.ShouldBe("A");
        a.Name.Zh.ShouldBe("广州市职业技能鉴定指导中心");
        a.Name.En.ShouldStartWith("Guangzhou");
        a.IsProvincialOrHigher.ShouldBeFalse();
    }

    [Fact]
    public void The_provincial_centre_stays_the_kernels() =>
        Catalogue.Authorities.ShouldNotContain(a => a.Id == "44");
}
