using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 认定督导人数 (recognition staffing): "对评价机构进行现场和事后督导时，至少委派2名外督员执行督导任务，超过200人的认定计划可增加外督员".
/// BJ 第十九条 (<c>bj.staffing.recognition</c>). Governs on-site (<see cref="TaskKind.Daily"/>) and after-the-fact
/// (<see cref="TaskKind.AfterTheFact"/>) tasks: 2 external supervisors exactly while the plan has at most 200 candidates
/// (more may be added only "超过200人"), at least 2 with no upper bound above 200.
/// <para>Special tasks are left to the national group of at least 3 (CN 15, which also meets BJ 19's minimum); other
/// kinds are not recognition supervision.</para>
/// <para>The numbers are parameters (<c>bj.staffing.recognition.minimum</c>, <c>bj.staffing.recognition.candidates-for-more</c>,
/// docs/parameters.md), read at the activity's first day.</para>
/// </summary>
public sealed class RecognitionStaffingRule : IStaffingRule, IParameterised<RecognitionStaffingRule>
{
    /// <summary>Plans with more candidates than this may have more than 2 external supervisors (the seed's; default of the parameter).</summary>
    public const int CandidatesForMore = 200;

    /// <summary>External supervisors required (the seed's; default of the parameter).</summary>
    public const int Minimum = 2;

    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's numbers.</summary>
    public RecognitionStaffingRule() : this(ParameterSet.Empty)
    {
    }

    private RecognitionStaffingRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading the numbers of <paramref name="parameters"/>.</summary>
    public RecognitionStaffingRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.StaffingRecognition;

    /// <inheritdoc />
    public StaffingRequirement? RequirementFor(TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Kind is TaskKind.Daily or TaskKind.AfterTheFact
            ? BeijingEtdzParameters.Staffing(_parameters, BeijingEtdzParameters.StaffingRecognitionMinimum, BeijingEtdzParameters.StaffingRecognitionForMore, task)
            : null;
    }
}

/// <summary>
/// 竞赛督导人数 (competition staffing): "一个竞赛地点参赛选手在200人以内的，应当委派2名外督员，参赛选手在200人以上的可加派外督员".
/// BJ 第二十六条 (<c>bj.staffing.competition</c>). Per venue (<see cref="TaskInfo.CandidateCount"/> is the contestants at the
/// task's venue), in-progress and after-the-fact competition tasks: at most 200 → exactly 2; above 200 → at least 2, more
/// allowed.
/// <para>Reading: "200人以内" includes 200 and "200人以上" is read as more than 200, so the two cases do not overlap
/// (the same boundary as BJ 19's "超过200人").</para>
/// <para>The numbers are parameters (<c>bj.staffing.competition.minimum</c>, <c>bj.staffing.competition.contestants-for-more</c>),
/// read at the activity's first day.</para>
/// </summary>
public sealed class CompetitionStaffingRule : IStaffingRule, IParameterised<CompetitionStaffingRule>
{
    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's numbers.</summary>
    public CompetitionStaffingRule() : this(ParameterSet.Empty)
    {
    }

    private CompetitionStaffingRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading the numbers of <paramref name="parameters"/>.</summary>
    public CompetitionStaffingRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.StaffingCompetition;

    /// <inheritdoc />
    public StaffingRequirement? RequirementFor(TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Kind is TaskKind.CompetitionInProgress or TaskKind.CompetitionAfter
            ? BeijingEtdzParameters.Staffing(_parameters, BeijingEtdzParameters.StaffingCompetitionMinimum, BeijingEtdzParameters.StaffingCompetitionForMore, task)
            : null;
    }
}
