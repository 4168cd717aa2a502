using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Features.Eligibility.Check;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

public class ExperienceRuleTests
{
    private static readonly ExperienceRule Rule = new();

    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(false, 2, false)]
    [InlineData(false, 3, true)]
    [InlineData(false, 4, true)]
    [InlineData(true, 0, true)]
    [InlineData(true, 2, true)]
    public void Eligible_when_staff_or_examiner_for_3_years_or_more(bool staff, int years, bool eligible) =>
        Rule.Check(new SupervisorExperience(staff, 0, years)).Passed.ShouldBe(eligible);

    [Fact]
    public void Refuses_an_examiner_of_2_years_naming_rule_and_citation()
    {
        var violation = Rule.Check(new SupervisorExperience(false, 0, 2)).Violations.ShouldHaveSingleItem();
        violation.Rule.ShouldBe("yn.eligibility.experience");
        violation.Citation.ShouldBe("YN 6(三)");
        violation.Message.Zh.ShouldContain("现为2年");
        violation.Message.En.ShouldContain("has 2");
    }

    [Fact]
    public void Checks_the_candidate_of_an_eligibility_context()
    {
        var context = new EligibilityContext(
            new CandidateInfo { Experience = new SupervisorExperience(false, 5, 3) },
            EligibilityStages.Appointment, new DateOnly(2024, 5, 6));
        Rule.Check(context).Passed.ShouldBeTrue();
        Rule.Stages.ShouldBe(EligibilityStages.Appointment);
    }

    [Fact]
    public void Years_organising_do_not_count_as_examining() =>
        Rule.Check(new SupervisorExperience(false, 10, 0)).Passed.ShouldBeFalse();

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(80, true)]
    [InlineData(81, false)]
    public void Examiner_years_are_validated(int years, bool valid)
    {
        var result = new RequestValidator().Validate(new Request { ExaminerYears = years });
        result.IsValid.ShouldBe(valid);
        if (!valid) result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("examinerYears");
    }
}
