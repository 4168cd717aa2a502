using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Assessments;

public class SupervisorFileDecisionsTests
{
    private static Decision<AssessmentRecorded> Assess(int year, string on, AssessmentGrade grade = AssessmentGrade.Passed, string? grounds = null, string today = "2026-06-30", bool served = true) =>
        SupervisorFileDecisions.Assess(new AssessmentFacts(year, D(on), grade, grounds, D(today), served));

    [Theory]
    [InlineData(2025, "2024-12-31", false)] // the day before the year assessed
    [InlineData(2025, "2025-01-01", true)]  // its first day
    [InlineData(2025, "2025-12-20", true)]
    [InlineData(2025, "2026-03-31", true)]  // the year after
    [InlineData(2024, "2025-12-31", true)]  // the last day of the year after
    [InlineData(2024, "2026-01-01", false)] // the day after it
    public void An_assessment_is_decided_in_its_year_or_the_year_after(int year, string on, bool allowed)
    {
        var d = Assess(year, on);
        d.Allowed.ShouldBe(allowed);
        if (!allowed) d.Violations.ShouldHaveSingleItem().Rule.ShouldBe("cn.assessment.record");
    }

    [Theory]
    [InlineData("2026-06-30", true)]  // today
    [InlineData("2026-07-01", false)] // tomorrow
    public void An_assessment_is_not_recorded_for_a_future_day(string on, bool allowed) =>
        Assess(2026, on).Allowed.ShouldBe(allowed);

    [Theory]
    [InlineData(AssessmentGrade.Failed, null, false)]
    [InlineData(AssessmentGrade.Failed, "  ", false)]
    [InlineData(AssessmentGrade.Failed, "两次未按期报送督导记录", true)]
    [InlineData(AssessmentGrade.Passed, null, true)]
    [InlineData(AssessmentGrade.Excellent, null, true)]
    public void A_failure_records_its_grounds(AssessmentGrade grade, string? grounds, bool allowed)
    {
        var d = Assess(2025, "2025-12-20", grade, grounds);
        d.Allowed.ShouldBe(allowed);
        if (allowed) d.Transition!.Rules.ShouldBe(grade == AssessmentGrade.Failed ? ["cn.assessment.record", "cn.assessment.failed"] : ["cn.assessment.record"]);
    }

    [Fact]
    public void Only_a_supervisor_who_served_in_the_year_is_assessed_and_every_problem_is_named()
    {
        var d = Assess(2025, "2027-01-05", AssessmentGrade.Failed, null, today: "2026-06-30", served: false);
        d.Allowed.ShouldBeFalse();
        d.Violations.Count.ShouldBe(4); // too late, future, no grounds, did not serve
        d.Violations.ShouldAllBe(v => v.Rule == "cn.assessment.record" && v.Citation == "CN 11");
    }

    private sealed class Provided(string scope, Func<CommendationRequest, bool> pass) : ICommendationRule
    {
        public string PackId => "xx";
        public JurisdictionCode Scope => JurisdictionCode.Parse(scope);
        public RuleDescriptor Rule { get; } = new("xx.commendation", new LocalizedText("表彰", "commendation"), new Citation("XX", "9", "第九条"), JurisdictionCode.Parse(scope), "xx", new DateOnly(2023, 1, 1));
        public RuleOutcome Check(CommendationRequest request) => pass(request) ? RuleOutcome.Pass : RuleOutcome.Fail(Rule.Violated(new LocalizedText("否", "no")));
    }

    private static Decision<CommendationRecorded> Commend(string where, string on = "2025-06-01", string? reason = "突出贡献", params ICommendationRule[] rules) =>
        SupervisorFileDecisions.Commend(new CommendationFacts(D(on), D("2025-06-30"), 2024, reason,
            new CommendationSubject("s1", SupervisorKind.External, JurisdictionCode.Parse(where), []), rules));

    [Fact]
    public void A_commendation_needs_a_regional_text_in_force_where_the_supervisor_is()
    {
        var provided = new Provided("44", _ => true);
        Commend("44.A", rules: provided).Transition!.Rules.ShouldBe(["cn.supervisor.file", "xx.commendation"]);
        Commend("44.A", rules: provided).Transition!.Citations.ShouldBe(["XX 9"]);
        Commend("43", rules: provided).Violations.ShouldHaveSingleItem().Rule.ShouldBe("cn.supervisor.file");
        Commend("44.A").Violations.ShouldHaveSingleItem().Rule.ShouldBe("cn.supervisor.file");
        Commend("44.A", on: "2022-12-31", rules: provided).Violations.ShouldHaveSingleItem().Rule.ShouldBe("cn.supervisor.file"); // before the text
        Commend("44.A", rules: new Provided("44", _ => false)).Violations.ShouldHaveSingleItem().Rule.ShouldBe("xx.commendation");
    }

    [Theory]
    [InlineData("2025-06-30", "突出贡献", true)]  // today
    [InlineData("2025-07-01", "突出贡献", false)] // tomorrow
    [InlineData("2025-06-01", "", false)]
    [InlineData("2025-06-01", null, false)]
    public void A_commendation_has_a_reason_and_is_not_dated_ahead(string on, string? reason, bool allowed) =>
        Commend("44.A", on, reason, new Provided("44", _ => true)).Allowed.ShouldBe(allowed);

    [Theory]
    [InlineData("excellent", AssessmentGrade.Excellent, true)]
    [InlineData("passed", AssessmentGrade.Passed, true)]
    [InlineData("failed", AssessmentGrade.Failed, false)]
    public void Grades_round_trip_their_wire_names(string key, AssessmentGrade grade, bool pass)
    {
        AssessmentGrades.Parse(key).ShouldBe(grade);
        grade.Key().ShouldBe(key);
        grade.IsPass().ShouldBe(pass);
        AssessmentGrades.Parse("合格").ShouldBeNull();
    }
}
