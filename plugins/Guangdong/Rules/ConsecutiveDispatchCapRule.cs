using Microsoft.Extensions.Configuration;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Guangdong.Rules;

/// <summary>Which year "一年之内" means for <see cref="ConsecutiveDispatchCapRule"/>.</summary>
public enum CapWindow
{
    /// <summary>The twelve months before the activity: dispatches dated after the same day one year earlier (default).</summary>
    Rolling12Months = 1,

    /// <summary>The calendar year of the activity: dispatches dated from 1 January of that year.</summary>
    CalendarYear = 2,
}

/// <summary>How "连续委派3次" is counted for <see cref="ConsecutiveDispatchCapRule"/>.</summary>
public enum CapCounting
{
    /// <summary>In a row: the supervisor's last two dispatches in the window are both to this institution (default).</summary>
    Consecutive = 1,

    /// <summary>In total: two dispatches to this institution in the window, whatever came between them.</summary>
    Total = 2,
}

/// <summary>
/// 连续委派限制 (consecutive-dispatch cap): "一年之内，同一外督不得连续委派3次参与同一评价机构的质量督导工作". GD 第十二条
/// (<c>gd.dispatch.consecutive-cap</c>): the 3rd consecutive dispatch is excluded from the draw.
/// <para>Readings (configuration <c>Packs:gd:ConsecutiveCap:Window</c> = <c>rolling-12-months</c> (default) |
/// <c>calendar-year</c>; <c>Packs:gd:ConsecutiveCap:Counting</c> = <c>consecutive</c> (default) | <c>total</c>):</para>
/// <list type="bullet">
/// <item>Dispatches counted: the supervisor's dispatches that happened (the kernel's <c>DispatchHistory</c>: accepted or
/// completed; a refusal, an invitation never answered or one withdrawn is no dispatch), other than the task being staffed.</item>
/// <item>Order: the activities' dates, whatever order the tasks were staffed in. The new dispatch is put in its place
/// among the others, before and after it: staffing a task dated between two dispatches to the institution is judged
/// the same as staffing them in date order.</item>
/// <item>Window: three dispatches fall "一年之内" when, rolling, the last is within a year of the first (2024-03-11 …
/// 2025-03-10 is one year); calendar year = all three in one calendar year.</item>
/// <item>Consecutive: three in a row to this institution in that order that include the new one (A, A → a third A is
/// excluded; A, A, B → A is allowed; A, [new A], A is excluded too). Total: three or more to this institution, the new
/// one included, inside one window, in any order.</item>
/// </list>
/// <para>An unknown configuration value throws <see cref="InvalidOperationException"/> when the rule is built (the Host
/// fails loudly instead of silently applying another reading).</para>
/// </summary>
public sealed class ConsecutiveDispatchCapRule : IDispatchConstraint
{
    /// <summary>Configuration section of the readings.</summary>
    public const string Section = "Packs:gd:ConsecutiveCap";

    /// <summary>Dispatches in the window after which one more to the same institution is refused.</summary>
    public const int Cap = 2;

    /// <summary>The default readings: rolling twelve months, consecutive.</summary>
    public ConsecutiveDispatchCapRule() : this(CapWindow.Rolling12Months, CapCounting.Consecutive)
    {
    }

    /// <summary>Readings from configuration (<see cref="Section"/>); defaults when absent.</summary>
    /// <exception cref="InvalidOperationException">A value is not one of the readings.</exception>
    public ConsecutiveDispatchCapRule(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        Window = section["Window"] switch
        {
            null or "" or "rolling-12-months" => CapWindow.Rolling12Months,
            "calendar-year" => CapWindow.CalendarYear,
            var other => throw new InvalidOperationException($"{Section}:Window '{other}' is not rolling-12-months or calendar-year"),
        };
        Counting = section["Counting"] switch
        {
            null or "" or "consecutive" => CapCounting.Consecutive,
            "total" => CapCounting.Total,
            var other => throw new InvalidOperationException($"{Section}:Counting '{other}' is not consecutive or total"),
        };
    }

    /// <summary>Explicit readings.</summary>
    public ConsecutiveDispatchCapRule(CapWindow window, CapCounting counting)
    {
        Window = window;
        Counting = counting;
    }

    /// <summary>The reading of "一年之内".</summary>
    public CapWindow Window { get; }

    /// <summary>The reading of "连续".</summary>
    public CapCounting Counting { get; }

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.DispatchConsecutiveCap;

    /// <summary>First day of the window for an activity on <paramref name="activityDate"/>.</summary>
    public DateOnly WindowStart(DateOnly activityDate) => Window == CapWindow.CalendarYear
        ? new DateOnly(activityDate.Year, 1, 1)
        : activityDate.AddYears(-1).AddDays(1);

    /// <inheritdoc />
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = context.Task;
        if (context.Candidate.Kind != SupervisorKind.External) return null;
        var sequence = context.History
            .Where(h => h.Response == DispatchResponse.Accepted && h.TaskId != task.TaskId)
            .Select(h => (Date: h.ActivityDate, Here: h.InstitutionId == task.InstitutionId, New: false))
            .Append((Date: task.ActivityDate, Here: true, New: true))
            .OrderBy(d => d.Date).ThenBy(d => d.New)
            .ToList();
        var at = sequence.FindIndex(d => d.New);
        if (!(Counting == CapCounting.Consecutive ? InARow(sequence, at) : InOneWindow(sequence, task.ActivityDate))) return null;
        var (zh, en) = Counting == CapCounting.Consecutive
            ? ($"该外督一年之内将连续第3次委派至该评价机构（按活动日期排列，含已接受的前后委派）", $"This would be the external supervisor's 3rd dispatch in a row to this institution within a year (in the order of the activities' dates, dispatches before and after included)")
            : ($"该外督一年之内将第3次委派至该评价机构", $"This would be the external supervisor's 3rd dispatch to this institution within a year");
        return new DispatchExclusion(context.Candidate.SupervisorId ?? string.Empty, Rule.Violated(new LocalizedText(
            $"{zh}（{WindowZh}）", $"{en} ({WindowEn})")));
    }

    private string WindowZh => Window == CapWindow.CalendarYear ? "按自然年度" : "按滚动12个月";

    private string WindowEn => Window == CapWindow.CalendarYear ? "calendar year" : "rolling 12 months";

    /// <summary>True when three dispatches in a row to the institution, the new one (at <paramref name="at"/>) among them, fall in one window.</summary>
    private bool InARow(List<(DateOnly Date, bool Here, bool New)> sequence, int at)
    {
        for (var first = Math.Max(0, at - Cap); first <= at && first + Cap < sequence.Count; first++)
        {
            var run = sequence.GetRange(first, Cap + 1);
            if (run.All(d => d.Here) && InWindow(run[0].Date, run[^1].Date)) return true;
        }
        return false;
    }

    /// <summary>True when a window holding the new dispatch holds three or more to the institution.</summary>
    private bool InOneWindow(List<(DateOnly Date, bool Here, bool New)> sequence, DateOnly day)
    {
        var here = sequence.Where(d => d.Here).Select(d => d.Date).ToList();
        return here.Where(start => start <= day && InWindow(start, day))
            .Any(start => here.Count(d => d >= start && InWindow(start, d)) > Cap);
    }

    /// <summary>True when <paramref name="first"/> and <paramref name="last"/> lie within one year (<see cref="Window"/>).</summary>
    private bool InWindow(DateOnly first, DateOnly last) => Window == CapWindow.CalendarYear ? first.Year == last.Year : WindowStart(last) <= first;
}
