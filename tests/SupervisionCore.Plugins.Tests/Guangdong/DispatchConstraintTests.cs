using Microsoft.Extensions.Configuration;
using SupervisionCore.Kernel.Parameters;
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

    [Fact]
    public void Without_configuration_the_readings_are_the_parameters_defaults()
    {
        var rule = new ConsecutiveDispatchCapRule(new ConfigurationBuilder().Build());
        rule.Window.ShouldBe(CapWindow.Rolling12Months);
        rule.Counting.ShouldBe(CapCounting.Consecutive);
    }

    [Theory]
    [InlineData("Window", "calendar-year")]
    [InlineData("Counting", "total")]
    [InlineData("Window", "fiscal-year")]
    public void Configuration_of_the_readings_is_refused_loudly_and_names_the_parameters(string key, string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Packs:gd:ConsecutiveCap:{key}"] = value }).Build();
        var message = Should.Throw<InvalidOperationException>(() => new ConsecutiveDispatchCapRule(config)).Message;
        message.ShouldContain(value);
        message.ShouldContain("gd.dispatch.consecutive-cap.window");
    }

    private static ParameterSet Readings(params (string Id, string From, string Value)[] added) => ParameterSet.Of(GuangdongParameters.All,
        added.ToLookup(a => a.Id, a => new ParameterValue(D(a.From), a.Value, "test", Added: true)));

    [Theory]
    // A, B, A in one year: consecutive allows the third A; total (from 2025-01-01) refuses it — judged at the activity's day.
    [InlineData("Day_before_the_change_reads_consecutive", "2024-12-31", false)]
    [InlineData("Day_of_the_change_reads_total", "2025-01-01", true)]
    [InlineData("Day_after_the_change_reads_total", "2025-01-02", true)]
    public void A_changed_reading_applies_from_its_date(string name, string date, bool excluded)
    {
        var rule = new ConsecutiveDispatchCapRule().With(Readings(("gd.dispatch.consecutive-cap.counting", "2025-01-01", "total")));
        var exclusion = rule.Evaluate(new DispatchContext(new CandidateInfo { SupervisorId = "s1" }, Task("A", date), History("A@2024-10-01", "B@2024-11-01", "A@2024-12-01")));
        (exclusion is not null).ShouldBe(excluded, name);
        if (exclusion is not null)
        {
            exclusion.Violation.Message.En.ShouldContain("gd.dispatch.consecutive-cap.counting = total (2025-01-01)");
            exclusion.Violation.Message.En.ShouldContain("gd.dispatch.consecutive-cap.window = rolling-12-months (2021-01-01)");
        }
    }

    [Theory]
    // With the cap raised to 4 from 2025-01-01, a 3rd in a row is allowed from that day and the 4th refused.
    [InlineData("Third_before_the_change", "2024-12-31", 2, true)]
    [InlineData("Third_on_the_change", "2025-01-01", 2, false)]
    [InlineData("Fourth_after_the_change", "2025-01-02", 3, true)]
    public void A_changed_number_applies_from_its_date(string name, string date, int earlier, bool excluded)
    {
        var rule = new ConsecutiveDispatchCapRule().With(Readings(("gd.dispatch.consecutive-cap.times", "2025-01-01", "4")));
        var history = new[] { "A@2024-10-01", "A@2024-11-01", "A@2024-12-01" }.Take(earlier).ToArray();
        (rule.Evaluate(new DispatchContext(new CandidateInfo { SupervisorId = "s1" }, Task("A", date), History(history))) is not null).ShouldBe(excluded, name);
    }

    [Fact]
    public void The_parameters_are_sound_and_feed_catalogued_rules()
    {
        GuangdongParameters.All.SelectMany(p => p.Problems("gd")).ShouldBeEmpty();
        GuangdongParameters.All.SelectMany(p => p.RuleIds).ShouldAllBe(id => GuangdongRules.All.Any(r => r.Id == id));
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
