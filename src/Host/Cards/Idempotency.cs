using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;

namespace SupervisionCore.Host.Cards;

/// <summary>
/// <c>Idempotency-Key</c> records (supervision.idempotency_records, keyed by principal and key): a retried request gets
/// the stored status and body; the same key with another request body is a conflict. The request hash is the SHA-256 of
/// the request as bound (its canonical JSON), so white space and property order do not make two requests differ.
/// </summary>
public sealed class IdempotencyStore(SupervisionDbContext db, TimeProvider clock) : IScopedService
{
    /// <summary>The header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 100;

    private const string InsertSql = """
        INSERT INTO supervision.idempotency_records (key, principal, operation, request_hash, status, response, created_at)
        VALUES (@key, @principal, @operation, @hash, @status, @response, @at)
        """;

    /// <summary>Hex SHA-256 of the request's canonical text.</summary>
    public static string Hash(string canonicalRequest) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The stored answer for (principal, key), or null.</summary>
    public Task<IdempotencyRecord?> FindAsync(string principal, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Principal == principal && r.Key == key, ct);

    /// <summary>The insert of a record, to run in the same round trip (and transaction) as the change it answers for.</summary>
    public NpgsqlBatchCommand InsertCommand(string principal, string key, string operation, string requestHash, int status, string response)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("principal", principal);
        command.Parameters.AddWithValue("operation", operation);
        command.Parameters.AddWithValue("hash", requestHash);
        command.Parameters.AddWithValue("status", status);
        // Stored as a JSON string, not as an object: jsonb would reorder the keys, and a replay must be byte-identical.
        command.Parameters.Add(new NpgsqlParameter("response", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(response) });
        command.Parameters.AddWithValue("at", clock.GetUtcNow());
        return command;
    }

    /// <summary>The exact response text a record holds.</summary>
    public static string ResponseOf(IdempotencyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Deserialize<string>(record.Response) ?? string.Empty;
    }

    /// <summary>Stores a refusal on its own (nothing else changed). False when another request stored the key first.</summary>
    public async Task<bool> SaveAsync(string principal, string key, string operation, string requestHash, int status, string response, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(InsertCommand(principal, key, operation, requestHash, status, response));
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }
}
