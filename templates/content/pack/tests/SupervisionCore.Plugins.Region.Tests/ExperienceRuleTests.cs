using SupervisionCore.Plugins.Region.Rules;

namespace SupervisionCore.Plugins.Region.Tests;

public class ExperienceRuleTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(10, true)]
    public void At_least_3_years_of_examining(int years, bool eligible)
    {
        var outcome = new ExperienceRule().Check(years);
        Assert.Equal(eligible, outcome.Passed);
        if (!eligible) Assert.Equal("region-pack-id.eligibility.experience", Assert.Single(outcome.Violations).Rule);
    }
}
