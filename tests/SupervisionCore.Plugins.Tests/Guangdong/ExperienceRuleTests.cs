using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class ExperienceRuleTests
{
    private static readonly ExperienceRule Rule = new();

    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(false, 1, true)]
    [InlineData(false, 2, true)]
    [InlineData(true, 0, true)]
    [InlineData(true, 1, true)]
    public void Eligible_when_staff_or_organising_for_a_year_or_more(bool staff, int years, bool eligible) =>
        Rule.Check(new SupervisorExperience(staff, years, 0)).Passed.ShouldBe(eligible);

    [Fact]
    public void Refuses_naming_rule_citation_and_years()
    {
        var v = Rule.Check(new SupervisorExperience(false, 0, 10)).Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("gd.eligibility.experience");
        v.Citation.ShouldBe("GD 6(五)");
        v.Message.Zh.ShouldContain("现为0年");
    }

    [Theory]
    [InlineData(SupervisorKind.External, false)]
    [InlineData(SupervisorKind.Internal, true)]
    public void Concerns_external_supervisors_at_appointment(SupervisorKind kind, bool passes)
    {
        var context = new EligibilityContext(new CandidateInfo { Kind = kind }, EligibilityStages.Appointment, new DateOnly(2024, 5, 6));
        Rule.Check(context).Passed.ShouldBe(passes);
        Rule.Stages.ShouldBe(EligibilityStages.Appointment);
    }
}
