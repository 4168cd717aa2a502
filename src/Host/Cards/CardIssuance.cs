using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Cards.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Cards;

/// <summary>What an issuance reads, loaded in one round trip (<see cref="CardIssuance.LoadAsync"/>), before the kernel facts are built.</summary>
/// <param name="Supervisors">The supervisors found (locked), with the columns issuance reads.</param>
/// <param name="Authority">The authority asked for, when it exists.</param>
/// <param name="Institution">The institution asked for (or the first supervisor's), when it exists.</param>
/// <param name="Trainings">Qualification trainings per supervisor.</param>
/// <param name="Cards">Cards per supervisor.</param>
public sealed record IssuanceRows(
    IReadOnlyList<Supervisor> Supervisors, IssuingAuthority? Authority, IssuingInstitution? Institution,
    ILookup<Guid, (DateOnly On, bool Passed)> Trainings, ILookup<Guid, CardOnRecord> Cards);

/// <summary>A card just issued.</summary>
public sealed record IssuedCard(Guid Id, Guid SupervisorId, string Number, int Serial, string Jurisdiction);

/// <summary>The result of taking serials and writing the cards.</summary>
/// <param name="Cards">The cards, in request order, serials contiguous.</param>
/// <param name="Violations">Set when refused (serials exhausted).</param>
/// <param name="UniqueViolation">Set when a unique index fired (the constraint name); the transaction was rolled back.</param>
public sealed record IssueResult(IReadOnlyList<IssuedCard> Cards, IReadOnlyList<Violation> Violations, string? UniqueViolation);

/// <summary>
/// Card issuance (证卡颁发) shared by single and batch issuance (and the demo seed): loads the facts in one round trip, and
/// persists what the kernel's decision (<see cref="CardIssuanceRules.Decide"/>: issuer, scheme, training, one valid card,
/// validity) allows, with the serial allocation of the card annex (<c>cn.card.serial-sequence</c>). It judges nothing itself. The serial counter row is taken by ONE statement
/// that locks and increments it, after every check and every part of the number but the serial is ready; then the cards
/// are written and the audit entry appended in one round trip (the audit head locked last), and the transaction committed: the
/// counter row is held for two short round trips, the audit head for one commit. The unique indexes on number and (allocation key, serial) are the backstop.
/// </summary>
public sealed class CardIssuance(SupervisionDbContext db, CardSchemes schemes, IEnumerable<ICardValidityPolicy> validity, AuditLog audit, TimeProvider clock) : IScopedService
{
    private const string CounterSql = """
        INSERT INTO supervision.card_counters (allocation_key, last_serial) VALUES (@k, @initial)
        ON CONFLICT (allocation_key) DO UPDATE SET last_serial = card_counters.last_serial + @n
        WHERE card_counters.last_serial + @n <= @max
        RETURNING last_serial
        """;

    private const string InsertSql = """
        INSERT INTO supervision.cards (id, supervisor_id, number, kind, scheme, allocation_key, year, serial, issuer_id,
                                       jurisdiction, issued_on, valid_until, batch_id, created_at)
        SELECT u.id, u.supervisor_id, u.number, @kind, @scheme, @key, @year, u.serial, @issuer, u.jurisdiction,
               @issued_on, @valid_until, @batch_id, @now
          FROM unnest(@ids, @supervisors, @numbers, @serials, @jurisdictions) AS u(id, supervisor_id, number, serial, jurisdiction)
        """;

    private static readonly CardSerialSequenceRule Sequence = new();

    /// <summary>Today in China.</summary>
    public DateOnly Today => Kernel.Calendar.ChinaTime.DateOf(clock.GetUtcNow());

    private readonly IReadOnlyList<ICardValidityPolicy> _validity = [.. validity];

