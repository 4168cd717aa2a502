using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Rules;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>The commendation rules of GD 21 and YN 22, and YN 22's reading of the national assessment record.</summary>
public class CommendationAndAssessmentTests
{
    private static readonly DateOnly Day = new(2026, 1, 20);

    private static CommendationRequest Request(string where, SupervisorKind kind, int? year, params (int Year, AssessmentGrade Grade)[] grades) =>
        new(new CommendationSubject("s1", kind, JurisdictionCode.Parse(where), [.. grades.Select(g => new AnnualGrade(g.Year, g.Grade))]), Day, year);

    [Theory]
    [InlineData(2025, AssessmentGrade.Excellent, 2025, true)]
    [InlineData(2025, AssessmentGrade.Passed, 2025, false)]
    [InlineData(2025, AssessmentGrade.Failed, 2025, false)]
    [InlineData(2024, AssessmentGrade.Excellent, 2025, false)] // excellent in another year
    public void YN_22_commends_an_excellent_assessment_of_the_year(int assessedYear, AssessmentGrade grade, int year, bool pass)
    {
        var outcome = new CommendationRule().Check(Request("53", SupervisorKind.Internal, year, (assessedYear, grade)));
        outcome.Passed.ShouldBe(pass);
        if (!pass) outcome.Violations.ShouldHaveSingleItem().Citation.ShouldBe("YN 22");
    }

    [Fact]
    public void YN_22_needs_the_year() =>
        new CommendationRule().Check(Request("53", SupervisorKind.External, null, (2025, AssessmentGrade.Excellent))).Violations.ShouldHaveSingleItem().Rule.ShouldBe("yn.commendation");

    [Theory]
    [InlineData(SupervisorKind.External, true)]
    [InlineData(SupervisorKind.Internal, false)]
    public void GD_21_commends_external_supervisors(SupervisorKind kind, bool pass)
    {
        var outcome = new IncentiveRule().Check(Request("44.A", kind, null));
        outcome.Passed.ShouldBe(pass);
        if (!pass) outcome.Violations.ShouldHaveSingleItem().Rule.ShouldBe("gd.incentive");
    }

    [Theory]
    [InlineData("53", AssessmentGrade.Failed, "2025-12-20", true)]
    [InlineData("53", AssessmentGrade.Failed, "2026-01-10", true)]  // decided the year after, for 2025
    [InlineData("53", AssessmentGrade.Passed, "2025-12-20", false)]
    [InlineData("53", AssessmentGrade.Excellent, "2025-12-20", false)]
    [InlineData("44", AssessmentGrade.Failed, "2025-12-20", false)] // outside Yunnan YN 22 says nothing
    public void A_failed_national_assessment_in_53_revokes_by_YN_22(string where, AssessmentGrade grade, string on, bool revokes)
    {
        var decision = new AnnualAssessmentReading().OnAssessment(new AssessmentOutcome("s1", SupervisorKind.External, JurisdictionCode.Parse(where), 2025,
            DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), grade));
        (decision is not null).ShouldBe(revokes);
        if (decision is null) return;
        decision.Action.ShouldBe(LifecycleAction.RevokeQualification);
        decision.Violation.Rule.ShouldBe("yn.assessment.annual");
        decision.Violation.Message.Zh.ShouldContain("2025年度考核评估不合格");
    }
}
