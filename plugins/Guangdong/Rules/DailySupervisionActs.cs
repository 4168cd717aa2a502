using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>The kinds of checks and measures of GD 第十七条, as sent and stored (kebab-case).</summary>
public static class DailySupervisionKinds
{
    /// <summary>(一) 提前了解当次评价活动的总体情况 (听取汇报): the briefing, which may come before the activity.</summary>
    public const string Briefing = "briefing";

    /// <summary>(二) 评价现场和工作现场督导 (on-site supervision).</summary>
    public const string OnSite = "on-site";

    /// <summary>(二) 数据比对 (data comparison).</summary>
    public const string DataComparison = "data-comparison";

    /// <summary>(二) 抽查评价资料（含录像） (sampling of the evaluation files, video included).</summary>
    public const string Sampling = "sampling";

    /// <summary>(二) 远程监控 (remote monitoring).</summary>
    public const string RemoteMonitoring = "remote-monitoring";

    /// <summary>Every check kind, in the order of 第十七条.</summary>
    public static readonly IReadOnlyList<string> Checks = [Briefing, OnSite, DataComparison, Sampling, RemoteMonitoring];

    /// <summary>(三) 调查核实 (investigation and verification).</summary>
    public const string Investigation = "investigation";

    /// <summary>(三) 约谈提醒 (reminder interview).</summary>
    public const string Interview = "interview";

    /// <summary>(三) 提醒函 (reminder letter; printable).</summary>
    public const string ReminderLetter = "reminder-letter";

    /// <summary>(三) 质量通报 (quality notice; printable).</summary>
    public const string QualityNotice = "quality-notice";

    /// <summary>Every measure kind, in the order of 第十七条(三).</summary>
    public static readonly IReadOnlyList<string> Measures = [Investigation, Interview, ReminderLetter, QualityNotice];

    /// <summary>Measures that must set a rectification deadline (the investigation may, when it already finds something to correct).</summary>
    public static bool RequiresRectification(string measure) => measure is Interview or ReminderLetter or QualityNotice;

    /// <summary>Measure states: open (awaiting the rectification or the finding), rectification-submitted (awaiting review), closed.</summary>
    public const string Open = "open";

    /// <summary>A rectification report awaits the dispatching body's review.</summary>
    public const string RectificationSubmitted = "rectification-submitted";

    /// <summary>Closed: rectification accepted, or the investigation concluded.</summary>
    public const string Closed = "closed";

    /// <summary>The Chinese name of a check or measure kind.</summary>
    public static string Zh(string kind) => kind switch
    {
        Briefing => "听取汇报（了解评价活动总体情况）",
        OnSite => "现场督导",
        DataComparison => "数据比对",
        Sampling => "抽查评价资料（含录像）",
        RemoteMonitoring => "远程监控",
        Investigation => "调查核实",
        Interview => "约谈提醒",
        ReminderLetter => "提醒函",
        QualityNotice => "质量通报",
        _ => kind,
    };
}

/// <summary>The facts of recording a daily check (GD 17(一)(二)).</summary>
/// <param name="TaskKind">The task's kind (GD 17 is the daily procedure).</param>
/// <param name="TaskStatus">planned | drawn | in-progress | closed | cancelled.</param>
/// <param name="TaskFirstDay">The first China day of the task (the activity's).</param>
/// <param name="Kind">The check's kind (<see cref="DailySupervisionKinds.Checks"/>).</param>
/// <param name="On">The day of the check (China time).</param>
/// <param name="FilesSampled">Files sampled (sampling).</param>
/// <param name="VideosSampled">Video recordings sampled (sampling).</param>
/// <param name="ByDispatchedSupervisor">True when the recorder is a supervisor who accepted the dispatch to the task, or the dispatching body recording for them; false for a supervisor only invited.</param>
/// <param name="Today">Today (China time).</param>
public sealed record DailyCheckFacts(
    TaskKind TaskKind, TaskState TaskStatus, DateOnly TaskFirstDay, string Kind, DateOnly On, int? FilesSampled, int? VideosSampled, bool ByDispatchedSupervisor, DateOnly Today);

