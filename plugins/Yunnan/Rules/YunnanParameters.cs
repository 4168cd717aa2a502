using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>The YN numbers a revision may change without a release (docs/parameters.md), with their seed defaults.</summary>
public sealed class YunnanParameters : IParameterCatalogue
{
    /// <summary>"每年组织一次业务学习教育": passed sessions an internal supervisor needs in a year. YN 第十七条.</summary>
    public static readonly ParameterDefinition LearningPassedSessions = Number("yn.learning.annual.passed-sessions", "sessions", 1,
        new("内督员每年须合格的业务学习教育次数", "Passed business-learning sessions an internal supervisor needs in a year"),
        new("YN", "17", "第十七条"), [YunnanRules.LearningAnnual.Id], min: 1, max: 12);

    /// <summary>"承担考评工作3年以上". YN 第六条第（三）项.</summary>
    public static readonly ParameterDefinition ExperienceExaminerYears = Number("yn.eligibility.experience.examiner-years", "years", ExperienceRule.MinimumExaminerYears,
        new("考评人员须承担考评工作的最少年限（含）", "Fewest completed years of examining that qualify an examiner (inclusive)"),
        new("YN", "6(三)", "第六条第（三）项"), [YunnanRules.EligibilityExperience.Id], min: 0, max: 30);

    /// <summary>"连续3次不接受指派的…取消其督导资格": consecutive refusals that revoke the qualification. YN 第十九条.</summary>
    public static readonly ParameterDefinition RefusalLimit = Number("yn.dispatch.refusal-limit.consecutive", "refusals", RefusalLimitRule.Limit,
        new("取消督导资格的连续不接受指派次数", "Consecutive refusals of dispatch that revoke the qualification"),
        new("YN", "19", "第十九条"), [YunnanRules.DispatchRefusalLimit.Id], min: 1, max: 20);

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <summary>Every YN parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } = [LearningPassedSessions, ExperienceExaminerYears, RefusalLimit];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Parameters => All;

    private static ParameterDefinition Number(string id, string unit, int value, LocalizedText description, Citation citation, string[] rules, decimal min, decimal max) =>
        new(id, YunnanRules.PackId, ParameterKind.WholeNumber, unit, description, citation, rules,
            [new ParameterValue(YunnanRules.EffectiveFrom, ParameterDefinition.Canonical(value), $"{citation} (seed)")], min, max);
}
