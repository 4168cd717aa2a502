using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Appointments;

public class AppointmentPolicyTests
{
    private static readonly AppointmentTerm[] ThreeTerms = [new(D("2020-09-01")), new(D("2023-09-01")), new(D("2026-09-01"))];

    [Fact]
    public void A_third_term_with_all_conditions_passes() =>
        new AppointmentPolicy().Check(new AppointmentRequest
        {
            Start = D("2026-09-01"),
            EarlierTerms = ThreeTerms[..2],
            Conditions = SupervisorConditions.AllAttested,
        }).Passed.ShouldBeTrue();

    [Fact]
    public void Returns_every_violation_not_just_the_first()
    {
        var outcome = new AppointmentPolicy().Check(new AppointmentRequest
        {
            Start = D("2029-08-31"),
            End = D("2033-08-30"),
            EarlierTerms = ThreeTerms,
            Assessments = [new AssessmentResult(D("2027-03-01"), false)],
            NonRenewals = [new NonRenewalDecision(ThreeTerms[^1].Start, D("2027-04-01"))],
            Conditions = SupervisorConditions.AllAttested with { Integrity = false },
        });
        outcome.Violations.Select(v => v.Rule).ShouldBe(
        [
            "cn.supervisor.conditions",
            "cn.appointment.term",
            "cn.appointment.term",
            "cn.appointment.max-terms",
            "cn.assessment.failed",
        ]);
    }

    [Fact]
    public void Rules_not_in_force_on_the_start_day_are_not_applied() =>
        new AppointmentPolicy().Check(new AppointmentRequest { Start = D("2020-08-31") }).Passed.ShouldBeTrue();
}