/// <summary>A check allowed.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="On">Its day.</param>
public sealed record DailyCheckRecorded(string Kind, DateOnly On);

/// <summary>The facts of issuing a measure (GD 17(三)).</summary>
/// <param name="TaskKind">The daily task's kind.</param>
/// <param name="TaskStatus">Its state.</param>
/// <param name="TaskFirstDay">Its first China day.</param>
/// <param name="ChecksRecorded">Checks recorded on the task (the supervisors' feedback).</param>
/// <param name="Kind">The measure (<see cref="DailySupervisionKinds.Measures"/>).</param>
/// <param name="On">The day it is taken.</param>
/// <param name="RectificationDue">The last day of the rectification, if set.</param>
/// <param name="Today">Today (China time).</param>
public sealed record MeasureFacts(
    TaskKind TaskKind, TaskState TaskStatus, DateOnly TaskFirstDay, int ChecksRecorded, string Kind, DateOnly On, DateOnly? RectificationDue, DateOnly Today);

/// <summary>A measure allowed: its first state.</summary>
/// <param name="Kind">The measure.</param>
/// <param name="RectificationDue">The rectification deadline, or null (an investigation without one).</param>
/// <param name="Status">Always <see cref="DailySupervisionKinds.Open"/>.</param>
public sealed record MeasureIssued(string Kind, DateOnly? RectificationDue, string Status);

/// <summary>The facts of the institution's rectification report (GD 17(四)).</summary>
/// <param name="Status">The measure's state.</param>
/// <param name="MeasureOn">The measure's day.</param>
/// <param name="RectificationDue">The measure's rectification deadline, or null when it asks for none.</param>
/// <param name="On">The day of the report.</param>
/// <param name="Today">Today (China time).</param>
public sealed record RectificationFacts(string Status, DateOnly MeasureOn, DateOnly? RectificationDue, DateOnly On, DateOnly Today);

/// <summary>A report recorded: late when after the deadline (flagged, not refused); the measure awaits review.</summary>
/// <param name="Late">After the deadline.</param>
/// <param name="Status">Always <see cref="DailySupervisionKinds.RectificationSubmitted"/>.</param>
public sealed record RectificationRecorded(bool Late, string Status);

/// <summary>The facts of reviewing a measure: accepting the rectification (or the investigation's finding) closes it; returning asks for another round.</summary>
/// <param name="Status">The measure's state.</param>
/// <param name="Kind">The measure.</param>
/// <param name="AsksRectification">True when the measure set a rectification deadline.</param>
/// <param name="Accept">Accept (close) or return.</param>
/// <param name="LastDay">The latest day already recorded on the measure (its own day or the last report's).</param>
/// <param name="On">The day of the review.</param>
/// <param name="Today">Today (China time).</param>
public sealed record MeasureReviewFacts(string Status, string Kind, bool AsksRectification, bool Accept, DateOnly LastDay, DateOnly On, DateOnly Today);

/// <summary>A review allowed: the measure's next state.</summary>
/// <param name="Status"><see cref="DailySupervisionKinds.Closed"/> or, when returned, <see cref="DailySupervisionKinds.Open"/>.</param>
public sealed record MeasureReviewed(string Status);

