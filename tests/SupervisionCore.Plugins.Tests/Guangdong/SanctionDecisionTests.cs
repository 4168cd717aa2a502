using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.Guangdong.Sanctions;

namespace SupervisionCore.Plugins.Tests.Guangdong;

/// <summary>
/// Sanctions as one kernel decision each (issue #16 C), with GD's grounds through the ISanctionGrounds extension point:
/// the same answers the sanction endpoints give.
/// </summary>
public class SanctionDecisionTests
{
    private static readonly ISanctionGrounds[] Packs = [new GuangdongSanctionGrounds()];
    private static readonly JurisdictionCode Gd = JurisdictionCode.Parse("44.A");
    private static readonly JurisdictionCode Yn = JurisdictionCode.Parse("53");
    private static readonly DateOnly On = new(2025, 6, 1);

    private static readonly Dictionary<string, SupervisorSanctionMeasure> National = new()
    {
        ["criticism"] = SupervisorSanctionMeasure.Criticism, ["suspension"] = SupervisorSanctionMeasure.Suspension,
        ["dismissal"] = SupervisorSanctionMeasure.Dismissal, ["revocation"] = SupervisorSanctionMeasure.Revocation,
    };

    [Theory]
    [InlineData("dismissal_on_a_national_ground", "dismissal", "not-performing-duties", "44.A", null, true)]
    [InlineData("dismissal_without_a_ground_of_article_17", "dismissal", "other", "44.A", "cn.sanction.supervisor-dismissal", false)]
    [InlineData("gd_non_renewal_on_a_gd_ground", "non-renewal", "gd.leak", "44.A", null, true)]
    [InlineData("gd_non_renewal_on_a_national_ground", "non-renewal", "not-performing-duties", "44.A", "gd.sanction.supervisor", false)]
    [InlineData("gd_ground_outside_guangdong", "criticism", "gd.leak", "53", "gd.sanction.supervisor", false)]
    [InlineData("gd_revocation_on_a_gd_ground", "revocation", "gd.falsification", "44.A", null, true)]
    public void A_supervisor_sanction_is_judged_by_the_pack_ground_then_the_national_rule(string name, string measure, string ground, string where, string? rule, bool ends)
    {
        _ = name;
        var d = SanctionDecisions.DecideSupervisor(new(measure, National.TryGetValue(measure, out var m) ? m : null, ground,
            ground switch { "not-performing-duties" => SupervisorSanctionGround.NotPerformingDuties, _ => SupervisorSanctionGround.Other },
            JurisdictionCode.Parse(where), On, Packs));
        d.Allowed.ShouldBe(rule is null);
        if (rule is not null) { d.Violations.Select(v => v.Rule).ShouldContain(rule); return; }
        d.Transition!.EndsAppointment.ShouldBe(ends);
        d.Transition.Rules.ShouldContain("cn.sanction.supervisor-dismissal");
        if (ground.StartsWith("gd.", StringComparison.Ordinal)) d.Transition.Rules.ShouldContain("gd.sanction.supervisor");
    }

    [Theory]
    [InlineData("first_notice_on_a_national_ground", "notice-and-correction", InstitutionSanctionStep.NoticeAndCorrection, "refuse-materials", "44.A", null)]
    [InlineData("first_notice_on_a_gd_ground", "notice-and-correction", InstitutionSanctionStep.NoticeAndCorrection, "gd.institution.retaliation", "44.A", null)]
    [InlineData("gd_ground_outside_guangdong", "notice-and-correction", InstitutionSanctionStep.NoticeAndCorrection, "gd.institution.retaliation", "53", "cn.sanction.institution-ladder")]
    [InlineData("a_supervisor_measure_on_an_institution", "non-renewal", null, "refuse-materials", "44.A", "cn.sanction.institution-ladder")]
    [InlineData("disqualification_first_without_justification", "disqualification", InstitutionSanctionStep.Disqualification, "refuse-materials", "44.A", "cn.sanction.institution-ladder")]
    public void An_institution_sanction_is_judged_by_the_pack_ground_then_the_ladder(string name, string key, InstitutionSanctionStep? step, string ground, string where, string? rule)
    {
        _ = name;
        var d = SanctionDecisions.DecideInstitution(new(key, step, ground, InstitutionSanctionGround.Other, JurisdictionCode.Parse(where), On,
            step == InstitutionSanctionStep.NoticeAndCorrection ? On.AddDays(30) : null, null, [], On, Packs));
        d.Allowed.ShouldBe(rule is null);
        if (rule is not null) { d.Violations.Select(v => v.Rule).ShouldContain(rule); return; }
        d.Transition!.Before.ShouldBe(InstitutionSanctionStep.None);
        d.Transition.After.ShouldBe(InstitutionSanctionStep.NoticeAndCorrection);
        d.Transition.Rules[0].ShouldBe("cn.sanction.institution-ladder");
    }

    [Theory]
    [InlineData("the_day_before_the_bar", -1, false)]
    [InlineData("the_day_of_the_bar", 0, true)]
    [InlineData("years_later", 3650, true)]
    public void A_lifetime_bar_refuses_from_its_day_inside_its_scope_only(string name, int days, bool barred)
    {
        _ = name;
        StoredRegistryBar[] bars = [new(JurisdictionCode.Parse("44"), On, null, "gd.sanction.supervisor", "GD 21", new("禁入", "barred"))];
        SanctionDecisions.BarsInForce(bars, Gd, On.AddDays(days)).Count.ShouldBe(barred ? 1 : 0);
        SanctionDecisions.BarsInForce(bars, Yn, On.AddDays(days)).ShouldBeEmpty();
    }
}
