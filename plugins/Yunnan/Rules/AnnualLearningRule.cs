using SupervisionCore.Kernel;
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
/// </summary>
public sealed class AnnualLearningRule : ILifecycleRule
{
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
        if (sessions.Any(e => e.Passed == true)) return null;
        var message = sessions.Count > 0
            ? new LocalizedText($"依第十七条：{year}年度业务学习教育不合格，取消督导资格。", $"YN 17: failed the business learning of {year}; the qualification is revoked.")
            : new LocalizedText($"依第十七条：未参加{year}年度业务学习教育，取消督导资格。", $"YN 17: did not attend the business learning of {year}; the qualification is revoked.");
        return new LifecycleDecision(subject.SupervisorId, LifecycleAction.RevokeQualification, Rule.Violated(message));
    }
}