/// <summary>
/// 日常督导 (daily supervision), GD 第十七条, decided as four acts: a check on the daily task (<c>gd.daily.checks</c>), a
/// measure against the institution (<c>gd.daily.measures</c>), its rectification report and the review that closes it
/// (<c>gd.daily.rectification</c>). Pure: the dates of the act and today come in the facts. Readings in docs/readings.md.
/// </summary>
public static class DailySupervisionActs
{
    /// <summary>Decides recording a check.</summary>
    public static Decision<DailyCheckRecorded> DecideCheck(DailyCheckFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = GuangdongRules.DailyChecks;
        var v = new List<Violation>();
        if (facts.TaskKind != TaskKind.Daily)
            v.Add(rule.Violated(new("第十七条为日常督导程序：只能记入日常督导任务", "GD 17 is the daily procedure: checks are recorded on daily tasks")));
        if (facts.TaskStatus == TaskState.Cancelled)
            v.Add(rule.Violated(new("任务已取消", "the task is cancelled")));
        if (!facts.ByDispatchedSupervisor)
            v.Add(rule.Violated(new("只有已接受委派的质量督导员（或委派机构代为）记录督导情况", "only a supervisor who accepted the dispatch (or the dispatching body for them) records a check")));
        if (facts.On > facts.Today)
            v.Add(rule.Violated(new($"检查日期 {facts.On:yyyy-MM-dd} 晚于今天", $"the check's date {facts.On:yyyy-MM-dd} is in the future")));
        // (一) 提前了解: the briefing may precede the activity; the checks of (二) supervise it and cannot.
        if (facts.Kind != DailySupervisionKinds.Briefing && facts.On < facts.TaskFirstDay)
            v.Add(rule.Violated(new($"“{DailySupervisionKinds.Zh(facts.Kind)}”不能早于评价活动（{facts.TaskFirstDay:yyyy-MM-dd}）", $"'{facts.Kind}' cannot precede the activity ({facts.TaskFirstDay:yyyy-MM-dd})")));
        if (facts.Kind == DailySupervisionKinds.Sampling && (facts.FilesSampled ?? 0) + (facts.VideosSampled ?? 0) < 1)
            v.Add(rule.Violated(new("抽查评价资料须至少抽查一份档案或一段录像", "sampling checks at least one file or one video recording")));
        return Decision.When(new RuleOutcome(v), () => new DailyCheckRecorded(facts.Kind, facts.On));
    }

    /// <summary>Decides a measure.</summary>
    public static Decision<MeasureIssued> DecideMeasure(MeasureFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = GuangdongRules.DailyMeasures;
        var v = new List<Violation>();
        if (facts.TaskKind != TaskKind.Daily)
            v.Add(rule.Violated(new("第十七条的处理措施依据日常督导任务作出", "GD 17's measures follow a daily task")));
        if (facts.TaskStatus == TaskState.Cancelled)
            v.Add(rule.Violated(new("任务已取消", "the task is cancelled")));
        // "视质量督导员反馈的情况": a check recorded on the task, or the task closed (every record filed, CN 10).
        if (facts.ChecksRecorded == 0 && facts.TaskStatus != TaskState.Closed)
            v.Add(rule.Violated(new("尚无质量督导员反馈的督导情况（未记录检查，任务亦未结束）", "no feedback from the supervisors yet (no check recorded, and the task is not closed)")));
        if (facts.On > facts.Today)
            v.Add(rule.Violated(new($"措施日期 {facts.On:yyyy-MM-dd} 晚于今天", $"the measure's date {facts.On:yyyy-MM-dd} is in the future")));
        if (facts.On < facts.TaskFirstDay)
            v.Add(rule.Violated(new($"措施日期 {facts.On:yyyy-MM-dd} 早于评价活动（{facts.TaskFirstDay:yyyy-MM-dd}）", $"the measure's date {facts.On:yyyy-MM-dd} precedes the activity ({facts.TaskFirstDay:yyyy-MM-dd})")));
        if (DailySupervisionKinds.RequiresRectification(facts.Kind) && facts.RectificationDue is null)
            v.Add(rule.Violated(new($"“{DailySupervisionKinds.Zh(facts.Kind)}”须明确整改期限", $"a '{facts.Kind}' sets a rectification deadline")));
        if (facts.RectificationDue is { } due && due < facts.On)
            v.Add(rule.Violated(new($"整改期限 {due:yyyy-MM-dd} 早于措施日期 {facts.On:yyyy-MM-dd}", $"the rectification deadline {due:yyyy-MM-dd} precedes the measure ({facts.On:yyyy-MM-dd})")));
        return Decision.When(new RuleOutcome(v), () => new MeasureIssued(facts.Kind, facts.RectificationDue, DailySupervisionKinds.Open));
    }

