using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests.Guangdong;

/// <summary>GD 第十七条 daily supervision at its boundaries: checks (一)(二), measures (三), rectification and review (四).</summary>
public class DailySupervisionTests
{
    private static readonly DateOnly Activity = new(2025, 6, 10);
    private static readonly DateOnly Today = new(2025, 6, 20);

    private static DailyCheckFacts Check(string kind = "sampling", string on = "2025-06-10", int? files = 5, int? videos = 0, TaskKind task = TaskKind.Daily,
        string status = "in-progress", bool dispatched = true) =>
        new(task, States.ParseTask(status), Activity, kind, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), files, videos, dispatched, Today);

    private static string[] Rules(IEnumerable<SupervisionCore.Kernel.Rules.Violation> violations) => [.. violations.Select(v => v.Rule).Distinct()];

    public static TheoryData<string, DailyCheckFacts, bool> Checks => new()
    {
        { "Sampling_on_the_activity_day", Check(), true },
        { "Sampling_the_day_before_the_activity", Check(on: "2025-06-09"), false },
        { "Briefing_the_day_before_the_activity", Check(kind: "briefing", on: "2025-06-09", files: null, videos: null), true },
        { "Sampling_today", Check(on: "2025-06-20"), true },
        { "Sampling_tomorrow", Check(on: "2025-06-21"), false },
        { "Sampling_one_video_no_file", Check(files: 0, videos: 1), true },
        { "Sampling_nothing", Check(files: 0, videos: 0), false },
        { "Sampling_without_counts", Check(files: null, videos: null), false },
        { "Remote_monitoring_needs_no_counts", Check(kind: "remote-monitoring", files: null, videos: null), true },
        { "On_a_special_task", Check(task: TaskKind.Special), false },
        { "On_a_cancelled_task", Check(status: "cancelled"), false },
        { "On_a_closed_task", Check(status: "closed"), true },
        { "By_a_supervisor_only_invited", Check(dispatched: false), false },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void A_check(string name, DailyCheckFacts facts, bool allowed)
    {
        var decision = DailySupervisionActs.DecideCheck(facts);
        decision.Allowed.ShouldBe(allowed, name);
        if (!allowed) Rules(decision.Violations).ShouldBe(["gd.daily.checks"], name);
        decision.Violations.ShouldAllBe(v => v.Citation == "GD 17(一)(二)");
    }

    private static MeasureFacts Measure(string kind = "reminder-letter", string on = "2025-06-15", string? due = "2025-07-15", int checks = 1, string status = "in-progress",
        TaskKind task = TaskKind.Daily) =>
        new(task, States.ParseTask(status), Activity, checks, kind, D(on), due is null ? null : D(due), Today);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, MeasureFacts, bool> Measures => new()
    {
        { "Letter_after_a_check", Measure(), true },
        { "Letter_without_any_feedback", Measure(checks: 0), false },
        { "Letter_after_the_task_closed_without_checks", Measure(checks: 0, status: "closed"), true },
        { "Letter_without_a_deadline", Measure(due: null), false },
        { "Interview_without_a_deadline", Measure(kind: "interview", due: null), false },
        { "Quality_notice_without_a_deadline", Measure(kind: "quality-notice", due: null), false },
        { "Investigation_without_a_deadline", Measure(kind: "investigation", due: null), true },
        { "Deadline_on_the_measure_day", Measure(due: "2025-06-15"), true },
        { "Deadline_the_day_before", Measure(due: "2025-06-14"), false },
        { "On_the_activity_day", Measure(on: "2025-06-10"), true },
        { "The_day_before_the_activity", Measure(on: "2025-06-09"), false },
        { "Today", Measure(on: "2025-06-20"), true },
        { "Tomorrow", Measure(on: "2025-06-21"), false },
        { "On_a_special_task", Measure(task: TaskKind.Special), false },
        { "On_a_cancelled_task", Measure(status: "cancelled"), false },
    };

    [Theory]
    [MemberData(nameof(Measures))]
    public void A_measure(string name, MeasureFacts facts, bool allowed)
    {
        var decision = DailySupervisionActs.DecideMeasure(facts);
        decision.Allowed.ShouldBe(allowed, name);
        if (!allowed) Rules(decision.Violations).ShouldBe(["gd.daily.measures"], name);
        else decision.Transition!.Status.ShouldBe("open", name);
    }

    public static TheoryData<string, RectificationFacts, bool, bool, bool> Rectifications => new()
    {
        // name, facts, allowed, conflict, late
        { "On_the_due_day", new("open", D("2025-06-15"), D("2025-06-18"), D("2025-06-18"), Today), true, false, false },
        { "The_day_after_the_due_day_is_late_not_refused", new("open", D("2025-06-15"), D("2025-06-18"), D("2025-06-19"), Today), true, false, true },
        { "On_the_measure_day", new("open", D("2025-06-15"), D("2025-06-18"), D("2025-06-15"), Today), true, false, false },
        { "Before_the_measure", new("open", D("2025-06-15"), D("2025-06-18"), D("2025-06-14"), Today), false, false, false },
        { "Tomorrow", new("open", D("2025-06-15"), D("2025-06-30"), D("2025-06-21"), Today), false, false, false },
        { "No_rectification_asked", new("open", D("2025-06-15"), null, D("2025-06-16"), Today), false, false, false },
        { "A_report_awaits_review", new("rectification-submitted", D("2025-06-15"), D("2025-06-18"), D("2025-06-16"), Today), false, true, false },
        { "Closed", new("closed", D("2025-06-15"), D("2025-06-18"), D("2025-06-16"), Today), false, true, false },
    };

    [Theory]
    [MemberData(nameof(Rectifications))]
    public void A_rectification_report(string name, RectificationFacts facts, bool allowed, bool conflict, bool late)
    {
        var decision = DailySupervisionActs.DecideRectification(facts);
        decision.Allowed.ShouldBe(allowed, name);
        if (allowed) (decision.Transition!.Late, decision.Transition.Status).ShouldBe((late, "rectification-submitted"), name);
        else
        {
            Rules(decision.Violations).ShouldBe(["gd.daily.rectification"], name);
            DailySupervisionActs.IsConflict(facts).ShouldBe(conflict, name);
        }
    }

    public static TheoryData<string, MeasureReviewFacts, string?, bool> Reviews => new()
    {
        // name, facts, next status (null: refused), conflict
        { "Accept_a_submitted_report", new("rectification-submitted", "reminder-letter", true, true, D("2025-06-18"), D("2025-06-18"), Today), "closed", false },
        { "Return_a_submitted_report", new("rectification-submitted", "reminder-letter", true, false, D("2025-06-18"), D("2025-06-19"), Today), "open", false },
        { "Review_before_the_report", new("rectification-submitted", "reminder-letter", true, true, D("2025-06-18"), D("2025-06-17"), Today), null, false },
        { "Review_tomorrow", new("rectification-submitted", "reminder-letter", true, true, D("2025-06-18"), D("2025-06-21"), Today), null, false },
        { "Accept_without_a_report", new("open", "interview", true, true, D("2025-06-15"), D("2025-06-18"), Today), null, true },
        { "Close_an_investigation_with_its_finding", new("open", "investigation", false, true, D("2025-06-15"), D("2025-06-15"), Today), "closed", false },
        { "Return_an_investigation", new("open", "investigation", false, false, D("2025-06-15"), D("2025-06-16"), Today), null, false },
        { "Anything_once_closed", new("closed", "reminder-letter", true, true, D("2025-06-18"), D("2025-06-19"), Today), null, true },
    };

    [Theory]
    [MemberData(nameof(Reviews))]
    public void A_review(string name, MeasureReviewFacts facts, string? next, bool conflict)
    {
        var decision = DailySupervisionActs.DecideReview(facts);
        decision.Allowed.ShouldBe(next is not null, name);
        if (next is not null) decision.Transition!.Status.ShouldBe(next, name);
        else
        {
            Rules(decision.Violations).ShouldBe(["gd.daily.rectification"], name);
            DailySupervisionActs.IsConflict(facts).ShouldBe(conflict, name);
        }
    }
}
