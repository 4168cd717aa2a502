namespace SupervisionCore.Host.Data.Supervision;

/// <summary>A year of the working-day calendar loaded by an administrator (国办发明电 notice), overriding the shipped data.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }
    /// <summary>The arrangement as JSON: <c>{ off: [{from,to}], work: [date], source }</c>.</summary>
    public required string Arrangement { get; set; }
    public required string Source { get; set; }
    public required string LoadedBy { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}

/// <summary>评价活动 (evaluation activity) of an institution: a plan, session or competition.</summary>
public sealed class Activity
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public required string Jurisdiction { get; set; }
    /// <summary>vocational-qualification | skill-level-recognition | special-ability | competition.</summary>
    public required string Kind { get; set; }
    public required string Occupation { get; set; }
    public string? Level { get; set; }
    public string? PlanNumber { get; set; }
    /// <summary>认定形式 (recognition form), e.g. theory+practical, process assessment, direct recognition.</summary>
    public string? RecognitionForm { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int CandidateCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ActivityVenue> Venues { get; set; } = [];
    public List<ActivityExaminer> Examiners { get; set; } = [];
}

/// <summary>A venue of an activity (competitions: contestants per venue, BJ 26).</summary>
public sealed class ActivityVenue
{
    public long Id { get; set; }
    public Guid ActivityId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public int Contestants { get; set; }
}

/// <summary>考评人员 (examiner) of an activity: a registered supervisor, or a person matched by ID-number keyed hash (<c>cn.recusal.examiner</c>).</summary>
public sealed class ActivityExaminer
{
    public long Id { get; set; }
    public Guid ActivityId { get; set; }
    public Guid? SupervisorId { get; set; }
    public byte[]? IdNumberHash { get; set; }
    public string? IdNumberMasked { get; set; }
    public string? Name { get; set; }
}

