using Microsoft.Extensions.Configuration;
using SupervisionCore.Kernel.Parameters;
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
/// <para>Readings — dated parameters (docs/parameters.md; they were configuration <c>Packs:gd:ConsecutiveCap</c>), read at the
/// activity's first day: <c>gd.dispatch.consecutive-cap.window</c> = <c>rolling-12-months</c> (default) | <c>calendar-year</c>;
/// <c>gd.dispatch.consecutive-cap.counting</c> = <c>consecutive</c> (default) | <c>total</c>;
/// <c>gd.dispatch.consecutive-cap.times</c> = 3 (the dispatch that would be the 3rd is excluded):</para>
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
/// <para>An exclusion cites the parameter values applied with their effective dates. Configuration under
/// <see cref="Section"/> is no longer read: a deployment that still sets it fails to build the rule with a message naming
/// the parameters, instead of silently applying another reading.</para>
/// </summary>
public sealed class ConsecutiveDispatchCapRule : IDispatchConstraint, IParameterised<ConsecutiveDispatchCapRule>
{
    /// <summary>The former configuration section of the readings (now parameters).</summary>
    public const string Section = "Packs:gd:ConsecutiveCap";

    /// <summary>Dispatches in the window after which one more to the same institution is refused, as the seed says (3 − 1).</summary>
    public const int Cap = 2;

    private readonly ParameterSet _parameters;

    /// <summary>The default readings (the parameters' defaults): rolling twelve months, consecutive, 3.</summary>
    public ConsecutiveDispatchCapRule() : this(ParameterSet.Empty)
    {
    }

