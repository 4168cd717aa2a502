using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
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
/// <para>The two ages are parameters (<c>bj.eligibility.age.max-men</c>, <c>bj.eligibility.age.max-women</c>,
/// docs/parameters.md): the limit applied is the value in force on the day judged, and a refusal cites it with its date.</para>
/// </summary>
public sealed class AgeLimitRule : IEligibilityRule, IParameterised<AgeLimitRule>
{
    /// <summary>Oldest completed age for men, as the seed says (the default of <c>bj.eligibility.age.max-men</c>).</summary>
    public const int MaxAgeMen = 65;

    /// <summary>Oldest completed age for women, as the seed says (the default of <c>bj.eligibility.age.max-women</c>).</summary>
    public const int MaxAgeWomen = 60;

    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's ages.</summary>
    public AgeLimitRule() : this(ParameterSet.Empty)
    {
    }

    private AgeLimitRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading the ages of <paramref name="parameters"/>.</summary>
    public AgeLimitRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <summary>The oldest completed age allowed for <paramref name="sex"/> on <paramref name="on"/>, with the parameter value applied.</summary>
    public AppliedParameter MaxAgeOn(Sex sex, DateOnly on) =>
        _parameters.At(sex == Sex.Male ? BeijingEtdzParameters.AgeMaxMen : BeijingEtdzParameters.AgeMaxWomen, on);

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.EligibilityAge;

    /// <inheritdoc />
    public EligibilityStages Stages => EligibilityStages.Both;

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
            var (men, women) = (MaxAgeOn(Sex.Male, on).AsInt(), MaxAgeOn(Sex.Female, on).AsInt());
            return RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"缺少{missing.Zh}（取自居民身份证号码），无法判断是否符合年龄条件（男性不超过{men}周岁、女性不超过{women}周岁）",
                $"The {missing.En} (from the resident ID number) is unknown, so the age limit (men {men}, women {women}) cannot be checked")));
        }
        var age = ChinaTime.CompletedYears(born, on);
        var applied = MaxAgeOn(sex, on);
        var max = applied.AsInt();
        if (age <= max) return RuleOutcome.Pass;
        return RuleOutcome.Fail(Rule.Violated(sex == Sex.Male
            ? new LocalizedText($"男性质量督导员不超过{max}周岁，{on:yyyy-MM-dd}时为{age}周岁（参数 {applied}）", $"A male supervisor may be at most {max}; on {on:yyyy-MM-dd} he is {age} (parameter {applied})")
            : new LocalizedText($"女性质量督导员不超过{max}周岁，{on:yyyy-MM-dd}时为{age}周岁（参数 {applied}）", $"A female supervisor may be at most {max}; on {on:yyyy-MM-dd} she is {age} (parameter {applied})")));
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
