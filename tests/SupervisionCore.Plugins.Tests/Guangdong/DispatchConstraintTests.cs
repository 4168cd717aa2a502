using Microsoft.Extensions.Configuration;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class DispatchConstraintTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static TaskInfo Task(string institution, string date, string? activity = "act-1") => new()
    {
        TaskId = "new-task", Kind = TaskKind.Daily, Jurisdiction = JurisdictionCode.Parse("44.A"), InstitutionId = institution,
        ActivityId = activity, ActivityDate = D(date),
    };

    /// <summary>History from "A@2024-01-10" entries (institution@date, optional "!refused" or "!invited").</summary>
    private static DispatchHistoryEntry[] History(params string[] entries) =>
    [
        .. entries.Select((e, i) =>
        {
            var response = e.EndsWith("!refused", StringComparison.Ordinal) ? DispatchResponse.Refused
                : e.EndsWith("!invited", StringComparison.Ordinal) ? DispatchResponse.Invited : DispatchResponse.Accepted;
            var parts = e.Split('!')[0].Split('@');
            return new DispatchHistoryEntry($"t{i}", parts[0], D(parts[1]), response);
        }),
    ];

    private static DispatchExclusion? Cap(CapWindow window, CapCounting counting, string institution, string date, params string[] history) =>
        new ConsecutiveDispatchCapRule(window, counting).Evaluate(new DispatchContext(
            new CandidateInfo { SupervisorId = "s1" }, Task(institution, date), History(history)));

    public static TheoryData<CapWindow, CapCounting, string, string, string[], bool> Cases => new()
    {
        // A, A → the 3rd A is refused (both readings)
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "A@2024-04-01"], true },
        { CapWindow.Rolling12Months, CapCounting.Total, "A", "2024-06-01", ["A@2024-02-01", "A@2024-04-01"], true },
        // A, A, B, A: consecutive allows it; total (2 per year) refuses it
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "A@2024-03-01", "B@2024-04-01"], false },
        { CapWindow.Rolling12Months, CapCounting.Total, "A", "2024-06-01", ["A@2024-02-01", "A@2024-03-01", "B@2024-04-01"], true },
        // B is not capped by A, A
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "B", "2024-06-01", ["A@2024-02-01", "A@2024-04-01"], false },
        // One A only
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-04-01"], false },
        // The first A is outside the rolling window: allowed (window starts the day after 2023-06-01)
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2023-06-01", "A@2024-04-01"], false },
        { CapWindow.Rolling12Months, CapCounting.Total, "A", "2024-06-01", ["A@2023-06-01", "A@2024-04-01"], false },
        // … and the day after is inside it
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2023-06-02", "A@2024-04-01"], true },
        // Calendar-year boundary: A in Nov and Dec 2024, A again in January 2025
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2025-01-15", ["A@2024-11-10", "A@2024-12-20"], true },
        { CapWindow.CalendarYear, CapCounting.Consecutive, "A", "2025-01-15", ["A@2024-11-10", "A@2024-12-20"], false },
        { CapWindow.Rolling12Months, CapCounting.Total, "A", "2025-01-15", ["A@2024-11-10", "A@2024-12-20"], true },
        { CapWindow.CalendarYear, CapCounting.Total, "A", "2025-01-15", ["A@2024-11-10", "A@2024-12-20"], false },
        // Calendar year: both in the same year
        { CapWindow.CalendarYear, CapCounting.Consecutive, "A", "2024-12-31", ["A@2024-01-01", "A@2024-12-30"], true },
        // A refused invitation is no dispatch
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "A@2024-04-01!refused"], false },
        // … and a refusal to B does not break the run of A
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "A@2024-03-01", "B@2024-04-01!refused"], true },
        // Order is by date, not by list order
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-04-01", "B@2024-01-01", "A@2024-03-01"], true },
        // Judged in the order of the activities' dates, whatever order tasks are staffed in: a dispatch already made to a
        // later activity counts (A, [new A], A is three in a row) …
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "A@2024-07-01"], true },
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-07-01", "A@2024-08-01"], true },
        { CapWindow.Rolling12Months, CapCounting.Total, "A", "2024-06-01", ["A@2024-07-01", "A@2024-08-01"], true },
        // … but not when another institution comes between
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "B@2024-07-01", "A@2024-08-01"], false },
        // Three in a row must fall within one year: 2024-06-01 … 2025-06-01 is a year and a day, 2024-06-02 … 2025-06-01 a year
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-12-01", ["A@2024-06-01", "A@2025-06-01"], false },
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-12-01", ["A@2024-06-02", "A@2025-06-01"], true },
        { CapWindow.Rolling12Months, CapCounting.Total, "A", "2024-12-01", ["A@2024-06-01", "A@2025-06-01"], false },
        // An invitation never answered (or withdrawn) is no dispatch: DispatchHistory leaves it out, and the rule ignores it
        { CapWindow.Rolling12Months, CapCounting.Consecutive, "A", "2024-06-01", ["A@2024-02-01", "A@2024-04-01!invited"], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Consecutive_cap(CapWindow window, CapCounting counting, string institution, string date, string[] history, bool excluded)
    {
        var exclusion = Cap(window, counting, institution, date, history);
        (exclusion is not null).ShouldBe(excluded);
        if (exclusion is null) return;
        exclusion.RuleId.ShouldBe("gd.dispatch.consecutive-cap");
        exclusion.Violation.Citation.ShouldBe("GD 12");
        exclusion.SupervisorId.ShouldBe("s1");
    }

    [Fact]
    public void The_task_being_staffed_is_not_counted_in_its_own_history()
    {
        var rule = new ConsecutiveDispatchCapRule();
        var history = new[]
        {
            new DispatchHistoryEntry("t1", "A", D("2024-02-01"), DispatchResponse.Accepted),
            new DispatchHistoryEntry("new-task", "A", D("2024-06-01"), DispatchResponse.Invited),
        };
        rule.Evaluate(new DispatchContext(new CandidateInfo { SupervisorId = "s1" }, Task("A", "2024-06-01"), history)).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, CapWindow.Rolling12Months, CapCounting.Consecutive)]
    [InlineData("rolling-12-months", "consecutive", CapWindow.Rolling12Months, CapCounting.Consecutive)]
    [InlineData("calendar-year", "total", CapWindow.CalendarYear, CapCounting.Total)]
    public void Readings_come_from_configuration(string? window, string? counting, CapWindow expectedWindow, CapCounting expectedCounting)
    {
        var values = new Dictionary<string, string?>();
        if (window is not null) values["Packs:gd:ConsecutiveCap:Window"] = window;
        if (counting is not null) values["Packs:gd:ConsecutiveCap:Counting"] = counting;
        var rule = new ConsecutiveDispatchCapRule(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        rule.Window.ShouldBe(expectedWindow);
        rule.Counting.ShouldBe(expectedCounting);
    }

    [Theory]
    [InlineData("Window", "fiscal-year")]
    [InlineData("Counting", "sometimes")]
    public void An_unknown_reading_fails_loudly(string key, string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Packs:gd:ConsecutiveCap:{key}"] = value }).Build();
        Should.Throw<InvalidOperationException>(() => new ConsecutiveDispatchCapRule(config)).Message.ShouldContain(value);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    [InlineData(false, false, false)]
    public void Dual_role_excludes_examiners_and_internal_supervisors_of_the_same_session(bool examiner, bool internalSupervisor, bool excluded)
    {
        var candidate = new CandidateInfo
        {
            SupervisorId = "s1",
            ExaminerActivityIds = examiner ? ["act-1"] : ["act-9"],
            InternalSupervisorActivityIds = internalSupervisor ? ["act-1"] : [],
        };
        var exclusion = new DualRoleRule().Evaluate(new DispatchContext(candidate, Task("A", "2024-06-01"), []));
        (exclusion is not null).ShouldBe(excluded);
        if (exclusion is not null)
        {
            exclusion.RuleId.ShouldBe("gd.recusal.dual-role");
            exclusion.Violation.Citation.ShouldBe("GD 12");
        }
    }

    [Fact]
    public void Dual_role_has_no_session_without_an_activity()
    {
        var candidate = new CandidateInfo { SupervisorId = "s1", ExaminerActivityIds = ["act-1"], InternalSupervisorActivityIds = ["act-1"] };
        new DualRoleRule().Evaluate(new DispatchContext(candidate, Task("A", "2024-06-01", activity: null), [])).ShouldBeNull();
    }
}
