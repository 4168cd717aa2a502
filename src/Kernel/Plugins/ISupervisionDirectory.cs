using System.Security.Claims;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>A supervisor as a pack sees them: registry facts, personal data masked.</summary>
/// <param name="Id">Supervisor id.</param>
/// <param name="Kind">External or internal.</param>
/// <param name="Jurisdiction">Where registered.</param>
/// <param name="InstitutionId">For an internal supervisor, the institution.</param>
/// <param name="Name">Full name.</param>
/// <param name="IdNumberMasked">Resident ID number, masked.</param>
/// <param name="IdNumberHash">Keyed hash of the resident ID number (hex), to match the same person across rows.</param>
/// <param name="Active">Holds an appointment in force today.</param>
/// <param name="CardNumbers">Cards valid today.</param>
public sealed record SupervisorFacts(
    string Id,
    SupervisorKind Kind,
    JurisdictionCode Jurisdiction,
    string? InstitutionId,
    string Name,
    string IdNumberMasked,
    string IdNumberHash,
    bool Active,
    IReadOnlyList<string> CardNumbers);

/// <summary>Which supervisors to list.</summary>
/// <param name="Scope">Jurisdiction subtree.</param>
/// <param name="Kind">Only this kind, or both.</param>
/// <param name="InstitutionId">Only internal supervisors of this institution.</param>
/// <param name="ActiveOn">Only those holding an appointment in force on this day.</param>
public sealed record SupervisorQuery(JurisdictionCode Scope, SupervisorKind? Kind = null, string? InstitutionId = null, DateOnly? ActiveOn = null);

/// <summary>Kinds of <see cref="SupervisorFileEntry"/>.</summary>
public static class SupervisorFileEntryKinds
{
    /// <summary>Invited by a draw or a manual assignment.</summary>
    public const string Dispatched = "dispatched";
    /// <summary>Accepted an invitation.</summary>
    public const string Accepted = "accepted";
    /// <summary>Refused an invitation.</summary>
    public const string Refused = "refused";
    /// <summary>Entry/exit recorded on site.</summary>
    public const string Attended = "attended";
    /// <summary>Filed a supervision record (on time or late).</summary>
    public const string RecordFiled = "record-filed";
    /// <summary>An institution's feedback on the supervisor.</summary>
    public const string Feedback = "feedback";
    /// <summary>A sanction decided against the supervisor.</summary>
    public const string Sanction = "sanction";
    /// <summary>An appointment began.</summary>
    public const string Appointed = "appointed";
    /// <summary>A card was issued.</summary>
    public const string CardIssued = "card-issued";
    /// <summary>A card was withdrawn.</summary>
    public const string CardWithdrawn = "card-withdrawn";
}

/// <summary>One dated fact of a supervisor's file (诚信档案), in the order it happened.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened (<see cref="SupervisorFileEntryKinds"/>).</param>
/// <param name="TaskId">The supervision task concerned, if any.</param>
/// <param name="InstitutionId">The institution concerned, if any.</param>
/// <param name="Detail">Plain facts of the entry (e.g. <c>late</c>, <c>dueOn</c>, <c>reason</c>, <c>measure</c>, <c>ground</c>); never personal data.</param>
public sealed record SupervisorFileEntry(DateTimeOffset At, string Kind, string? TaskId, string? InstitutionId, IReadOnlyDictionary<string, string?> Detail);

/// <summary>One recorded on-site attendance (entry and exit) of a supervisor, for fee statements.</summary>
/// <param name="AssignmentId">The assignment.</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="SupervisorName">Full name.</param>
/// <param name="Role">External or internal: the role on the task.</param>
/// <param name="TaskId">The task.</param>
/// <param name="TaskKind">The task's kind.</param>
/// <param name="Jurisdiction">The task's jurisdiction.</param>
/// <param name="InstitutionId">The institution supervised.</param>
/// <param name="Entry">Recorded entry.</param>
/// <param name="Exit">Recorded exit.</param>
public sealed record AttendanceFact(
    string AssignmentId,
    string SupervisorId,
    string SupervisorName,
    SupervisorKind Role,
    string TaskId,
    TaskKind TaskKind,
    JurisdictionCode Jurisdiction,
    string InstitutionId,
    DateTimeOffset Entry,
    DateTimeOffset Exit);