/// <summary>督导任务 (supervision task).</summary>
public sealed class SupervisionTask
{
    public Guid Id { get; set; }
    /// <summary>daily | special | after-the-fact | competition-in-progress | competition-after | annual-inspection.</summary>
    public required string Kind { get; set; }
    public required string AuthorityId { get; set; }
    public required string Jurisdiction { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid? ActivityId { get; set; }
    /// <summary>Venue (competitions: staffing per venue).</summary>
    public long? VenueId { get; set; }
    public string[] Matters { get; set; } = [];
    public int RequiredCount { get; set; }
    /// <summary>Rule ids that set <see cref="RequiredCount"/>.</summary>
    public string[] StaffingRules { get; set; } = [];
    /// <summary>planned | drawn | in-progress | closed | cancelled.</summary>
    public required string Status { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// A verifiable draw (双随机: supervisors for a task, or institutions/activities for inspection). Anyone with the
/// record can re-run it: sorted pool, its SHA-256, the exclusions with rule ids, the seed and the algorithm.
/// </summary>
public sealed class Draw
{
    public Guid Id { get; set; }
    /// <summary>supervisor | inspection.</summary>
    public required string Purpose { get; set; }
    public Guid? TaskId { get; set; }
    public required string Jurisdiction { get; set; }
    /// <summary>announced (seed committed, not run) | run | superseded.</summary>
    public required string Status { get; set; }
    /// <summary>Hex SHA-256 of the seed, published before the draw (commitment), or null.</summary>
    public string? SeedCommitment { get; set; }
    /// <summary>Hex seed, revealed at the draw.</summary>
    public string? Seed { get; set; }
    public required string Algorithm { get; set; }
    /// <summary>
    /// The pool as stored (column <c>pool</c>, bytea): each candidate id (a uuid) as its 16 bytes in RFC 4122 order, in
    /// the pool's canonical order — 16 bytes a candidate instead of a 36-character text array element (a 100,000 pool:
    /// 1.6 MB, not 4.6 MB, written on every draw). The bytes' order is the ids' ordinal order, so the record stays
    /// canonical; <see cref="Pool"/> reads it as ids.
    /// </summary>
    public byte[] PoolIds { get; set; } = [];

    private string[]? _pool;

    /// <summary>Candidate ids after exclusions, sorted ordinally (decoded from <see cref="PoolIds"/>; not a column).</summary>
    public string[] Pool
    {
        get
        {
            if (_pool is not null) return _pool;
            var ids = new string[PoolIds.Length / 16];
            for (var i = 0; i < ids.Length; i++) ids[i] = new Guid(PoolIds.AsSpan(16 * i, 16), bigEndian: true).ToString();
            return _pool = ids;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var bytes = new byte[16 * value.Length];
            for (var i = 0; i < value.Length; i++)
                if (!Guid.TryParseExact(value[i], "D", out var id) || value[i].AsSpan().IndexOfAnyInRange('A', 'F') >= 0
                    || !id.TryWriteBytes(bytes.AsSpan(16 * i, 16), bigEndian: true, out _))
                    throw new ArgumentException($"a stored pool holds lower-case uuids only: '{value[i]}'", nameof(value));
            PoolIds = bytes;
            _pool = value;
            _ranking = null;
        }
    }

    /// <summary>How many candidates the pool holds (without decoding it).</summary>
    public int PoolSize => PoolIds.Length / 16;
    public string? PoolDigest { get; set; }
    /// <summary>Exclusions as JSON: <c>[{ id, rules: [..] }]</c>.</summary>
    public string Exclusions { get; set; } = "[]";
    /// <summary>
    /// The ranking stored compactly: positions into <see cref="Pool"/> in drawn order (4 bytes a candidate, not a 36-character
    /// id a second time). Tampering with it, the pool or the seed still fails <c>POST /draws/{id}/verify</c>.
    /// </summary>
    public int[] RankingOrder { get; set; } = [];

    private string[]? _ranking;

    /// <summary>
    /// The whole pool ranked by the algorithm (first <see cref="Count"/> selected, the rest substitutes in order), derived
    /// from <see cref="Pool"/> and <see cref="RankingOrder"/> (not a column). Set it after <see cref="Pool"/>. A position
    /// outside the pool (a tampered record) reads as an empty id, which no re-run reproduces.
    /// </summary>
    public string[] Ranking
    {
        get => _ranking ??= [.. RankingOrder.Select(i => i >= 0 && i < Pool.Length ? Pool[i] : string.Empty)];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var index = new Dictionary<string, int>(Pool.Length, StringComparer.Ordinal);
            for (var i = 0; i < Pool.Length; i++) index[Pool[i]] = i;
            RankingOrder = [.. value.Select(id => index[id])];
            _ranking = value;
        }
    }
    public int Count { get; set; }

    /// <summary>Records a run: status <c>run</c>, the transcript's seed, sorted pool, digest, ranking and count, and when.</summary>
    public void RecordRun(Kernel.Dispatch.DrawTranscript transcript, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        Status = "run";
        Seed = transcript.Seed;
        Pool = [.. transcript.Pool];
        PoolDigest = transcript.PoolDigest;
        if (transcript.RankingPositions is { } positions && positions.Count == transcript.Ranking.Count)
        {
            // The draw knows each candidate's position already: no lookup of every id.
            RankingOrder = [.. positions];
            _ranking = [.. transcript.Ranking];
        }
        else Ranking = [.. transcript.Ranking]; // after Pool: stored as positions into it
        Count = transcript.Count;
        RunAt = at;
    }

    /// <summary>For an inspection draw: the filter used to build the population (JSON).</summary>
    public string? Filter { get; set; }
    public Guid? ReplacesDrawId { get; set; }
    public string? RedrawReason { get; set; }
    public bool Published { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RunAt { get; set; }
}

/// <summary>委派 (assignment) of a supervisor to a task.</summary>
public sealed class Assignment
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid? DrawId { get; set; }
    public Guid SupervisorId { get; set; }
    /// <summary>Position in the draw ranking (1-based), or null for a manual assignment.</summary>
    public int? Rank { get; set; }
    /// <summary>external | internal (internal: an institution's own full-process supervisor).</summary>
    public required string Role { get; set; }
    /// <summary>invited | accepted | refused | replaced | completed.</summary>
    public required string Status { get; set; }
    public string? RefusalReason { get; set; }
    public bool RefusedWithoutReason { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? EntryAt { get; set; }
    public DateTimeOffset? ExitAt { get; set; }
    public Guid? ReplacedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>督导记录 (record): a form submission for an assignment (<c>cn.report.required</c>).</summary>
public sealed class SupervisionRecord
{
    public Guid Id { get; set; }
    public Guid AssignmentId { get; set; }
    public required string FormId { get; set; }
    public int FormVersion { get; set; }
    /// <summary>Answers as JSON (item key → value).</summary>
    public required string Content { get; set; }
    /// <summary>Last day in time, or null where no deadline policy governs (CN 10 sets no period: never late).</summary>
    public DateOnly? DueOn { get; set; }
    public bool DueAssumed { get; set; }
    public bool Late { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>Institution feedback on a supervisor (GD annex 5, BJ annex 4).</summary>
public sealed class SupervisorFeedback
{
    public Guid Id { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateTimeOffset? EntryAt { get; set; }
    public DateTimeOffset? ExitAt { get; set; }
    /// <summary>
    /// Conduct checks as JSON (wore card, performed duties, stayed in remit, integrity): the national shape; null when the
    /// feedback was given on a pack's form (<see cref="FormId"/>).
    /// </summary>
    public string? Conduct { get; set; }
    /// <summary>The pack's feedback form (GD annex 5, BJ annex 4), or null for the national shape.</summary>
    public string? FormId { get; set; }
    public int? FormVersion { get; set; }
    /// <summary>The form's answers by item key (JSON), with <see cref="FormId"/>.</summary>
    public string? Content { get; set; }
    public string? Text { get; set; }
    /// <summary>Last day in time, or null where no deadline policy governs the feedback.</summary>
    public DateOnly? DueOn { get; set; }
    public bool DueAssumed { get; set; }
    public bool Late { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>A step of the special procedure (<c>cn.special.procedure</c>, CN 15).</summary>
public sealed class SpecialProcedureStep
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>site-visit | preliminary-opinion | rebuttal | opinion-letter | rectification-report | closed.</summary>
    public required string Step { get; set; }
    public string? Text { get; set; }
    /// <summary>Attachment metadata as JSON: <c>[{ name, mediaType, size, sha256 }]</c>.</summary>
    public string Attachments { get; set; } = "[]";
    /// <summary>For the preliminary opinion: the rebuttal period's last day.</summary>
    public DateOnly? RebuttalDue { get; set; }
    public DateOnly On { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>群众举报 (complaint): a public or media report about evaluation work (<c>cn.complaint.investigation</c>, CN 12(三)).</summary>
public sealed class Complaint
{
    public Guid Id { get; set; }
    /// <summary>What the reporter keeps to ask for the state (random, not guessable).</summary>
    public required string TrackingCode { get; set; }
    /// <summary>The province (or sub-jurisdiction) whose evaluation work it concerns.</summary>
    public required string Jurisdiction { get; set; }
    public Guid? InstitutionId { get; set; }
    public string? InstitutionName { get; set; }
    /// <summary>public | media.</summary>
    public required string Source { get; set; }
    public required string Text { get; set; }
    /// <summary>The reporter's contact, encrypted (PersonalData); null for an anonymous report.</summary>
    public byte[]? ContactCipher { get; set; }
    public string? ContactMasked { get; set; }
    /// <summary>received | investigating | referred | dismissed | concluded.</summary>
    public required string State { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public string? TriagedBy { get; set; }
    public string? Reason { get; set; }
    public string? ReferredTo { get; set; }
    public Guid? TaskId { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }
    /// <summary>substantiated | partly-substantiated | unsubstantiated.</summary>
    public string? Finding { get; set; }
    public string? Conclusion { get; set; }
}
