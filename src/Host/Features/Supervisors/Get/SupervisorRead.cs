using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;

namespace SupervisionCore.Host.Features.Supervisors.Get;

/// <summary>A supervisor with the facts of its standing, as one read loads them.</summary>
public sealed record SupervisorFacts(Supervisor Supervisor, List<Appointment> Appointments, List<Card> Cards, List<SupervisorSanction> Sanctions);

/// <summary>
/// The read of <c>GET /api/v1/supervisors/{id}</c> in ONE round trip: the supervisor, its conflicts, appointments, cards and
/// sanctions as five statements of one command (EF Core would send four queries). Visibility is then checked in memory
/// (<see cref="SupervisorAccess.CanRead"/>, the same predicate as <see cref="SupervisorAccess.VisibleTo"/>). The bench's
/// yardstick runs this very SQL.
/// </summary>
public static class SupervisorRead
{
    /// <summary>Parameter <c>@p</c>: the supervisor id.</summary>
    public const string Sql = """
        SELECT s.id, s.name, s.id_number_masked, s.sex, s.birth_date, s.kind, s.jurisdiction, s.institution_id, s.phone_masked,
               s.years_in_evaluation, s.years_as_examiner, s.management_or_technical_role, s.political_commitment, s.policy_knowledge,
               s.integrity, s.organising_and_expression, s.health, s.created_at, s.updated_at, s.xmin
          FROM supervision.supervisors s WHERE s.id = @p;
        SELECT c.id, c.institution_id, c.kind, c.note FROM supervision.supervisor_conflicts c WHERE c.supervisor_id = @p ORDER BY c.id;
        SELECT a.id, a.appointed_by, a.term_number, a.start, a."end", a.terminated_on FROM supervision.appointments a WHERE a.supervisor_id = @p;
        SELECT c.id, c.number, c.kind, c.issued_on, c.valid_until, c.withdrawn_on, c.created_at FROM supervision.cards c WHERE c.supervisor_id = @p;
        SELECT x.id, x.measure, x.decided_on, x.suspended_from, x.suspended_until FROM supervision.supervisor_sanctions x WHERE x.supervisor_id = @p
        """;

    /// <summary>The supervisor and its facts, or null when there is no such supervisor.</summary>
    public static async Task<SupervisorFacts?> LoadAsync(SupervisionDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection) { Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction };
            command.Parameters.AddWithValue("p", id);
            await using var r = await command.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            var s = new Supervisor
            {
                Id = r.GetGuid(0), Name = r.GetString(1), IdNumberCipher = [], IdNumberHash = [], IdNumberMasked = r.GetString(2),
                Sex = r.GetString(3), BirthDate = r.GetFieldValue<DateOnly>(4), Kind = r.GetString(5), Jurisdiction = r.GetString(6),
                InstitutionId = NullableGuid(r, 7), PhoneMasked = r.IsDBNull(8) ? null : r.GetString(8),
                YearsInEvaluation = r.GetInt32(9), YearsAsExaminer = r.GetInt32(10), ManagementOrTechnicalRole = r.GetBoolean(11),
                PoliticalCommitment = r.GetBoolean(12), PolicyKnowledge = r.GetBoolean(13), Integrity = r.GetBoolean(14),
                OrganisingAndExpression = r.GetBoolean(15), Health = r.GetBoolean(16),
                CreatedAt = r.GetFieldValue<DateTimeOffset>(17), UpdatedAt = r.GetFieldValue<DateTimeOffset>(18), Version = r.GetFieldValue<uint>(19),
            };
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct))
                s.Conflicts.Add(new SupervisorConflict { Id = r.GetInt64(0), SupervisorId = id, InstitutionId = r.GetGuid(1), Kind = r.GetString(2), Note = r.IsDBNull(3) ? null : r.GetString(3) });
            await r.NextResultAsync(ct);
            var appointments = new List<Appointment>();
            while (await r.ReadAsync(ct))
                appointments.Add(new Appointment
                {
                    Id = r.GetGuid(0), SupervisorId = id, AppointedBy = r.GetString(1), TermNumber = r.GetInt32(2),
                    Start = r.GetFieldValue<DateOnly>(3), End = r.GetFieldValue<DateOnly>(4), TerminatedOn = NullableDate(r, 5),
                });
            await r.NextResultAsync(ct);
            var cards = new List<Card>();
            while (await r.ReadAsync(ct))
                cards.Add(new Card
                {
                    Id = r.GetGuid(0), SupervisorId = id, Number = r.GetString(1), Kind = r.GetString(2), Scheme = "", AllocationKey = "",
                    IssuerId = "", Jurisdiction = "", IssuedOn = r.GetFieldValue<DateOnly>(3), ValidUntil = r.GetFieldValue<DateOnly>(4),
                    WithdrawnOn = NullableDate(r, 5), CreatedAt = r.GetFieldValue<DateTimeOffset>(6),
                });
            await r.NextResultAsync(ct);
            var sanctions = new List<SupervisorSanction>();
            while (await r.ReadAsync(ct))
                sanctions.Add(new SupervisorSanction
                {
                    Id = r.GetGuid(0), SupervisorId = id, Measure = r.GetString(1), Ground = "", DecidedBy = "", DecidedOn = r.GetFieldValue<DateOnly>(2),
                    SuspendedFrom = NullableDate(r, 3), SuspendedUntil = NullableDate(r, 4),
                });
            return new SupervisorFacts(s, appointments, cards, sanctions);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static Guid? NullableGuid(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);

    private static DateOnly? NullableDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
