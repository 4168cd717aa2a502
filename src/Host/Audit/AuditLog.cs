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
/// Appends entries to the hash-chained audit log inside the caller's transaction. Each entry's hash is a keyed MAC
/// (<see cref="AuditKeys"/>: HMAC-SHA256, or HMAC-SM3) of the previous hash and the entry's canonical text, computed here
/// with a key that never reaches the database: someone who can write the database can neither edit an entry nor recompute
/// the later links. The chain head is one row locked by the append (read, linked here, written back), so concurrent writers
/// (also on other Hosts) are serialised only for the end of their transaction: call
/// <see cref="AppendAsync(SupervisionDbContext, AuditActor, AuditEvent, CancellationToken)"/> last, just before commit.
/// </summary>
public sealed class AuditLog(TimeProvider clock, AuditKeys keys)
{
    /// <summary>Genesis value of the chain (32 zero bytes).</summary>
    public static readonly byte[] Genesis = new byte[32];

    private const string HeadSql = "SELECT seq, hash FROM supervision.audit_head WHERE id = 1 FOR UPDATE";

    private const string InsertSql = """
        INSERT INTO supervision.audit_entries
            (seq, at, actor, actor_jurisdiction, jurisdiction, action, target_type, target_id, rules,
             before_digest, after_digest, detail, canonical, previous_hash, hash, chain, key_id)
        VALUES (@seq, @at, @actor, @actor_jurisdiction, @jurisdiction, @action, @target_type, @target_id, @rules,
                @before_digest, @after_digest, @detail, @canonical, @previous_hash, @hash, @chain, @key_id)
        """;

    private const string AdvanceSql = "UPDATE supervision.audit_head SET seq = @seq, hash = @hash WHERE id = 1";

    /// <summary>The keys the chain is made with.</summary>
    public AuditKeys Keys => keys;

    /// <summary>Appends one entry in the context's current transaction (the caller commits).</summary>
    public async Task<long> AppendAsync(SupervisionDbContext db, AuditActor actor, AuditEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return await AppendAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction, actor, e, ct);
    }

    /// <summary>
    /// Appends one entry on an open connection, in <paramref name="transaction"/> when given (the caller commits); without one,
    /// in a transaction of its own (the head must stay locked from its read to its write).
    /// </summary>
    public Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditActor actor, AuditEvent e, CancellationToken ct) =>
        AppendAsync(connection, transaction, actor, e, before: null, ct);

    /// <summary>
    /// Appends one entry as above, sending the act's own last statements (<paramref name="before"/>, a batch on the same
    /// connection and transaction, executed here) in the round trip that locks the chain head: one round trip fewer for
    /// an act whose last write needs no answer (a card issuance's insert). The head is still locked after them, so
    /// other writers wait for it no longer than before. An error in <paramref name="before"/> is thrown as it is.
    /// </summary>
    public async Task<long> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditActor actor, AuditEvent e, NpgsqlBatch? before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var entry = Build(actor, e);
        var own = transaction is null ? await connection.BeginTransactionAsync(ct) : null;
        var tx = transaction ?? own!;
        try
        {
            long seq;
            byte[] previous;
            await using (var head = before ?? new NpgsqlBatch(connection, tx))
            {
                head.BatchCommands.Add(new NpgsqlBatchCommand(HeadSql));
                await using var reader = await head.ExecuteReaderAsync(ct);
                // Past the results of the statements before it (a statement without rows may have none), to the head's row.
                while (!(reader.FieldCount == 2 && reader.GetName(0) == "seq"))
                    if (!await reader.NextResultAsync(ct)) throw new InvalidOperationException("the audit chain head was not read");
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("the audit chain head row is missing");
                seq = reader.GetInt64(0) + 1;
                previous = reader.GetFieldValue<byte[]>(1);
            }
            var hash = keys.Link(keys.Chain, previous, entry.Canonical);
            await using var batch = new NpgsqlBatch(connection, tx);
            var insert = new NpgsqlBatchCommand(InsertSql);
            insert.Parameters.AddWithValue("seq", seq);
            insert.Parameters.AddWithValue("at", entry.At);
            insert.Parameters.AddWithValue("actor", entry.Actor);
            insert.Parameters.AddWithValue("actor_jurisdiction", entry.ActorJurisdiction);
            insert.Parameters.AddWithValue("jurisdiction", entry.Jurisdiction);
            insert.Parameters.AddWithValue("action", entry.Action);
            insert.Parameters.AddWithValue("target_type", entry.TargetType);
            insert.Parameters.AddWithValue("target_id", entry.TargetId);
            insert.Parameters.AddWithValue("rules", entry.Rules);
            insert.Parameters.Add(new NpgsqlParameter("before_digest", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)entry.BeforeDigest ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter("after_digest", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)entry.AfterDigest ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter("detail", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)entry.Detail ?? DBNull.Value });
            insert.Parameters.AddWithValue("canonical", entry.Canonical);
            insert.Parameters.AddWithValue("previous_hash", previous);
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.AddWithValue("chain", (short)keys.Chain);
            insert.Parameters.AddWithValue("key_id", keys.KeyId);
            batch.BatchCommands.Add(insert);
            var advance = new NpgsqlBatchCommand(AdvanceSql);
            advance.Parameters.AddWithValue("seq", seq);
            advance.Parameters.AddWithValue("hash", hash);
            batch.BatchCommands.Add(advance);
            Features.Events.EventOutbox.Add(batch, e, clock.GetUtcNow()); // the act's events, in its transaction, under the head lock (issue 21)
            await batch.ExecuteNonQueryAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return seq;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private AuditEntry Build(AuditActor actor, AuditEvent e)
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
        return entry;
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

    /// <summary>SHA-256 of previous hash ‖ UTF-8 canonical text: the link of legacy (unkeyed) entries.</summary>
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
