using Microsoft.Extensions.Configuration;
using SupervisionCore.Kernel;
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
/// <item>Dispatches counted: the supervisor's invited and accepted dispatches (a refused invitation is no dispatch:
/// 不接受指派), other than the task being staffed, dated on or before the activity — the new dispatch is judged against
/// the ones before it; one dated later is not re-judged.</item>
/// <item>Window: rolling = dated after the same day one year before the activity (2025-03-10 → from 2024-03-11);
/// calendar year = from 1 January of the activity's year.</item>
/// <item>Consecutive: ordered by date inside the window, the last two are to this institution (A, A → a third A is
/// excluded; A, A, B → A is allowed). Total: two or more to this institution in the window, in any order.</item>
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
        var from = WindowStart(task.ActivityDate);
        var counted = context.History
            .Where(h => h.Response != DispatchResponse.Refused && h.TaskId != task.TaskId && h.ActivityDate >= from && h.ActivityDate <= task.ActivityDate)
            .OrderBy(h => h.ActivityDate)
            .ToList();
        var capped = Counting == CapCounting.Consecutive
            ? counted.Count >= Cap && counted.TakeLast(Cap).All(h => h.InstitutionId == task.InstitutionId)
            : counted.Count(h => h.InstitutionId == task.InstitutionId) >= Cap;
        if (!capped) return null;
        var (windowZh, windowEn) = Window == CapWindow.CalendarYear
            ? ($"{task.ActivityDate.Year}年度内", $"in {task.ActivityDate.Year}")
            : ($"自{from:yyyy-MM-dd}起一年内", $"in the year from {from:yyyy-MM-dd}");
        var (zh, en) = Counting == CapCounting.Consecutive
            ? ($"{windowZh}该外督最近{Cap}次均委派至该评价机构，不得连续第3次委派", $"{windowEn} the external supervisor's last {Cap} dispatches were to this institution: a 3rd in a row is refused")
            : ($"{windowZh}该外督已{Cap}次委派至该评价机构，不得第3次委派", $"{windowEn} the external supervisor was dispatched {Cap} times to this institution: a 3rd is refused");
        return new DispatchExclusion(context.Candidate.SupervisorId ?? string.Empty, Rule.Violated(new LocalizedText(zh, en)));
    }
}