    /// <summary>Decides the institution's rectification report.</summary>
    public static Decision<RectificationRecorded> DecideRectification(RectificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = GuangdongRules.DailyRectification;
        var v = new List<Violation>();
        if (facts.Status == DailySupervisionKinds.Closed)
            v.Add(rule.Violated(new("该措施已结案", "the measure is closed")));
        else if (facts.Status == DailySupervisionKinds.RectificationSubmitted)
            v.Add(rule.Violated(new("上一次整改情况尚待审核", "the previous rectification report awaits review")));
        if (facts.RectificationDue is null)
            v.Add(rule.Violated(new("该措施未要求整改", "the measure asks for no rectification")));
        if (facts.On > facts.Today)
            v.Add(rule.Violated(new($"整改报告日期 {facts.On:yyyy-MM-dd} 晚于今天", $"the report's date {facts.On:yyyy-MM-dd} is in the future")));
        if (facts.On < facts.MeasureOn)
            v.Add(rule.Violated(new($"整改报告日期 {facts.On:yyyy-MM-dd} 早于措施日期 {facts.MeasureOn:yyyy-MM-dd}", $"the report's date {facts.On:yyyy-MM-dd} precedes the measure ({facts.MeasureOn:yyyy-MM-dd})")));
        return Decision.When(new RuleOutcome(v), () => new RectificationRecorded(facts.On > facts.RectificationDue, DailySupervisionKinds.RectificationSubmitted));
    }

    /// <summary>True when a refusal of the report is a conflict with the measure's state (HTTP 409), not its content (422).</summary>
    public static bool IsConflict(RectificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Status is DailySupervisionKinds.Closed or DailySupervisionKinds.RectificationSubmitted;
    }

    /// <summary>Decides a review: accept (close) or return a rectification; accept an investigation's finding.</summary>
    public static Decision<MeasureReviewed> DecideReview(MeasureReviewFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = GuangdongRules.DailyRectification;
        var v = new List<Violation>();
        if (facts.Status == DailySupervisionKinds.Closed)
            v.Add(rule.Violated(new("该措施已结案", "the measure is closed")));
        else if (facts.AsksRectification && facts.Status != DailySupervisionKinds.RectificationSubmitted)
            v.Add(rule.Violated(new("尚未收到整改情况，不能审核结案", "no rectification report to review yet")));
        if (!facts.AsksRectification && !facts.Accept)
            v.Add(rule.Violated(new("未要求整改的措施只能以核实结论结案，不能退回", "a measure without rectification is closed with its finding; there is nothing to return")));
        if (facts.On > facts.Today)
            v.Add(rule.Violated(new($"审核日期 {facts.On:yyyy-MM-dd} 晚于今天", $"the review's date {facts.On:yyyy-MM-dd} is in the future")));
        if (facts.On < facts.LastDay)
            v.Add(rule.Violated(new($"审核日期 {facts.On:yyyy-MM-dd} 早于此前记录（{facts.LastDay:yyyy-MM-dd}）", $"the review's date {facts.On:yyyy-MM-dd} precedes the last entry ({facts.LastDay:yyyy-MM-dd})")));
        return Decision.When(new RuleOutcome(v), () => new MeasureReviewed(facts.Accept ? DailySupervisionKinds.Closed : DailySupervisionKinds.Open));
    }

    /// <summary>True when a refusal of the review is a conflict with the measure's state (HTTP 409).</summary>
    public static bool IsConflict(MeasureReviewFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Status == DailySupervisionKinds.Closed || (facts.AsksRectification && facts.Status != DailySupervisionKinds.RectificationSubmitted);
    }
}
