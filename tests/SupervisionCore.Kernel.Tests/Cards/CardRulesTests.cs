using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Cards;

public class CardRulesTests
{
    [Theory]
    [InlineData("External_by_MOHRSS", SupervisorKind.External, CardIssuerKind.Ministry, null, true)]
    [InlineData("External_by_province", SupervisorKind.External, CardIssuerKind.ProvincialCentre, null, true)]
    [InlineData("Refuses_external_by_city_centre", SupervisorKind.External, CardIssuerKind.SubProvincialCentre, null, false)]
    [InlineData("Refuses_external_by_institution", SupervisorKind.External, CardIssuerKind.EvaluationInstitution, null, false)]
    [InlineData("Internal_Y_by_institution", SupervisorKind.Internal, CardIssuerKind.EvaluationInstitution, 'Y', true)]
    [InlineData("Internal_H_by_industry_department", SupervisorKind.Internal, CardIssuerKind.IndustryDepartment, 'H', true)]
    [InlineData("Refuses_internal_H_by_institution", SupervisorKind.Internal, CardIssuerKind.EvaluationInstitution, 'H', false)]
    [InlineData("Refuses_internal_S_by_industry_department", SupervisorKind.Internal, CardIssuerKind.IndustryDepartment, 'S', false)]
    [InlineData("Refuses_internal_by_provincial_centre", SupervisorKind.Internal, CardIssuerKind.ProvincialCentre, null, false)]
    public void Issuer_level(string name, SupervisorKind kind, CardIssuerKind issuer, char? letter, bool ok)
    {
        var outcome = new CardIssuerLevelRule().Check(kind, issuer, letter);
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.card.issuer-level" && v.Citation == "CN 7");
    }

    [Theory]
    [InlineData("Passed_before_issue", SupervisorKind.External, "2024-05-01", true, "2024-05-06", true)]
    [InlineData("Passed_on_the_day_of_issue", SupervisorKind.External, "2024-05-06", true, "2024-05-06", true)]
    [InlineData("Refuses_pass_after_issue_day", SupervisorKind.External, "2024-05-07", true, "2024-05-06", false)]
    [InlineData("Refuses_failed_training", SupervisorKind.External, "2024-05-01", false, "2024-05-06", false)]
    [InlineData("Refuses_internal_training_for_external_card", SupervisorKind.Internal, "2024-05-01", true, "2024-05-06", false)]
    public void Requires_passed_training(string name, SupervisorKind trainedFor, string on, bool passed, string issuedOn, bool ok)
    {
        var outcome = new CardRequiresTrainingRule().Check(SupervisorKind.External, D(issuedOn), [new QualificationTraining(trainedFor, D(on), passed)]);
        outcome.Passed.ShouldBe(ok, name);
        outcome.Violations.ShouldAllBe(v => v.Rule == "cn.card.requires-training");
    }

    [Fact]
    public void Refuses_a_card_without_any_training() =>
        new CardRequiresTrainingRule().Check(SupervisorKind.Internal, D("2024-05-06"), []).Passed.ShouldBeFalse();

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(9999, true)]
    [InlineData(10000, false)]
    public void Serial_sequence_bounds(int serial, bool ok) =>
        new CardSerialSequenceRule().Check(serial, new CardSerialRange(1, 9999)).Passed.ShouldBe(ok);
}
