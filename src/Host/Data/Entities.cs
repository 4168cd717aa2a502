namespace SupervisionCore.Host.Data;

/// <summary>
/// One entry of the append-only, hash-chained audit log. <see cref="Canonical"/> is the exact text that was
/// hashed; <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> ‖ UTF-8(<see cref="Canonical"/>)).
/// </summary>
public sealed class AuditEntry
{
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string ActorJurisdiction { get; set; }
    public required string Jurisdiction { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }
    public string[] Rules { get; set; } = [];
    public string? BeforeDigest { get; set; }
    public string? AfterDigest { get; set; }
    public string? Detail { get; set; }
    public required string Canonical { get; set; }
    public required byte[] PreviousHash { get; set; }
    public required byte[] Hash { get; set; }
    /// <summary>How <see cref="Hash"/> was made: 0 plain SHA-256 (before the chain was keyed), 1 HMAC-SHA256, 2 HMAC-SM3 (<c>Audit.AuditChain</c>).</summary>
    public short Chain { get; set; }
    /// <summary>Names the HMAC key of a keyed entry (never the key).</summary>
    public string? KeyId { get; set; }
}

/// <summary>A signed checkpoint of the audit chain: the hash at <see cref="Seq"/>, signed with the checkpoint key (outside the database).</summary>
public sealed class AuditCheckpoint
{
    public long Seq { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Algorithm { get; set; }
    public required string KeyId { get; set; }
    public required byte[] Signature { get; set; }
}

/// <summary>A person who logs in through the embedded OIDC server's login page (authorisation code + PKCE).</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public required string DisplayName { get; set; }
    public string[] Roles { get; set; } = [];
    public required string Jurisdiction { get; set; }
    public string? InstitutionId { get; set; }
    public string? SupervisorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// Key material shared by every Host on one database (token signing and encryption), created once by the first
/// Host to start. A deployment may instead configure keys (Auth:SigningKeyPath / Auth:EncryptionKey).
/// </summary>
public sealed class KeyMaterial
{
    public required string Id { get; set; }
    public required string KeyId { get; set; }
    public required string Material { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