    /// <summary>The rule as the Host builds it: the readings are parameters; configuration under <see cref="Section"/> is refused.</summary>
    /// <exception cref="InvalidOperationException">The configuration still sets a reading.</exception>
    public ConsecutiveDispatchCapRule(IConfiguration configuration) : this(ParameterSet.Empty)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var set = configuration.GetSection(Section).AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={kv.Value}").ToList();
        if (set.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Section} ({string.Join(", ", set)}) is no longer read: the readings of GD 12 are the dated parameters {GuangdongParameters.CapWindowReading.Id} " +
                $"and {GuangdongParameters.CapCountingReading.Id} (POST /api/v1/regions/gd/parameters/{{id}}/values, docs/parameters.md); remove the setting");
        }
    }

    /// <summary>Explicit readings from the first day of GD (a test, or a reading fixed for a whole history).</summary>
    public ConsecutiveDispatchCapRule(CapWindow window, CapCounting counting) : this(ParameterSet.Defaults(
    [
        Fixed(GuangdongParameters.CapWindowReading, window == CapWindow.CalendarYear ? "calendar-year" : "rolling-12-months"),
        Fixed(GuangdongParameters.CapCountingReading, counting == CapCounting.Total ? "total" : "consecutive"),
    ]))
    {
    }

    private ConsecutiveDispatchCapRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading its readings from <paramref name="parameters"/> (defaults where it holds none).</summary>
    public ConsecutiveDispatchCapRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    private static ParameterDefinition Fixed(ParameterDefinition definition, string value) =>
        definition with { Defaults = [new ParameterValue(GuangdongRules.EffectiveFrom, value, "explicit")] };

    /// <summary>The latest reading of "一年之内" (the one activities after every stored change are judged by).</summary>
    public CapWindow Window => WindowOn(DateOnly.MaxValue).Window;

    /// <summary>The reading of "连续", latest value.</summary>
    public CapCounting Counting => CountingOn(DateOnly.MaxValue).Counting;

    /// <summary>The reading of "一年之内" on <paramref name="day"/>, with the parameter value applied.</summary>
    public (CapWindow Window, AppliedParameter Applied) WindowOn(DateOnly day)
    {
        var applied = _parameters.At(GuangdongParameters.CapWindowReading, day);
        return (applied.Value == "calendar-year" ? CapWindow.CalendarYear : CapWindow.Rolling12Months, applied);
    }

    /// <summary>The reading of "连续" on <paramref name="day"/>, with the parameter value applied.</summary>
    public (CapCounting Counting, AppliedParameter Applied) CountingOn(DateOnly day)
    {
        var applied = _parameters.At(GuangdongParameters.CapCountingReading, day);
        return (applied.Value == "total" ? CapCounting.Total : CapCounting.Consecutive, applied);
    }

    /// <inheritdoc />
    public string PackId => GuangdongRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => GuangdongRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => GuangdongRules.DispatchConsecutiveCap;

    /// <summary>First day of the window for an activity on <paramref name="activityDate"/> (the reading in force that day).</summary>
    public DateOnly WindowStart(DateOnly activityDate) => WindowStart(WindowOn(activityDate).Window, activityDate);

    private static DateOnly WindowStart(CapWindow window, DateOnly activityDate) => window == CapWindow.CalendarYear
        ? new DateOnly(activityDate.Year, 1, 1)
        : activityDate.AddYears(-1).AddDays(1);

    /// <inheritdoc />
    public DispatchExclusion? Evaluate(DispatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = context.Task;
        if (context.Candidate.Kind != SupervisorKind.External) return null;
        var (window, windowApplied) = WindowOn(task.ActivityDate);
        var (counting, countingApplied) = CountingOn(task.ActivityDate);
        var timesApplied = _parameters.At(GuangdongParameters.CapTimes, task.ActivityDate);
        var cap = timesApplied.AsInt() - 1;
        var sequence = context.History
            .Where(h => h.Response == DispatchResponse.Accepted && h.TaskId != task.TaskId)
            .Select(h => (Date: h.ActivityDate, Here: h.InstitutionId == task.InstitutionId, New: false))
            .Append((Date: task.ActivityDate, Here: true, New: true))
            .OrderBy(d => d.Date).ThenBy(d => d.New)
            .ToList();
        var at = sequence.FindIndex(d => d.New);
        if (!(counting == CapCounting.Consecutive ? InARow(sequence, at, window, cap) : InOneWindow(sequence, task.ActivityDate, window, cap))) return null;
        var times = timesApplied.AsInt();
        var (zh, en) = counting == CapCounting.Consecutive
            ? ($"该外督一年之内将连续第{times}次委派至该评价机构（按活动日期排列，含已接受的前后委派）", $"This would be the external supervisor's dispatch no. {times} in a row to this institution within a year (in the order of the activities' dates, dispatches before and after included)")
            : ($"该外督一年之内将第{times}次委派至该评价机构", $"This would be the external supervisor's dispatch no. {times} to this institution within a year");
        var cited = $"{windowApplied}; {countingApplied}; {timesApplied}";
        return new DispatchExclusion(context.Candidate.SupervisorId ?? string.Empty, Rule.Violated(new LocalizedText(
            $"{zh}（{WindowZh(window)}；参数 {cited}）", $"{en} ({WindowEn(window)}; parameters {cited})")));
    }

    private static string WindowZh(CapWindow window) => window == CapWindow.CalendarYear ? "按自然年度" : "按滚动12个月";

    private static string WindowEn(CapWindow window) => window == CapWindow.CalendarYear ? "calendar year" : "rolling 12 months";

    /// <summary>True when cap + 1 dispatches in a row to the institution, the new one (at <paramref name="at"/>) among them, fall in one window.</summary>
    private static bool InARow(List<(DateOnly Date, bool Here, bool New)> sequence, int at, CapWindow window, int cap)
    {
        for (var first = Math.Max(0, at - cap); first <= at && first + cap < sequence.Count; first++)
        {
            var run = sequence.GetRange(first, cap + 1);
            if (run.All(d => d.Here) && InWindow(window, run[0].Date, run[^1].Date)) return true;
        }
        return false;
    }

    /// <summary>True when a window holding the new dispatch holds more than cap to the institution.</summary>
    private static bool InOneWindow(List<(DateOnly Date, bool Here, bool New)> sequence, DateOnly day, CapWindow window, int cap)
    {
        var here = sequence.Where(d => d.Here).Select(d => d.Date).ToList();
        return here.Where(start => start <= day && InWindow(window, start, day))
            .Any(start => here.Count(d => d >= start && InWindow(window, start, d)) > cap);
    }

    /// <summary>True when <paramref name="first"/> and <paramref name="last"/> lie within one year.</summary>
    private static bool InWindow(CapWindow window, DateOnly first, DateOnly last) =>
        window == CapWindow.CalendarYear ? first.Year == last.Year : WindowStart(window, last) <= first;
}
