using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 表彰奖励 (commendation): "指派机构对所聘任的质量督导人员实施年度考核评估制度，建立考核档案。对优秀质量督导人员给予表彰奖励". YN 第二十二条
/// (<c>yn.commendation</c>).
/// <para>Reading: "优秀" is the result of the annual assessment the same sentence sets up, so a commendation under YN 22
/// names the year and rests on that year's assessment graded 优秀 (the national record, <c>cn.assessment.record</c>). A
/// commendation without a year, or for a year assessed 合格 / 不合格 / not at all, is refused.</para>
/// </summary>
public sealed class CommendationRule : ICommendationRule
{
    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.Commendation;

    /// <inheritdoc />
    public RuleOutcome Check(CommendationRequest request) => Decide(request);

    /// <summary>The pure decision of <see cref="Check"/> (case tables: <c>point: decide</c>).</summary>
    public static RuleOutcome Decide(CommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Year is not { } year)
            return Fail("第二十二条的表彰针对年度考核优秀的人员：须指明考核年度", "YN 22 commends those assessed excellent in a year: name the year");
        var grade = request.Subject.Assessments.Where(a => a.Year == year).Select(a => (AssessmentGrade?)a.Grade).FirstOrDefault();
        return grade == AssessmentGrade.Excellent
            ? RuleOutcome.Pass
            : Fail($"{year}年度考核结果为{(grade is { } g ? g.Name().Zh : "未考核")}，第二十二条只表彰考核优秀的质量督导人员",
                $"The {year} assessment is {(grade is { } h ? h.Name().En : "not recorded")}: YN 22 commends only supervisors assessed excellent");
    }

    private static RuleOutcome Fail(string zh, string en) => RuleOutcome.Fail(YunnanRules.Commendation.Violated(new LocalizedText(zh, en)));
}
