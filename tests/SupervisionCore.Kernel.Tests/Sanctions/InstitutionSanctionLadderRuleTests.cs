using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Kernel.Sanctions.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Sanctions;

public class InstitutionSanctionLadderRuleTests
{
    private const InstitutionSanctionGround Ground = InstitutionSanctionGround.RefusedInformation;
    private static readonly InstitutionSanction Notice = new(InstitutionSanctionStep.NoticeAndCorrection, D("2024-03-01"), Ground, D("2024-03-31"));
    private static readonly InstitutionSanction Recommendation = new(InstitutionSanctionStep.DisciplinaryRecommendation, D("2024-04-15"), Ground);
    private static readonly InstitutionSanction Disqualified = new(InstitutionSanctionStep.Disqualification, D("2024-06-01"), Ground);

    public static TheoryData<string, InstitutionSanction[], InstitutionSanction, bool> Transitions => new()
    {
        { "Notice_first", [], Notice, true },
        { "Refuses_notice_without_deadline", [], Notice with { CorrectionDeadline = null }, false },
        { "Refuses_deadline_on_the_day_of_notice", [], Notice with { CorrectionDeadline = D("2024-03-01") }, false },
        { "Recommendation_after_the_deadline", [Notice], Recommendation with { On = D("2024-04-01") }, true },
        { "Refuses_recommendation_on_the_deadline", [Notice], Recommendation with { On = D("2024-03-31") }, false },
        { "Serious_recommendation_before_the_deadline", [Notice], Recommendation with { On = D("2024-03-10"), SeriousJustification = "伪造考生档案" }, true },
        { "Refuses_skip_to_recommendation_without_justification", [], Recommendation, false },
        { "Skip_to_recommendation_with_justification", [], Recommendation with { SeriousJustification = "伪造考生档案" }, true },
        { "Refuses_skip_to_disqualification_without_justification", [], Disqualified, false },
        { "Refuses_blank_justification", [], Disqualified with { SeriousJustification = "  " }, false },
        { "Skip_to_disqualification_with_justification", [], Disqualified with { SeriousJustification = "打击报复督导员" }, true },
        { "Refuses_notice_to_disqualification_without_justification", [Notice], Disqualified, false },
        { "Disqualification_after_recommendation", [Notice, Recommendation], Disqualified, true },
        { "Repeated_notice", [Notice], Notice with { On = D("2024-04-01"), CorrectionDeadline = D("2024-04-30") }, true },
        { "Refuses_going_back_to_notice", [Notice, Recommendation], Notice with { On = D("2024-05-01"), CorrectionDeadline = D("2024-05-31") }, false },
        { "Refuses_any_step_after_disqualification", [Notice, Recommendation, Disqualified], Disqualified with { On = D("2024-07-01") }, false },
        { "Refuses_none_as_a_step", [], new InstitutionSanction(InstitutionSanctionStep.None, D("2024-03-01"), Ground), false },
        { "Refuses_undefined_ground", [], Notice with { Ground = (InstitutionSanctionGround)7 }, false },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Steps_in_order_unless_serious(string name, InstitutionSanction[] history, InstitutionSanction next, bool ok)
    {
        var outcome = new InstitutionSanctionLadderRule().CheckNext(history, next);
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.sanction.institution-ladder" && v.Citation == "CN 18");
    }

    [Theory]
    [InlineData("Before_disqualification", "2024-05-31", true)]
    [InlineData("Refuses_on_the_day_of_disqualification", "2024-06-01", false)]
    public void A_disqualified_institution_gets_no_new_activities(string name, string day, bool ok) =>
        new InstitutionSanctionLadderRule().CheckNewActivity([Notice, Recommendation, Disqualified], D(day)).Passed.ShouldBe(ok, name);

    [Fact]
    public void Current_step_is_the_highest_decided_by_the_day()
    {
        InstitutionSanction[] history = [Recommendation, Notice];
        InstitutionSanctionLadderRule.CurrentStep(history, D("2024-02-29")).ShouldBe(InstitutionSanctionStep.None);
        InstitutionSanctionLadderRule.CurrentStep(history, D("2024-03-01")).ShouldBe(InstitutionSanctionStep.NoticeAndCorrection);
        InstitutionSanctionLadderRule.CurrentStep(history, D("2024-04-15")).ShouldBe(InstitutionSanctionStep.DisciplinaryRecommendation);
    }
}
