using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Audit;

/// <summary>What a state change records in the audit log.</summary>
/// <param name="Action">Dotted verb (<c>admin.client.create</c>).</param>
/// <param name="TargetType">Kind of the changed object (<c>oidc-client</c>).</param>
/// <param name="TargetId">Its id.</param>
/// <param name="Jurisdiction">Jurisdiction of the changed object.</param>
/// <param name="Rules">Rule ids applied to the decision.</param>
/// <param name="Before">State before (digested, never stored in clear), or null.</param>
/// <param name="After">State after (digested), or null.</param>
/// <param name="Detail">Non-personal detail shown to auditors, or null.</param>
public sealed record AuditEvent(
    string Action,
    string TargetType,
    string TargetId,
    string Jurisdiction,
    IReadOnlyList<string>? Rules = null,
    object? Before = null,
    object? After = null,
    string? Detail = null);

/// <summary>Who acted.</summary>
public sealed record AuditActor(string Id, string Jurisdiction)
{
    /// <summary>The Host itself (start-up bootstrap, scheduled jobs).</summary>
    public static readonly AuditActor System = new("system", "CN");
}

/// <summary>
/// Appends entries to the hash-chained audit log inside the caller's transaction. The chain head is one row
/// locked by the append, so concurrent writers (also on other Hosts) are serialised only for the final
/// statement of their transaction: call <see cref="AppendAsync(SupervisionDbContext, AuditActor, AuditEvent, CancellationToken)"/> last, just before commit.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    /// <summary>Genesis value of the chain (32 zero bytes).</summary>
    public static readonly byte[] Genesis = new byte[32];

    private const string AppendSql = """
        WITH old AS (SELECT seq, hash FROM supervision.audit_head WHERE id = 1 FOR UPDATE),
        upd AS (
            UPDATE supervision.audit_head h
               SET seq = old.seq + 1, hash = sha256(old.hash || convert_to(@canonical, 'UTF8'))
              FROM old WHERE h.id = 1
            RETURNING h.seq, h.hash, old.hash AS prev)
        INSERT INTO supervision.audit_entries
            (seq, at, actor, actor_jurisdiction, jurisdiction, action, target_type, target_id, rules,
             before_digest, after_digest, detail, canonical, previous_hash, hash)
        SELECT upd.seq, @at, @actor, @actor_jurisdiction, @jurisdiction, @action, @target_type, @target_id, @rules,
               @before_digest, @after_digest, @detail, @canonical, upd.prev, upd.hash
          FROM upd
        RETURNING seq
        """;

    /// <summary>Appends one entry in the context's current transaction (the caller commits).</summary>
    public async Task<long> AppendAsync(SupervisionDbContext db, AuditActor actor, AuditEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return await AppendAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction, actor, e, ct);
    }

    /// <summary>Appends one entry on an open connection, in <paramref name="transaction"/> when given (the caller commits).</summary>
    public async Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditActor actor, AuditEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(AppendCommand(actor, e));
        Features.Events.EventOutbox.Add(batch, e, clock.GetUtcNow()); // the act's events, in its transaction (issue 21)
        return (long)(await batch.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The append as a batch command (returns the new <c>seq</c>), for a caller that sends it with its own writes in one round
    /// trip: put it LAST in the batch and commit right after, so the chain head is held for the shortest time. The chain is
    /// the same as <see cref="AppendAsync(SupervisionDbContext, AuditActor, AuditEvent, CancellationToken)"/>'s: the head row is read, advanced and linked under its row lock.
    /// </summary>
    public NpgsqlBatchCommand AppendCommand(AuditActor actor, AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(e);
        var entry = new AuditEntry
        {
            At = TruncateToMicroseconds(clock.GetUtcNow()),
            Actor = actor.Id,
            ActorJurisdiction = actor.Jurisdiction,
            Jurisdiction = e.Jurisdiction,
            Action = e.Action,
            TargetType = e.TargetType,
            TargetId = e.TargetId,
            Rules = [.. e.Rules ?? []],
            BeforeDigest = Digest(e.Before),
            AfterDigest = Digest(e.After),
            Detail = e.Detail,
            Canonical = string.Empty,
            PreviousHash = Genesis,
            Hash = Genesis,
        };
        entry.Canonical = Canonicalise(entry);

        var command = new NpgsqlBatchCommand(AppendSql);
        command.Parameters.AddWithValue("canonical", entry.Canonical);
        command.Parameters.AddWithValue("at", entry.At);
        command.Parameters.AddWithValue("actor", entry.Actor);
        command.Parameters.AddWithValue("actor_jurisdiction", entry.ActorJurisdiction);
        command.Parameters.AddWithValue("jurisdiction", entry.Jurisdiction);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("target_type", entry.TargetType);
        command.Parameters.AddWithValue("target_id", entry.TargetId);
        command.Parameters.AddWithValue("rules", entry.Rules);
        command.Parameters.Add(new NpgsqlParameter("before_digest", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)entry.BeforeDigest ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_digest", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)entry.AfterDigest ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("detail", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)entry.Detail ?? DBNull.Value });
        return command;
    }

    /// <summary>
    /// The exact text hashed for an entry: every column but the hashes, in a fixed order, as compact JSON.
    /// Verification recomputes it from the columns, so editing a column or the stored text breaks the chain.
    /// </summary>
    public static string Canonicalise(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var fields = new object?[]
        {
            e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.Actor, e.ActorJurisdiction, e.Jurisdiction, e.Action, e.TargetType, e.TargetId, e.Rules,
            e.BeforeDigest, e.AfterDigest, e.Detail,
        };
        return JsonSerializer.Serialize(fields);
    }

    /// <summary>SHA-256 of previous hash ‖ UTF-8 canonical text.</summary>
    public static byte[] ChainHash(byte[] previous, string canonical)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(canonical);
        var bytes = Encoding.UTF8.GetBytes(canonical);
        var buffer = new byte[previous.Length + bytes.Length];
        previous.CopyTo(buffer, 0);
        bytes.CopyTo(buffer, previous.Length);
        return SHA256.HashData(buffer);
    }

    /// <summary>Hex SHA-256 of an object's JSON, so before/after states are attested without storing them.</summary>
    public static string? Digest(object? state) =>
        state is null ? null : Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(state)));

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}
