using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 工作经历 (experience) a supervisor attests at registration, for the packs' experience conditions
/// (GD 6(五), YN 6(三)).
/// </summary>
/// <param name="IsEvaluationManagementOrTechnicalStaff">
/// Works in evaluation (recognition) administration or technical management (从事技能人才评价行政或技术管理工作 /
/// 从事职业技能等级认定管理或技术工作).
/// </param>
/// <param name="YearsOrganisingEvaluation">Completed years organising and running evaluations (组织实施工作).</param>
/// <param name="YearsExamining">Completed years as an examiner (承担考评工作).</param>
public sealed record SupervisorExperience(
    bool IsEvaluationManagementOrTechnicalStaff,
    int YearsOrganisingEvaluation,
    int YearsExamining)
{
    /// <summary>No attested experience.</summary>
    public static readonly SupervisorExperience None = new(false, 0, 0);
}

/// <summary>
/// A person being appointed or dispatched, as rules see them: plain facts, no entity. Fields a rule needs but the
/// caller does not know are null, and the rule then reports the missing fact as a violation rather than guessing.
/// </summary>
public sealed record CandidateInfo
{
    /// <summary>Supervisor id; null before registration (e.g. an eligibility pre-check).</summary>
    public string? SupervisorId { get; init; }

    /// <summary>External or internal.</summary>
    public SupervisorKind Kind { get; init; } = SupervisorKind.External;

    /// <summary>Sex, from the resident ID number.</summary>
    public Sex? Sex { get; init; }

    /// <summary>Birth date, from the resident ID number.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>For an internal supervisor: the institution that appointed them and issued their card (BJ 13 scope).</summary>
    public string? InstitutionId { get; init; }

    /// <summary>Attested experience.</summary>
    public SupervisorExperience Experience { get; init; } = SupervisorExperience.None;

    /// <summary>
    /// Whether an appointment (聘任) is in force on the date of the act; null when not known. Nationally a card holder can be
    /// dispatched without one (CN 第八条 "也可…聘用"); a pack whose text makes appointment a condition of dispatch checks
    /// it (<c>Dispatch.Rules.AppointmentBeforeDispatchRule</c>).
    /// </summary>
    public bool? Appointed { get; init; }

    /// <summary>The five conditions of CN 第六条 as attested at registration; null when not recorded (<c>cn.supervisor.conditions</c>).</summary>
    public SupervisorConditions? Conditions { get; init; }

    /// <summary>Institutions with which the person has a declared or recorded conflict of interest (<c>cn.recusal.conflict</c>).</summary>
    public IReadOnlyList<string> ConflictInstitutionIds { get; init; } = [];

    /// <summary>Evaluation activities in which the person is an examiner (考评人员) (<c>cn.recusal.examiner</c>).</summary>
    public IReadOnlyList<string> ExaminerActivityIds { get; init; } = [];

    /// <summary>
    /// Evaluation activities in which the person is assigned as an internal supervisor (内督) of the session
    /// (<c>gd.recusal.dual-role</c>: an external supervisor may not be internal supervisor of the same session).
    /// </summary>
    public IReadOnlyList<string> InternalSupervisorActivityIds { get; init; } = [];
}

/// <summary>The supervision task a candidate would be dispatched to, as rules see it.</summary>
public sealed record TaskInfo
{
    /// <summary>Task id.</summary>
    public required string TaskId { get; init; }

    /// <summary>Kind of task.</summary>
    public required TaskKind Kind { get; init; }

    /// <summary>Jurisdiction of the evaluation activity (decides which packs' rules apply).</summary>
    public required JurisdictionCode Jurisdiction { get; init; }

    /// <summary>The evaluation institution supervised.</summary>
    public required string InstitutionId { get; init; }

    /// <summary>The evaluation activity (plan, session, competition) supervised; null for a task about an institution as a whole.</summary>
    public string? ActivityId { get; init; }

    /// <summary>First China calendar day of the activity: the date of the act for eligibility and dispatch rules.</summary>
    public required DateOnly ActivityDate { get; init; }

    /// <summary>Last China calendar day of the activity (equals <see cref="ActivityDate"/> for one-day activities).</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Candidates of the plan (认定计划人数), or for a competition the contestants at this task's venue.</summary>
    public int CandidateCount { get; init; }
}

/// <summary>One earlier dispatch of the same supervisor, as dispatch constraints see it.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="InstitutionId">The institution supervised.</param>
/// <param name="ActivityDate">First China calendar day of that activity.</param>
/// <param name="Response">How the supervisor answered.</param>
public sealed record DispatchHistoryEntry(string TaskId, string InstitutionId, DateOnly ActivityDate, DispatchResponse Response);
