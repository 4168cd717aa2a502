using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 终身学习·年度业务学习 (annual learning): "评价机构每年组织一次业务学习教育,对业务学习教育不合格或未参加业务学习教育的取消其督导资格".
/// YN 第十七条 (<c>yn.learning.annual</c>).
/// <para>Readings: internal supervisors only (内部质量督导人员). A year is met by one passed session held in that calendar year
/// (China days); a failed session does not count, but a later passed one in the same year does (the article asks for a
/// passed learning, not a first-attempt pass). Passing in another year does not meet this one. Judged when the year is
/// closed.</para>
/// <para>The sessions needed are a parameter (<c>yn.learning.annual.passed-sessions</c>, default 1 from "每年组织一次",
/// docs/parameters.md), read at the year's last day and cited in a revocation.</para>
/// </summary>
public sealed class AnnualLearningRule : ILifecycleRule, IParameterised<AnnualLearningRule>
{
    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's requirement (one passed session a year).</summary>
    public AnnualLearningRule() : this(ParameterSet.Empty)
    {
    }

    private AnnualLearningRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading its requirement from <paramref name="parameters"/>.</summary>
    public AnnualLearningRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.LearningAnnual;

    /// <inheritdoc />
    public bool Concerns(SupervisorKind kind) => kind == SupervisorKind.Internal;

    /// <inheritdoc />
    public LifecycleDecision? CloseYear(int year, LifecycleSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!Concerns(subject.Kind)) return null;
        var sessions = subject.Events.Where(e => e.Kind == LifecycleEventKinds.BusinessLearning && e.On.Year == year).ToList();
        var applied = _parameters.At(YunnanParameters.LearningPassedSessions, new DateOnly(year, 12, 31));
        var needed = applied.AsInt();
        var passed = sessions.Count(e => e.Passed == true);
        if (passed >= needed) return null;
        var message = passed > 0
            ? new LocalizedText($"依第十七条：{year}年度业务学习教育合格{passed}次，少于须合格的{needed}次（参数 {applied}），取消督导资格。",
                $"YN 17: passed {passed} business-learning session(s) in {year}, fewer than the {needed} needed (parameter {applied}); the qualification is revoked.")
            : sessions.Count > 0
            ? new LocalizedText($"依第十七条：{year}年度业务学习教育不合格，取消督导资格。", $"YN 17: failed the business learning of {year}; the qualification is revoked.")
            : new LocalizedText($"依第十七条：未参加{year}年度业务学习教育，取消督导资格。", $"YN 17: did not attend the business learning of {year}; the qualification is revoked.");
        return new LifecycleDecision(subject.SupervisorId, LifecycleAction.RevokeQualification, Rule.Violated(message));
    }
}
