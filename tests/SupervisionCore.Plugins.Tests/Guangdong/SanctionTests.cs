using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.Guangdong.Rules;
using SupervisionCore.Plugins.Guangdong.Sanctions;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class SanctionTests
{
    private static readonly DateOnly Day = new(2025, 6, 20);
    private static readonly LifetimeBanRule Ban = new();
    private static readonly GuangdongSanctionGrounds Catalogue = new();

    private static SanctionDecision Decision(string measure, string where = "44.A", string ground = "gd.dereliction") =>
        new("s1", JurisdictionCode.Parse(where), measure, ground, Day, ["cn.sanction.supervisor-dismissal", "gd.sanction.supervisor"]);

    [Theory]
    [InlineData("revocation", "44.A", true)]
    [InlineData("non-renewal", "44.A", true)]
    [InlineData("revocation", "44", true)]
    [InlineData("non-renewal", "44.W", true)]
    [InlineData("criticism", "44.A", false)]
    [InlineData("suspension", "44.A", false)]
    [InlineData("notify-employer", "44.A", false)]
    [InlineData("judicial-referral", "44.A", false)]
    [InlineData("dismissal", "44.A", false)] // 解聘 (CN 17) is not named by GD 21's last sentence
    [InlineData("ban", "44.A", false)]
    [InlineData("revocation", "43", false)] // outside Guangdong this rule says nothing
    [InlineData("revocation", "11.ETDZ", false)]
    public void Revocation_or_non_renewal_in_44_bans_the_person_for_good(string measure, string where, bool banned)
    {
        var bar = Ban.OnSanction(Decision(measure, where));
        (bar is not null).ShouldBe(banned);
        if (bar is null) return;
        bar.Scope.Value.ShouldBe("44");
        bar.From.ShouldBe(Day);
        bar.Until.ShouldBeNull();
        bar.Violation.Rule.ShouldBe("gd.sanction.supervisor");
        bar.Violation.Citation.ShouldBe("GD 21");
        bar.Violation.Message.Zh.ShouldContain("不得再从事广东省");
    }

    [Theory]
    [InlineData("44", "2025-06-20", true)]       // the decision day itself
    [InlineData("44.B", "2025-06-20", true)]     // every city, not only the one that decided
    [InlineData("44.A", "2075-01-01", true)]     // for good
    [InlineData("44.A", "2025-06-19", false)]    // not before the decision
    [InlineData("43", "2025-06-20", false)]      // another province
    [InlineData("CN", "2025-06-20", false)]      // a national act is not "in Guangdong"
    public void The_ban_covers_all_of_44_from_the_decision_day(string where, string on, bool barred) =>
        Ban.OnSanction(Decision("revocation"))!.Bars(JurisdictionCode.Parse(where), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(barred);

    [Fact]
    public void GD_21_has_eight_supervisor_grounds_and_GD_22_six_institution_grounds()
    {
        var supervisor = Catalogue.Grounds.Where(g => g.Target == SanctionTarget.Supervisor).ToList();
        supervisor.Count.ShouldBe(8);
        supervisor.Select(g => g.Citation.ToString()).ShouldBe(["GD 21(一)", "GD 21(二)", "GD 21(三)", "GD 21(四)", "GD 21(五)", "GD 21(六)", "GD 21(七)", "GD 21(八)"]);
        supervisor.ShouldAllBe(g => g.Rule == "gd.sanction.supervisor" && g.Key.StartsWith("gd.", StringComparison.Ordinal) && g.Key.Length <= 60);
        supervisor[5].Text.Zh.ShouldContain("泄露");
        supervisor.ShouldAllBe(g => g.Measures.SequenceEqual(GuangdongSanctionGrounds.SupervisorMeasures));
        var institution = Catalogue.Grounds.Where(g => g.Target == SanctionTarget.Institution).ToList();
        institution.Count.ShouldBe(6);
        institution.ShouldAllBe(g => g.Rule == "cn.sanction.institution-ladder" && g.Citation.Document == "GD" && g.Citation.Article.StartsWith("22(", StringComparison.Ordinal));
        Catalogue.Grounds.Select(g => g.Key).ShouldBeUnique();
        Catalogue.Measures.Select(m => m.Key).ShouldBe(["notify-employer", "non-renewal", "judicial-referral"]);
        Catalogue.Measures.ShouldAllBe(m => m.Key.Length <= 20);
        Catalogue.Measures.Single(m => m.Key == "non-renewal").EndsAppointment.ShouldBeTrue();
        Catalogue.Measures.Single(m => m.Key == "notify-employer").EndsAppointment.ShouldBeFalse();
    }

    [Theory]
    [InlineData("gd.leak", "revocation", "44.A", "2025-06-20", null)]
    [InlineData("gd.dereliction", "non-renewal", "44", "2025-06-20", null)]
    [InlineData("gd.unauthorised-or-refused", "criticism", "44.S", "2025-06-20", null)]
    [InlineData("gd.dereliction", "dismissal", "44.A", "2025-06-20", "not 'dismissal'")]   // not a GD 21 measure
    [InlineData("gd.dereliction", "ban", "44.A", "2025-06-20", "not 'ban'")]
    [InlineData("gd.dereliction", "revocation", "43", "2025-06-20", "applies only in 44")]
    [InlineData("gd.dereliction", "revocation", "44.A", "2020-12-31", "not in force")]      // before GD is in force
    public void A_GD_ground_allows_GD_21_measures_in_44_only(string ground, string measure, string where, string on, string? problem)
    {
        var (extension, definition) = new ISanctionGrounds[] { Catalogue }.FindGround(ground, SanctionTarget.Supervisor)!.Value;
        var outcome = SanctionGrounds.Check(extension, definition, measure, JurisdictionCode.Parse(where), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null) { outcome.Passed.ShouldBeTrue(); return; }
        var v = outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("gd.sanction.supervisor");
        v.Citation.ShouldStartWith("GD 21(");
        v.Message.En.ShouldContain(problem);
    }

    [Theory]
    [InlineData("gd.institution.refused-information", "notice-and-correction", "44.A", "2025-06-20", null)]
    [InlineData("gd.institution.deception", "disciplinary-recommendation", "44", "2025-06-20", null)]
    [InlineData("gd.institution.other", "disqualification", "44.W", "2025-06-20", null)]
    [InlineData("gd.institution.deception", "non-renewal", "44.A", "2025-06-20", "not 'non-renewal'")]   // a GD 21 measure, not a GD 22 step
    [InlineData("gd.institution.deception", "revocation", "44.A", "2025-06-20", "not 'revocation'")]
    [InlineData("gd.institution.retaliation", "notice-and-correction", "43", "2025-06-20", "applies only in 44")]
    [InlineData("gd.institution.retaliation", "notice-and-correction", "44.A", "2020-12-31", "not in force")]
    public void A_GD_22_ground_allows_the_ladder_steps_in_44_only(string ground, string step, string where, string on, string? problem)
    {
        var (extension, definition) = new ISanctionGrounds[] { Catalogue }.FindGround(ground, SanctionTarget.Institution)!.Value;
        var outcome = SanctionGrounds.Check(extension, definition, step, JurisdictionCode.Parse(where), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null) { outcome.Passed.ShouldBeTrue(); return; }
        var v = outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("cn.sanction.institution-ladder"); // GD 22 restates the CN 18 ladder
        v.Citation.ShouldStartWith("GD 22(");
        v.Message.En.ShouldContain(problem);
    }

    [Fact]
    public void Lookups_find_grounds_by_target_and_measures_by_key()
    {
        ISanctionGrounds[] all = [Catalogue];
        all.FindGround("gd.leak", SanctionTarget.Institution).ShouldBeNull();
        all.FindGround("gd.institution.retaliation", SanctionTarget.Institution).ShouldNotBeNull();
        all.FindGround("other", SanctionTarget.Supervisor).ShouldBeNull(); // national keys are the Host's, not a pack's
        all.FindMeasure("non-renewal")!.Value.Measure.Name.Zh.ShouldBe("不予续聘");
        all.FindMeasure("revocation").ShouldBeNull();
    }
}
