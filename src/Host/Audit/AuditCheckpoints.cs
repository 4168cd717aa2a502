using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Jobs;

namespace SupervisionCore.Host.Audit;

/// <summary>
/// Signed checkpoints of the audit chain (审计日志签名检查点): the head's sequence number and hash, signed with the checkpoint key
/// (outside the database). Kept in <c>audit_checkpoints</c> (append-only) and exported for a verifier outside the Host
/// (docs/privacy.md, "Verifying exported checkpoints"): cutting entries a checkpoint covers, or rewriting them, is reported.
/// </summary>
public static class AuditCheckpoints
{
    /// <summary>The exact bytes signed (UTF-8, LF line ends, final LF), so a verifier can rebuild and check them with OpenSSL.</summary>
    public static byte[] Message(long seq, byte[] hash, DateTimeOffset at) => Encoding.UTF8.GetBytes(MessageText(seq, hash, at));

    public static string MessageText(long seq, byte[] hash, DateTimeOffset at) =>
        $"supervisioncore-audit-checkpoint/v1\nseq={seq.ToString(CultureInfo.InvariantCulture)}\nhash={Convert.ToHexStringLower(hash)}\n" +
        $"at={at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}\n";

    /// <summary>
    /// Signs the current head, in the context's transaction or one of its own; returns the checkpoint and whether it is new
    /// (the head already checkpointed returns that one), or null while the chain is empty. A checkpoint asked for by a
    /// principal (<paramref name="requestedBy"/>) is an audited act; the scheduled ones are recorded by their row alone.
    /// </summary>
    public static async Task<(AuditCheckpoint Checkpoint, bool Created)?> CreateAsync(SupervisionDbContext db, AuditLog audit, AuditActor? requestedBy, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var keys = audit.Keys;
        ArgumentNullException.ThrowIfNull(clock);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // The head row lock: no append is half-done while the head is read.
            var head = await db.Database.SqlQueryRaw<HeadRow>("SELECT seq, hash FROM supervision.audit_head WHERE id = 1 FOR UPDATE").SingleAsync(ct);
            if (head.Seq == 0) return null;
            if (await db.AuditCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Seq == head.Seq, ct) is { } existing) return (existing, false);
            var now = clock.GetUtcNow();
            var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
            var checkpoint = new AuditCheckpoint
            {
                Seq = head.Seq, Hash = head.Hash, At = at, Algorithm = keys.CheckpointAlgorithm, KeyId = keys.CheckpointKeyId,
                Signature = keys.Sign(Message(head.Seq, head.Hash, at)),
            };
            db.AuditCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync(ct);
            // Asked for by someone: an audited act, whose entry follows the checkpoint (the next checkpoint covers it).
            if (requestedBy is { } actor)
                await audit.AppendAsync(db, actor, new AuditEvent("audit.checkpoint.create", "audit-checkpoint", head.Seq.ToString(CultureInfo.InvariantCulture), "CN",
                Detail: $"{keys.CheckpointAlgorithm} key {keys.CheckpointKeyId}"), ct);
            if (own is not null) await own.CommitAsync(ct);
            return (checkpoint, true);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private sealed record HeadRow(long Seq, byte[] Hash);
}

/// <summary>Signs a checkpoint every <c>Audit:CheckpointIntervalMinutes</c> (default daily) and at start, once per cluster.</summary>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditCheckpointJob> logger, IConfiguration config)
    : ClusterJob(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override long LockKey => 0x5C_1003;

    protected override TimeSpan Interval =>
        TimeSpan.FromMinutes(Math.Max(1, config.GetValue<int?>("Audit:CheckpointIntervalMinutes") ?? 1440));

    protected override async Task RunOnceAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        try
        {
            await AuditCheckpoints.CreateAsync(db, services.GetRequiredService<AuditLog>(), null, _clock, ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Migrations not applied (Database:Migrate=false on a Host started before the migrating one): next round.
        }
    }
}
