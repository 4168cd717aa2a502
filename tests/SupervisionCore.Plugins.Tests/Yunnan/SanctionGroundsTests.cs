using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.Yunnan.Rules;
using SupervisionCore.Plugins.Yunnan.Sanctions;

namespace SupervisionCore.Plugins.Tests.Yunnan;

public class SanctionGroundsTests
{
    private static readonly YunnanSanctionGrounds Grounds = new();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("yn.dereliction", "criticism", "53", "2025-06-20", null)]
    [InlineData("yn.improper-gain", "admin-sanction", "53", "2025-06-20", null)]
    [InlineData("yn.falsification", "revocation", "53", "2025-06-20", null)]
    [InlineData("yn.abuse-of-power", "judicial-referral", "53", "2025-06-20", null)]
    [InlineData("yn.dereliction", "suspension", "53", "2025-06-20", "not 'suspension'")] // YN 21 does not suspend
    [InlineData("yn.dereliction", "dismissal", "53", "2025-06-20", "not 'dismissal'")]
    [InlineData("yn.dereliction", "criticism", "44", "2025-06-20", "applies only in 53")]
    [InlineData("yn.dereliction", "criticism", "53", "2022-12-31", "not in force")]
    public void A_YN_21_ground_allows_its_measures_in_53(string ground, string measure, string where, string on, string? problem)
    {
        var (extension, definition) = new ISanctionGrounds[] { Grounds }.FindGround(ground, SanctionTarget.Supervisor)!.Value;
        var outcome = SanctionGrounds.Check(extension, definition, measure, JurisdictionCode.Parse(where), D(on));
        if (problem is null) { outcome.Passed.ShouldBeTrue(); return; }
        var v = outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("yn.sanction.supervisor");
        v.Citation.ShouldStartWith("YN 21(");
        v.Message.En.ShouldContain(problem);
    }

    [Fact]
    public void YN_21_has_six_grounds_and_YN_20_six_on_the_national_ladder()
    {
        var supervisor = Grounds.Grounds.Where(g => g.Target == SanctionTarget.Supervisor).ToList();
        supervisor.Select(g => g.Citation.ToString()).ShouldBe(["YN 21(一)", "YN 21(二)", "YN 21(三)", "YN 21(四)", "YN 21(五)", "YN 21(六)"]);
        supervisor.ShouldAllBe(g => g.Rule == "yn.sanction.supervisor");
        var institution = Grounds.Grounds.Where(g => g.Target == SanctionTarget.Institution).ToList();
        institution.Count.ShouldBe(6);
        institution.ShouldAllBe(g => g.Rule == "cn.sanction.institution-ladder" && g.Citation.Article.StartsWith("20(", StringComparison.Ordinal));
        Grounds.Grounds.Select(g => g.Key).ShouldBeUnique();
        Grounds.Measures.Select(m => m.Key).ShouldBe(["admin-sanction", "judicial-referral"]);
        Grounds.Measures.ShouldAllBe(m => !m.EndsAppointment && m.Key.Length <= 20);
    }

    [Fact]
    public void A_YN_21_revocation_blacklists_through_YN_23() =>
        new BlacklistRule().OnSanction(new SanctionDecision("s1", JurisdictionCode.Parse("53"), "revocation", "yn.falsification", D("2025-06-20"),
            ["cn.sanction.supervisor-dismissal", "yn.sanction.supervisor"])).ShouldNotBeNull().Violation.Rule.ShouldBe("yn.revocation.blacklist");
}