    /// <summary>
    /// The kernel facts of an issuance of <paramref name="kind"/> cards on <paramref name="issuedOn"/> to <paramref name="supervisors"/>
    /// (in numbering order) from rows already loaded: the decision (<see cref="CardIssuanceRules.Decide"/>) is judged on these alone.
    /// </summary>
    public CardIssuanceFacts Facts(IssuanceRows rows, IEnumerable<Supervisor> supervisors, SupervisorKind kind, DateOnly issuedOn, string? authorityId, Guid? institutionId)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(supervisors);
        var candidates = supervisors.Select(s => new CardCandidate(s.Id, CardKinds.Parse(s.Kind), s.InstitutionId,
            [.. rows.Trainings[s.Id].Select(t => new QualificationTraining(kind, t.On, t.Passed))], [.. rows.Cards[s.Id]])).ToList();
        return new CardIssuanceFacts(kind, issuedOn, authorityId, rows.Authority, institutionId, rows.Institution, candidates, [.. schemes.All], _validity);
    }

    /// <summary>
    /// Everything an issuance checks, in ONE round trip inside the current transaction (five statements of one command): the
    /// supervisors, locked FOR UPDATE in id order so two requests for the same person cannot both pass the one-valid-card
    /// check; the authority <paramref name="authorityId"/>; the institution <paramref name="institutionId"/> (default: the
    /// first supervisor's); their qualification trainings and cards. Missing supervisors are absent from the result. The
    /// supervisors carry only the columns issuance reads (id, kind, jurisdiction, institution).
    /// </summary>
    public async Task<IssuanceRows> LoadAsync(IReadOnlyCollection<Guid> ids, string? authorityId, Guid? institutionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var array = ids.Distinct().ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(LoadSql, connection) { Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction };
        command.Parameters.AddWithValue("ids", array);
        command.Parameters.AddWithValue("authority", (object?)authorityId ?? DBNull.Value).NpgsqlDbType = NpgsqlDbType.Text;
        command.Parameters.Add(new NpgsqlParameter("institution", NpgsqlDbType.Uuid) { Value = (object?)institutionId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Uuid) { Value = array.Length > 0 ? array[0] : Guid.Empty });
        await using var r = await command.ExecuteReaderAsync(ct);
        var supervisors = new List<Supervisor>(array.Length);
        while (await r.ReadAsync(ct))
            supervisors.Add(new Supervisor
            {
                Id = r.GetGuid(0), Kind = r.GetString(1), Jurisdiction = r.GetString(2), InstitutionId = r.IsDBNull(3) ? null : r.GetGuid(3),
                Name = "", IdNumberCipher = [], IdNumberHash = [], IdNumberMasked = "", Sex = "",
            });
        await r.NextResultAsync(ct);
        var authority = await r.ReadAsync(ct)
            ? new IssuingAuthority(r.GetString(0), AuthorityKinds.Parse(r.GetString(1)), Jurisdiction(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3)) : null;
        await r.NextResultAsync(ct);
        var institution = await r.ReadAsync(ct) ? new IssuingInstitution(r.GetGuid(0), r.GetString(1), Jurisdiction(r.GetString(2)), r.GetString(3)) : null;
        await r.NextResultAsync(ct);
        var trainings = new List<(Guid SupervisorId, DateOnly On, bool Passed)>();
        while (await r.ReadAsync(ct)) trainings.Add((r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetBoolean(2)));
        await r.NextResultAsync(ct);
        var cards = new List<(Guid SupervisorId, CardOnRecord Card)>();
        while (await r.ReadAsync(ct))
            cards.Add((r.GetGuid(0), new CardOnRecord(CardKinds.Parse(r.GetString(1)), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4))));
        return new IssuanceRows(supervisors, authority, institution, trainings.ToLookup(t => t.SupervisorId, t => (t.On, t.Passed)), cards.ToLookup(c => c.SupervisorId, c => c.Card));
    }

    private const string LoadSql = """
        SELECT s.id, s.kind, s.jurisdiction, s.institution_id FROM supervision.supervisors s WHERE s.id = ANY(@ids) ORDER BY s.id FOR UPDATE;
        SELECT a.id, a.kind, a.jurisdiction, a.card_issuer_code FROM supervision.authorities a WHERE a.id = @authority;
        SELECT i.id, i.kind, i.jurisdiction, i.internal_issuer_code FROM supervision.institutions i
         WHERE i.id = coalesce(@institution, (SELECT s.institution_id FROM supervision.supervisors s WHERE s.id = @first));
        SELECT t.supervisor_id, t."on", t.passed FROM supervision.training_records t WHERE t.supervisor_id = ANY(@ids) AND t.kind = 'qualification';
        SELECT c.supervisor_id, c.kind, c.number, c.valid_until, c.withdrawn_on FROM supervision.cards c WHERE c.supervisor_id = ANY(@ids)
        """;

    /// <summary>
    /// Takes <c>supervisors.Count</c> contiguous serials, writes the cards (and <paramref name="sameRoundTrip"/>, e.g. the
    /// idempotency record, in the same round trip), appends <paramref name="auditEvent"/> last and commits
    /// <paramref name="transaction"/>. On exhaustion or a unique violation the transaction is rolled back.
    /// </summary>
    public async Task<IssueResult> IssueAsync(
        IDbContextTransaction transaction, CardIssuancePlan plan, IReadOnlyList<Supervisor> supervisors, Guid? batchId, AuditActor actor,
        Func<IReadOnlyList<IssuedCard>, AuditEvent> auditEvent, Func<IReadOnlyList<IssuedCard>, NpgsqlBatchCommand>? sameRoundTrip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(supervisors);
        ArgumentNullException.ThrowIfNull(auditEvent);
        var key = plan.AllocationKey;
        var range = plan.Scheme.Serials;
        var n = supervisors.Count;
        // Everything but the serial, before the counter row is locked.
        var ids = supervisors.Select(_ => Guid.CreateVersion7()).ToArray();
        var kindText = CardKinds.ToText(plan.Kind);
        var now = clock.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
        try
        {
            int? last = null;
            if (n <= range.Last - range.First + 1)
            {
                await using var counter = new NpgsqlCommand(CounterSql, connection, tx);
                counter.Parameters.AddWithValue("k", key.ToString());
                counter.Parameters.AddWithValue("initial", range.First - 1 + n);
                counter.Parameters.AddWithValue("n", n);
                counter.Parameters.AddWithValue("max", range.Last);
                last = await counter.ExecuteScalarAsync(ct) as int?;
            }
            if (last is not { } lastSerial)
            {
                await transaction.RollbackAsync(ct);
                return new IssueResult([], Sequence.Check(range.Last + 1, range).Violations, null);
            }
            var first = lastSerial - n + 1;
            var cards = supervisors.Select((s, i) => new IssuedCard(ids[i], s.Id, plan.Scheme.Format(plan.Request, first + i), first + i, s.Jurisdiction)).ToList();

            var batch = new NpgsqlBatch(connection, tx);
            var insert = new NpgsqlBatchCommand(InsertSql);
            insert.Parameters.AddWithValue("kind", kindText);
            insert.Parameters.AddWithValue("scheme", SchemeIdOf(key));
            insert.Parameters.AddWithValue("key", key.ToString());
            insert.Parameters.AddWithValue("year", key.Year);
            insert.Parameters.AddWithValue("issuer", plan.Issuer.Id);
            insert.Parameters.AddWithValue("issued_on", plan.IssuedOn);
            insert.Parameters.AddWithValue("valid_until", plan.ValidUntil);
            insert.Parameters.Add(new NpgsqlParameter("batch_id", NpgsqlDbType.Uuid) { Value = (object?)batchId ?? DBNull.Value });
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("ids", cards.Select(c => c.Id).ToArray());
            insert.Parameters.AddWithValue("supervisors", cards.Select(c => c.SupervisorId).ToArray());
            insert.Parameters.AddWithValue("numbers", cards.Select(c => c.Number).ToArray());
            insert.Parameters.AddWithValue("serials", cards.Select(c => c.Serial).ToArray());
            insert.Parameters.AddWithValue("jurisdictions", cards.Select(c => c.Jurisdiction).ToArray());
            batch.BatchCommands.Add(insert);
            if (sameRoundTrip?.Invoke(cards) is { } extra) batch.BatchCommands.Add(extra);
            // The insert goes in the round trip that locks the audit chain head (the head last), then the append and the
            // commit: every other writer waits for the head only for the append's statements (the link is a keyed MAC
            // computed in the Host) and one commit, not for the whole issuance. AppendAsync executes and disposes the batch.
            await audit.AppendAsync(connection, tx, actor, auditEvent(cards), batch, ct);
            await transaction.CommitAsync(ct);
            return new IssueResult(cards, [], null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new IssueResult([], [], ex.ConstraintName ?? "unique");
        }
    }

    private static JurisdictionCode? Jurisdiction(string text) => JurisdictionCode.TryParse(text, out var j) ? j : null;

    private static string SchemeIdOf(CardAllocationKey key) => key.Scheme;
}

/// <summary>Supervisor and card kinds as stored and sent (<c>external</c>, <c>internal</c>).</summary>
public static class CardKinds
{
    public static string ToText(SupervisorKind kind) => kind == SupervisorKind.External ? "external" : "internal";

    /// <summary>The kind of a stored or validated text (anything but <c>internal</c> is external).</summary>
    public static SupervisorKind Parse(string? text) => text == "internal" ? SupervisorKind.Internal : SupervisorKind.External;
}
