namespace SupervisionCore.Host.Data.Registry;

/// <summary>委派机构/发证机构 (authority): a body that appoints, dispatches or issues cards.</summary>
public sealed class Authority
{
    /// <summary>Stable id: <c>00</c> for MOHRSS, the province code for a provincial centre (<c>44</c>), pack-defined otherwise.</summary>
    public required string Id { get; set; }
    /// <summary>ministry | provincial-centre | city-centre | zone-bureau | industry-department.</summary>
    public required string Kind { get; set; }
    public required string Jurisdiction { get; set; }
    /// <summary>Code used in the card numbers it issues (<c>44</c>, GD city letter), or null when it issues none.</summary>
    public string? CardIssuerCode { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Who defined it: <c>cn</c> (kernel default) or a pack id.</summary>
    public required string Source { get; set; }
}

/// <summary>评价机构 (evaluation institution).</summary>
public sealed class Institution
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>employer (Y) | social-org (S) | industry (H).</summary>
    public required string Kind { get; set; }
    public required string FilingNumber { get; set; }
    /// <summary>mohrss | province.</summary>
    public required string FilingLevel { get; set; }
    public required string Jurisdiction { get; set; }
    /// <summary>active | notified | disqualified (derived from sanctions, stored for queries).</summary>
    public required string Status { get; set; }
    /// <summary>6-digit issuer code of its internal cards (CN annex 二).</summary>
    public required string InternalIssuerCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
}

/// <summary>质量督导员 (supervisor). The resident ID number and phone are stored encrypted, with a keyed hash for lookup.</summary>
public sealed class Supervisor
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>AES-GCM ciphertext of the 18-character resident ID number.</summary>
    public required byte[] IdNumberCipher { get; set; }
    /// <summary>HMAC-SHA256 of the normalised ID number: uniqueness and lookup without decrypting.</summary>
    public required byte[] IdNumberHash { get; set; }
    /// <summary>Masked form shown in responses (<c>110105********002X</c>).</summary>
    public required string IdNumberMasked { get; set; }
    /// <summary>male | female, derived from the ID number.</summary>
    public required string Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    /// <summary>external | internal.</summary>
    public required string Kind { get; set; }
    public required string Jurisdiction { get; set; }
    /// <summary>For internal supervisors: the institution that appointed them.</summary>
    public Guid? InstitutionId { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    public int YearsInEvaluation { get; set; }
    public int YearsAsExaminer { get; set; }
    public bool ManagementOrTechnicalRole { get; set; }
    /// <summary>The five CN 第六条 attestations.</summary>
    public bool PoliticalCommitment { get; set; }
    public bool PolicyKnowledge { get; set; }
    public bool Integrity { get; set; }
    public bool OrganisingAndExpression { get; set; }
    public bool Health { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public List<SupervisorConflict> Conflicts { get; set; } = [];
}

/// <summary>A declared conflict of interest with an institution (<c>cn.recusal.conflict</c>).</summary>
public sealed class SupervisorConflict
{
    public long Id { get; set; }
    public Guid SupervisorId { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>employment | relative | examiner | other.</summary>
    public required string Kind { get; set; }
    public string? Note { get; set; }
}

/// <summary>Training, annual learning or assessment record (<c>cn.card.requires-training</c>, <c>cn.assessment.failed</c>).</summary>
public sealed class TrainingRecord
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    /// <summary>qualification | annual-learning | assessment.</summary>
    public required string Kind { get; set; }
    public DateOnly On { get; set; }
    public bool Passed { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>证卡 (supervisor card). Status valid/expired/suspended/withdrawn is derived from dates and sanctions.</summary>
public sealed class Card
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    public required string Number { get; set; }
    /// <summary>external | internal.</summary>
    public required string Kind { get; set; }
    /// <summary>Card scheme id (<c>cn.external</c>, <c>gd.external</c>, …).</summary>
    public required string Scheme { get; set; }
    /// <summary>Serial allocation key (<c>scheme/issuer/year</c>).</summary>
    public required string AllocationKey { get; set; }
    public int Year { get; set; }
    public int Serial { get; set; }
    /// <summary>Issuing authority id (external) or institution id (internal).</summary>
    public required string IssuerId { get; set; }
    public required string Jurisdiction { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawnReason { get; set; }
    /// <summary>Batch that issued it, if any.</summary>
    public Guid? BatchId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The last serial taken per allocation key (<c>cn.card.serial-sequence</c>): one row, locked for one statement.</summary>
public sealed class CardCounter
{
    public required string AllocationKey { get; set; }
    public int LastSerial { get; set; }
}

/// <summary>A stored response for an <c>Idempotency-Key</c>: a retry gets the same answer.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string Principal { get; set; }
    public required string Operation { get; set; }
    public required string RequestHash { get; set; }
    public int Status { get; set; }
    public required string Response { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>聘任 (appointment): one term of three years (<c>cn.appointment.term</c>).</summary>
public sealed class Appointment
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    /// <summary>Appointing authority id (external) or institution id (internal).</summary>
    public required string AppointedBy { get; set; }
    public int TermNumber { get; set; }
    public DateOnly Start { get; set; }
    /// <summary>Last day of the term (inclusive), computed by the kernel term rule.</summary>
    public DateOnly End { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }
    /// <summary>Day the appointing body decided not to renew this term after a failed assessment (不予续聘, CN 11), or null.</summary>
    public DateOnly? NotRenewedOn { get; set; }
    public string? NonRenewalNote { get; set; }
    /// <summary>The failed annual assessment the non-renewal rests on, when the body named it (CN 11).</summary>
    public Guid? NonRenewalAssessmentId { get; set; }
    /// <summary>Set by the daily job when the expiry has been recorded in the audit log.</summary>
    public bool ExpiryRecorded { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A measure against a supervisor (<c>cn.sanction.supervisor-dismissal</c>; packs add grounds).</summary>
public sealed class SupervisorSanction
{
    public Guid Id { get; set; }
    public Guid SupervisorId { get; set; }
    /// <summary>criticism | suspension | dismissal | revocation | ban.</summary>
    public required string Measure { get; set; }
    public required string Ground { get; set; }
    public string? EvidenceNote { get; set; }
    public required string DecidedBy { get; set; }
    public DateOnly DecidedOn { get; set; }
    /// <summary>For a suspension: first and last day.</summary>
    public DateOnly? SuspendedFrom { get; set; }
    public DateOnly? SuspendedUntil { get; set; }
    public string[] Rules { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A step of the institution sanction ladder (<c>cn.sanction.institution-ladder</c>).</summary>
public sealed class InstitutionSanctionRecord
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>notice-and-correction | disciplinary-recommendation | disqualification.</summary>
    public required string Step { get; set; }
    public required string Ground { get; set; }
    public DateOnly On { get; set; }
    public DateOnly? CorrectionDeadline { get; set; }
    public string? SeriousJustification { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>禁入 / 黑名单 (registry bar): a person barred from registration and appointment inside a jurisdiction subtree.</summary>
public sealed class RegistryBarRecord
{
    public Guid Id { get; set; }
    /// <summary>The supervisor row whose sanction caused the bar.</summary>
    public Guid SupervisorId { get; set; }
    /// <summary>Keyed hash of the resident ID number: matches the person in any later registration.</summary>
    public required byte[] IdNumberHash { get; set; }
    public required string Scope { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public required string Rule { get; set; }
    public required string Citation { get; set; }
    public required string MessageZh { get; set; }
    public required string MessageEn { get; set; }
    public Guid? SanctionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
