using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 年龄条件 (age limit): "男性不超过65周岁、女性不超过60周岁". BJ 第十条第（五）项 (<c>bj.eligibility.age</c>). Checked at
/// appointment and for every dispatched activity (<see cref="EligibilityStages.Both"/>: at dispatch the kernel's
/// <c>DispatchScreen</c> runs it for draw pools, substitutes, manual assignments and acceptances alike).
/// <para>Readings: age is completed years (周岁) in China time, <see cref="ChinaTime.CompletedYears"/>: a man is 66 — and
/// refused — from his 66th birthday, 65 the day before. A person born on 29 February has, in a common year, no
/// birthday date: the year of age is completed on 1 March (the kernel's one reading of 周岁, used by every rule; it agrees
/// with 《民法典》第二百零二条 — a period counted in years that has no corresponding day ends on the last day of the month,
/// 28 February, so the next year of age begins on 1 March). A dispatch is judged on the LAST day of the activity
/// (<see cref="TaskInfo.EndDate"/>, else <see cref="TaskInfo.ActivityDate"/>): the limit must hold on every day of the
/// activity ("每次委派活动之日"), and age only grows. Sex and birth date come from the resident ID number; when either is
/// unknown the rule says so as a violation instead of guessing.</para>
/// </summary>
public sealed class AgeLimitRule : IEligibilityRule
{
    /// <summary>Oldest completed age for men.</summary>
    public const int MaxAgeMen = 65;

    /// <summary>Oldest completed age for women.</summary>
    public const int MaxAgeWomen = 60;

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.EligibilityAge;

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Both;

    /// <summary>The oldest completed age allowed for <paramref name="sex"/>.</summary>
    public static int MaxAge(Sex sex) => sex == Sex.Male ? MaxAgeMen : MaxAgeWomen;

    /// <summary>Judges <paramref name="candidate"/> on <paramref name="on"/> (China date).</summary>
    public RuleOutcome Check(CandidateInfo candidate, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Sex is not { } sex || candidate.BirthDate is not { } born)
        {
            var missing = (candidate.Sex is null, candidate.BirthDate is null) switch
            {
                (true, true) => new LocalizedText("性别和出生日期", "sex and birth date"),
                (true, false) => new LocalizedText("性别", "sex"),
                _ => new LocalizedText("出生日期", "birth date"),
            };
            return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"缺少{missing.Zh}（取自居民身份证号码），无法判断是否符合年龄条件（男性不超过65周岁、女性不超过60周岁）",
                $"The {missing.En} (from the resident ID number) is unknown, so the age limit (men 65, women 60) cannot be checked")));
        }
        var age = ChinaTime.CompletedYears(born, on);
        var max = MaxAge(sex);
        if (age <= max) return RuleOutcome.Pass;
        return RuleOutcome.Fail(Rule.Violated(sex == Sex.Male
            ? new LocalizedText($"男性质量督导员不超过{max}周岁，{on:yyyy-MM-dd}时为{age}周岁", $"A male supervisor may be at most {max}; on {on:yyyy-MM-dd} he is {age}")
            : new LocalizedText($"女性质量督导员不超过{max}周岁，{on:yyyy-MM-dd}时为{age}周岁", $"A female supervisor may be at most {max}; on {on:yyyy-MM-dd} she is {age}")));
    }

    /// <inheritdoc />
    public RuleOutcome Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var on = context.Task is { } task ? LastDay(task, context.OnDate) : context.OnDate;
        return Check(context.Candidate, on);
    }

    private static DateOnly LastDay(TaskInfo task, DateOnly first)
    {
        var start = first > task.ActivityDate ? first : task.ActivityDate;
        return task.EndDate is { } end && end > start ? end : start;
    }
}
