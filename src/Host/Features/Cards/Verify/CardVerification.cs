using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Features.Cards.Verify;

/// <summary>What the public verification reads about a card, in one statement.</summary>
public sealed record CardFacts(
    string IssuerId, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? WithdrawnOn, string HolderName,
    string? InstitutionName, string? AuthorityNameZh, string? AuthorityNameEn, IReadOnlyList<(DateOnly From, DateOnly Until)> Suspensions);

/// <summary>
/// The read of <c>GET /api/v1/public/cards/{number}</c> in ONE statement: the card, its holder's name, the issuer's name
/// (institution or authority) and the holder's suspensions. The bench's yardstick runs this very SQL.
/// </summary>
public static class CardVerification
{
    /// <summary>Parameter <c>@p</c>: the card number.</summary>
    public const string Sql = """
        SELECT c.issuer_id, c.issued_on, c.valid_until, c.withdrawn_on, s.name, i.name, a.name_zh, a.name_en,
               ARRAY(SELECT x.suspended_from FROM supervision.supervisor_sanctions x
                      WHERE x.supervisor_id = c.supervisor_id AND x.measure = 'suspension' AND x.suspended_from IS NOT NULL ORDER BY x.id),
               ARRAY(SELECT x.suspended_until FROM supervision.supervisor_sanctions x
                      WHERE x.supervisor_id = c.supervisor_id AND x.measure = 'suspension' AND x.suspended_from IS NOT NULL ORDER BY x.id)
          FROM supervision.cards c
          JOIN supervision.supervisors s ON s.id = c.supervisor_id
          LEFT JOIN supervision.institutions i
                 ON i.id = CASE WHEN c.issuer_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN c.issuer_id::uuid END
          LEFT JOIN supervision.authorities a ON a.id = c.issuer_id
         WHERE c.number = @p
        """;

    public static async Task<CardFacts?> LoadAsync(SupervisionDbContext db, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("p", number);
            await using var r = await command.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            var from = r.GetFieldValue<DateOnly[]>(8);
            var until = r.GetFieldValue<DateOnly?[]>(9);
            return new CardFacts(
                r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                [.. from.Select((f, k) => (f, until[k] ?? DateOnly.MaxValue))]);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
