using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Kernel.Sanctions.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Sanctions;

public class SupervisorDismissalRuleTests
{
    public static TheoryData<string, SupervisorSanctionMeasure, SupervisorSanctionGround, string, bool> Cases => new()
    {
        { "Dismissal_for_unauthorised_participation", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.UnauthorisedParticipation, "2024-03-01", true },
        { "Dismissal_for_refusal_without_reason", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.RefusalWithoutReason, "2024-03-01", true },
        { "Dismissal_for_not_performing_duties", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.NotPerformingDuties, "2024-03-01", true },
        { "Dismissal_for_bad_influence", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.BadInfluence, "2024-03-01", true },
        { "Refuses_dismissal_on_another_ground", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.Other, "2024-03-01", false },
        { "Revocation_on_another_ground", SupervisorSanctionMeasure.Revocation, SupervisorSanctionGround.Other, "2024-03-01", true },
        { "Criticism_on_another_ground", SupervisorSanctionMeasure.Criticism, SupervisorSanctionGround.Other, "2024-03-01", true },
        { "Dismissal_on_another_ground_before_the_procedure", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.Other, "2020-08-31", true },
        { "Refuses_dismissal_on_another_ground_on_the_first_day", SupervisorSanctionMeasure.Dismissal, SupervisorSanctionGround.Other, "2020-09-01", false },
        { "Refuses_undefined_measure", (SupervisorSanctionMeasure)9, SupervisorSanctionGround.BadInfluence, "2024-03-01", false },
        { "Refuses_undefined_ground", SupervisorSanctionMeasure.Criticism, (SupervisorSanctionGround)9, "2024-03-01", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dismissal_needs_a_ground_of_article_17(string name, SupervisorSanctionMeasure measure, SupervisorSanctionGround ground, string on, bool ok)
    {
        var outcome = new SupervisorDismissalRule().Check(measure, ground, D(on));
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.sanction.supervisor-dismissal" && v.Citation == "CN 17");
    }

    [Theory]
    [InlineData(SupervisorSanctionMeasure.Criticism, false)]
    [InlineData(SupervisorSanctionMeasure.Suspension, false)]
    [InlineData(SupervisorSanctionMeasure.Dismissal, true)]
    [InlineData(SupervisorSanctionMeasure.Revocation, true)]
    [InlineData(SupervisorSanctionMeasure.Ban, false)]
    public void Dismissal_and_revocation_end_the_appointment(SupervisorSanctionMeasure measure, bool ends) =>
        SupervisorDismissalRule.EndsAppointment(measure).ShouldBe(ends);
}
