using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 年度考核评估 (annual assessment): "指派机构对所聘任的质量督导人员实施年度考核评估制度…对不合格质量督导人员取消其督导资格".
/// YN 第二十二条 (<c>yn.assessment.annual</c>).
/// <para>Readings: every supervisor the appointing body appointed (external and internal). The assessment of a year is its
/// latest recorded result in that year; a failed one revokes the qualification. No recorded assessment is not a failure
/// (the article sanctions 不合格, not a missing assessment).</para>
/// </summary>
public sealed class AnnualAssessmentRule : ILifecycleRule
{
    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.AssessmentAnnual;

    /// <inheritdoc />
    public bool Concerns(SupervisorKind kind) => true;

    /// <inheritdoc />
    public LifecycleDecision? CloseYear(int year, LifecycleSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var latest = subject.Events.Where(e => e.Kind == LifecycleEventKinds.AnnualAssessment && e.On.Year == year && e.Passed is not null)
            .OrderBy(e => e.On).LastOrDefault();
        if (latest is null || latest.Passed == true) return null;
        return new LifecycleDecision(subject.SupervisorId, LifecycleAction.RevokeQualification, Rule.Violated(new LocalizedText(
            $"依第二十二条：{year}年度考核评估不合格，取消督导资格。", $"YN 22: failed the annual assessment of {year}; the qualification is revoked.")));
    }
}
