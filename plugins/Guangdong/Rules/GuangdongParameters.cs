using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>
/// The GD numbers and readings a revision may change without a release (docs/parameters.md), each with its default from
/// the seed and the rules that read it. The readings of GD 12 were configuration (<c>Packs:gd:ConsecutiveCap</c>); they are
/// dated parameters now, so a change of reading applies from a day and never to dispatches already judged.
/// </summary>
public sealed class GuangdongParameters : IParameterCatalogue
{
    /// <summary>Reading of "一年之内": <c>rolling-12-months</c> (default) or <c>calendar-year</c>. GD 第十二条.</summary>
    public static readonly ParameterDefinition CapWindowReading = Choice("gd.dispatch.consecutive-cap.window", "rolling-12-months", ["rolling-12-months", "calendar-year"],
        new("“一年之内”的解读：滚动12个月或自然年度", "Reading of \"within one year\": rolling twelve months or the calendar year"),
        Cite("12", "第十二条"), [GuangdongRules.DispatchConsecutiveCap.Id]);

    /// <summary>Reading of "连续": <c>consecutive</c> (default, in a row) or <c>total</c>. GD 第十二条.</summary>
    public static readonly ParameterDefinition CapCountingReading = Choice("gd.dispatch.consecutive-cap.counting", "consecutive", ["consecutive", "total"],
        new("“连续”的解读：连续（中间无其他机构）或累计", "Reading of \"consecutive\": in a row, or in total"),
        Cite("12", "第十二条"), [GuangdongRules.DispatchConsecutiveCap.Id]);

    /// <summary>"不得连续委派3次": the dispatch that would be the 3rd to one institution is excluded. GD 第十二条.</summary>
    public static readonly ParameterDefinition CapTimes = Number("gd.dispatch.consecutive-cap.times", ParameterKind.WholeNumber, "dispatches", 3,
        new("一年之内同一外督委派至同一评价机构不得达到的次数（第N次被排除）", "Dispatches of one external supervisor to one institution within a year that may not be reached (the Nth is excluded)"),
        Cite("12", "第十二条"), [GuangdongRules.DispatchConsecutiveCap.Id], min: 2, max: 50);

    /// <summary>"从事过一年以上技能人才评价组织实施工作". GD 第六条第（五）项.</summary>
    public static readonly ParameterDefinition ExperienceYears = Number("gd.eligibility.experience.organising-years", ParameterKind.WholeNumber, "years",
        ExperienceRule.MinimumOrganisingYears, new("外督须从事技能人才评价组织实施工作的最少年限（含）", "Fewest completed years organising evaluations that qualify an external supervisor (inclusive)"),
        Cite("6(五)", "第六条第（五）项"), [GuangdongRules.EligibilityExperience.Id], min: 0, max: 30);

    /// <summary>"督导工作结束后5个工作日". GD 第二十条.</summary>
    public static readonly ParameterDefinition RecordWorkingDays = Number("gd.record.deadline.working-days", ParameterKind.Days, "working-days",
        RecordDeadlinePolicy.Days, new("督导情况记录表的提交期限（督导结束后工作日）", "Working days after the supervision ends to file the record"),
        Cite("20", "第二十条"), [GuangdongRules.RecordDeadline.Id], min: 1, max: 60);

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <summary>Every GD parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } = [CapWindowReading, CapCountingReading, CapTimes, ExperienceYears, RecordWorkingDays];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Parameters => All;

    private static Citation Cite(string article, string articleZh) => new("GD", article, articleZh);

    private static ParameterDefinition Choice(string id, string value, string[] choices, LocalizedText description, Citation citation, string[] rules) =>
        new(id, GuangdongRules.PackId, ParameterKind.Choice, string.Empty, description, citation, rules,
            [new ParameterValue(GuangdongRules.EffectiveFrom, value, $"{citation} (seed; docs/readings.md)")], Choices: choices);

    private static ParameterDefinition Number(string id, ParameterKind kind, string unit, decimal value, LocalizedText description, Citation citation, string[] rules, decimal min, decimal max) =>
        new(id, GuangdongRules.PackId, kind, unit, description, citation, rules,
            [new ParameterValue(GuangdongRules.EffectiveFrom, ParameterDefinition.Canonical(value), $"{citation} (seed)")], min, max);
}