/// <summary>An evaluation institution as a pack sees it.</summary>
/// <param name="Id">Institution id.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind"><c>employer</c>, <c>social-org</c> or <c>industry</c>.</param>
/// <param name="FilingNumber">Filing number.</param>
/// <param name="Jurisdiction">Where filed.</param>
/// <param name="Status"><c>active</c>, <c>notified</c> or <c>disqualified</c>.</param>
public sealed record InstitutionFacts(string Id, string Name, string Kind, string FilingNumber, JurisdictionCode Jurisdiction, string Status);

/// <summary>A venue of an activity (competitions: contestants per venue).</summary>
/// <param name="Id">Venue id (unique within the Host).</param>
/// <param name="Name">Name.</param>
/// <param name="Address">Address, if given.</param>
/// <param name="Contestants">Contestants at this venue.</param>
public sealed record ActivityVenueFacts(long Id, string Name, string? Address, int Contestants);

/// <summary>An assignment of a supervisor to a task, as a pack sees it (no personal numbers).</summary>
/// <param name="Id">Assignment id.</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="SupervisorName">Full name.</param>
/// <param name="Role">External or internal: the role on the task.</param>
/// <param name="Status">The assignment's state.</param>
/// <param name="Entry">Recorded entry, if any.</param>
/// <param name="Exit">Recorded exit, if any.</param>
public sealed record AssignmentFacts(string Id, string SupervisorId, string SupervisorName, SupervisorKind Role, AssignmentState Status, DateTimeOffset? Entry, DateTimeOffset? Exit);

/// <summary>A supervision task of an activity with its assignments.</summary>
/// <param name="Id">Task id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Status">The task's state.</param>
/// <param name="VenueId">The venue supervised, if any.</param>
/// <param name="WindowStart">Start of the task's time window.</param>
/// <param name="WindowEnd">End of the task's time window.</param>
/// <param name="RequiredCount">Supervisors required.</param>
/// <param name="StaffingRules">Rule ids that set <paramref name="RequiredCount"/>.</param>
/// <param name="Assignments">Assignments, oldest first.</param>
public sealed record ActivityTaskFacts(
    string Id, TaskKind Kind, TaskState Status, long? VenueId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    int RequiredCount, IReadOnlyList<string> StaffingRules, IReadOnlyList<AssignmentFacts> Assignments);

/// <summary>An evaluation activity (plan, session, competition) with its venues, tasks and assignments.</summary>
/// <param name="Id">Activity id.</param>
/// <param name="Kind">The kind of evaluation activity.</param>
/// <param name="Jurisdiction">Where it takes place.</param>
/// <param name="InstitutionId">The institution (or competition organiser).</param>
/// <param name="Occupation">Occupation (trade).</param>
/// <param name="Level">Level, if any.</param>
/// <param name="PlanNumber">Plan number, if any.</param>
/// <param name="StartsAt">Start.</param>
/// <param name="EndsAt">End.</param>
/// <param name="CandidateCount">Candidates (contestants) in all.</param>
/// <param name="Venues">Venues, by id.</param>
/// <param name="Tasks">Supervision tasks, oldest first.</param>
public sealed record ActivityFacts(
    string Id, ActivityKind Kind, JurisdictionCode Jurisdiction, string InstitutionId, string Occupation, string? Level, string? PlanNumber,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CandidateCount, IReadOnlyList<ActivityVenueFacts> Venues, IReadOnlyList<ActivityTaskFacts> Tasks);

/// <summary>A supervision task as a pack sees it (contract 1.3).</summary>
/// <param name="Id">Task id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Status">The task's state.</param>
/// <param name="Jurisdiction">Where it takes place.</param>
/// <param name="InstitutionId">The institution supervised.</param>
/// <param name="ActivityId">The activity supervised, if any (an inspection task may have none).</param>
/// <param name="WindowStart">Start of the task's time window.</param>
/// <param name="WindowEnd">End of the task's time window.</param>
public sealed record TaskFacts(
    string Id, TaskKind Kind, TaskState Status, JurisdictionCode Jurisdiction, string InstitutionId, string? ActivityId,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd);

