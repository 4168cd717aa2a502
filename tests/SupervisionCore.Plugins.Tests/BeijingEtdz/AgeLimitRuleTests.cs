using System.Globalization;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class AgeLimitRuleTests
{
    private static readonly AgeLimitRule Rule = new();

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static CandidateInfo Person(Sex? sex, string? born) =>
        new() { SupervisorId = "s-1", Sex = sex, BirthDate = born is null ? null : D(born) };

    private static TaskInfo Task(string first, string? last = null) => new()
    {
        TaskId = "t-1", Kind = TaskKind.Daily, Jurisdiction = BeijingEtdzRules.Jurisdiction, InstitutionId = "i-1",
        ActivityDate = D(first), EndDate = last is null ? null : D(last),
    };

    [Theory]
    // A man: 65 on the day before his 66th birthday, 66 (refused) on it.
    [InlineData(Sex.Male, "1960-06-15", "2026-06-14", true)]
    [InlineData(Sex.Male, "1960-06-15", "2026-06-15", false)]
    // A woman: 60 on the day before her 61st birthday, 61 (refused) on it.
    [InlineData(Sex.Female, "1965-06-15", "2026-06-14", true)]
    [InlineData(Sex.Female, "1965-06-15", "2026-06-15", false)]
    // Born 29 February, the 66th / 61st birthday in a common year: the year of age is completed on 1 March.
    [InlineData(Sex.Male, "1960-02-29", "2026-02-28", true)]
    [InlineData(Sex.Male, "1960-02-29", "2026-03-01", false)]
    [InlineData(Sex.Female, "1964-02-29", "2025-02-28", true)]
    [InlineData(Sex.Female, "1964-02-29", "2025-03-01", false)]
    // (No 66th or 61st birthday of a 29 February birth can fall on a 29 February: 66 and 61 are not multiples of 4.)
    // A woman of 61 is refused where a man of 61 is not.
    [InlineData(Sex.Male, "1965-06-15", "2026-06-15", true)]
    public void Men_at_most_65_women_at_most_60_completed_years(Sex sex, string born, string on, bool allowed)
    {
        var candidate = Person(sex, born);
        Rule.Check(new EligibilityContext(candidate, EligibilityStages.Appointment, D(on))).Passed.ShouldBe(allowed);
        // At dispatch the kernel's screen runs the rule (EligibilityStages.Dispatch) for every path to a dispatch.
        var exclusions = AtDispatch(candidate, Task(on));
        (exclusions.Count == 0).ShouldBe(allowed);
        if (!allowed)
        {
            var exclusion = exclusions.ShouldHaveSingleItem();
            exclusion.Rule.ShouldBe("bj.eligibility.age");
            exclusion.Citation.ShouldBe("BJ 10(五)");
        }
    }

    [Fact]
    public void The_refusal_states_the_age_and_the_limit()
    {
        var violation = Rule.Check(Person(Sex.Female, "1965-06-15"), D("2026-06-15")).Violations.ShouldHaveSingleItem();
        violation.Rule.ShouldBe("bj.eligibility.age");
        violation.Message.Zh.ShouldContain("不超过60周岁");
        violation.Message.Zh.ShouldContain("61周岁");
        violation.Message.En.ShouldContain("she is 61");
    }

    [Theory]
    [InlineData(null, "1970-01-01", "sex")]
    [InlineData(Sex.Male, null, "birth date")]
    [InlineData(null, null, "sex and birth date")]
    public void A_missing_sex_or_birth_date_is_a_violation_not_a_guess(Sex? sex, string? born, string missing)
    {
        var violation = Rule.Check(Person(sex, born), D("2026-01-01")).Violations.ShouldHaveSingleItem();
        violation.Rule.ShouldBe("bj.eligibility.age");
        violation.Message.En.ShouldStartWith($"The {missing} ");
        AtDispatch(Person(sex, born), Task("2026-01-01")).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_dispatch_is_judged_on_the_last_day_of_the_activity()
    {
        // He turns 66 on the second day of a two-day activity: excluded.
        var man = Person(Sex.Male, "1960-06-15");
        AtDispatch(man, Task("2026-06-14")).ShouldBeEmpty();
        AtDispatch(man, Task("2026-06-14", "2026-06-15")).ShouldNotBeEmpty();
        Rule.Check(new EligibilityContext(man, EligibilityStages.Dispatch, D("2026-06-14"), Task("2026-06-14", "2026-06-15"))).Passed.ShouldBeFalse();
    }

    private static IReadOnlyList<Kernel.Rules.Violation> AtDispatch(CandidateInfo candidate, TaskInfo task) =>
        new Kernel.Dispatch.DispatchScreen(task, [], [Rule]).Exclusions(candidate, []);

    [Fact]
    public void Applies_at_appointment_and_dispatch_in_the_zone()
    {
        Rule.Stages.ShouldBe(EligibilityStages.Both);
        Rule.Scope.ShouldBe(JurisdictionCode.Parse("11.ETDZ"));
        Rule.PackId.ShouldBe("bj-etdz");
        Rule.Scope.Contains(JurisdictionCode.Parse("11")).ShouldBeFalse();
    }
}