/// <summary>A registry bar in force, as listed for its scope (a blacklist).</summary>
/// <param name="Id">Bar id.</param>
/// <param name="SupervisorId">The supervisor whose sanction caused it.</param>
/// <param name="Name">Full name.</param>
/// <param name="IdNumberMasked">Resident ID number, masked.</param>
/// <param name="Bar">Scope, period and rule.</param>
public sealed record RegistryBarEntry(string Id, string SupervisorId, string Name, string IdNumberMasked, RegistryBar Bar);

/// <summary>The outcome of a revocation requested by a pack.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Changed">False when the qualification was already revoked (nothing changed).</param>
/// <param name="WithdrawnCards">Card numbers withdrawn.</param>
/// <param name="EndedAppointments">Appointments ended.</param>
/// <param name="Bars">Registry bars recorded.</param>
public sealed record RevocationOutcome(string SupervisorId, bool Changed, IReadOnlyList<string> WithdrawnCards, int EndedAppointments, IReadOnlyList<RegistryBar> Bars);

/// <summary>
/// Read access to the kernel's registry and supervision data for packs (the Host implements it; inject it into a pack
/// endpoint or service). Reads are not scoped to a caller: a pack endpoint checks the caller's jurisdiction itself.
/// </summary>
public interface ISupervisionDirectory
{
    /// <summary>One supervisor, or null when unknown.</summary>
    Task<SupervisorFacts?> FindSupervisorAsync(string supervisorId, CancellationToken ct);

    /// <summary>Supervisors matching <paramref name="query"/>, ordered by id.</summary>
    Task<IReadOnlyList<SupervisorFacts>> ListSupervisorsAsync(SupervisorQuery query, CancellationToken ct);

    /// <summary>The supervisor's file: dispatches, answers, attendance, records (on time/late), feedback, sanctions, cards and appointments, oldest first.</summary>
    Task<IReadOnlyList<SupervisorFileEntry>> FileAsync(string supervisorId, CancellationToken ct);

    /// <summary>Attendances with both entry and exit recorded whose entry falls on China days <paramref name="from"/>..<paramref name="to"/>, in tasks inside <paramref name="scope"/>.</summary>
    Task<IReadOnlyList<AttendanceFact>> AttendanceAsync(JurisdictionCode scope, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Registry bars in force on <paramref name="day"/> whose scope lies inside <paramref name="scope"/>.</summary>
    Task<IReadOnlyList<RegistryBarEntry>> BarsAsync(JurisdictionCode scope, DateOnly day, CancellationToken ct);

    /// <summary>
    /// One activity with its venues, tasks and assignments (e.g. a competition's supervision schedule), or null when unknown.
    /// Added within contract 1.2 with a default body, so an implementation that predates it answers "unknown".
    /// </summary>
    Task<ActivityFacts?> FindActivityAsync(string activityId, CancellationToken ct) => Task.FromResult<ActivityFacts?>(null);

    /// <summary>One institution, or null when unknown. Added within contract 1.2 with a default body (answers "unknown").</summary>
    Task<InstitutionFacts?> FindInstitutionAsync(string institutionId, CancellationToken ct) => Task.FromResult<InstitutionFacts?>(null);

    /// <summary>One supervision task, or null when unknown. Added in contract 1.3 with a default body (answers "unknown").</summary>
    Task<TaskFacts?> FindTaskAsync(string taskId, CancellationToken ct) => Task.FromResult<TaskFacts?>(null);
}

/// <summary>Changes to the registry a pack may request (the Host implements it, audits it and applies every national rule).</summary>
public interface ISupervisorActions
{
    /// <summary>
    /// 取消督导资格 (revoke the qualification) for <paramref name="reason"/>: cards withdrawn, appointments ended, a sanction
    /// recorded, every pack's <see cref="ISanctionConsequenceRule"/> applied (bars), all in one transaction and audited
    /// with the rule id. Idempotent: revoking an already revoked supervisor changes nothing.
    /// </summary>
    /// <param name="supervisorId">The supervisor.</param>
    /// <param name="on">China calendar day of the decision.</param>
    /// <param name="reason">The rule and reason.</param>
    /// <param name="by">Who decided; null for a scheduled job (recorded as <c>system</c>).</param>
    /// <param name="ct">Cancellation.</param>
    Task<RevocationOutcome> RevokeQualificationAsync(string supervisorId, DateOnly on, Violation reason, ClaimsPrincipal? by, CancellationToken ct);
}
