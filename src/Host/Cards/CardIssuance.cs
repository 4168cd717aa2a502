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

/// <summary>Who issues a card, as resolved from the authority or institution rows.</summary>
/// <param name="Id">Authority id (external, industry department) or institution id (internal).</param>
/// <param name="Kind">Its level for <c>cn.card.issuer-level</c>.</param>
/// <param name="Jurisdiction">Where it acts (chooses the card scheme).</param>
/// <param name="ClassLetter">Internal cards: H/Y/S.</param>
/// <param name="InternalCode">Internal cards: the 6-digit issuer code.</param>
/// <param name="InstitutionId">Internal cards issued by an institution: its id.</param>
/// <param name="Authority">The issuing authority's kind when an authority issues (city centre, zone bureau …), for schemes that declare an <see cref="IIssuerScope"/>.</param>
public sealed record CardIssuerInfo(string Id, CardIssuerKind Kind, JurisdictionCode Jurisdiction, char? ClassLetter, string? InternalCode, Guid? InstitutionId, AuthorityKind? Authority = null);

/// <summary>Everything about a card but its serial: built before the counter is taken.</summary>
public sealed record CardPlan(
    SupervisorKind Kind, CardIssuerInfo Issuer, DateOnly IssuedOn, DateOnly ValidUntil,
    ICardNumberScheme Scheme, CardIssueRequest Request, CardAllocationKey? AllocationKey, IReadOnlyList<Violation> Violations);

/// <summary>Why one supervisor cannot get the card: rule violations, and/or a valid card of that kind already held.</summary>
public sealed record SupervisorRefusal(Guid SupervisorId, IReadOnlyList<Violation> Violations, string? HeldCard);

/// <summary>An authority or institution row as issuer resolution reads it (<see cref="CardIssuance.ResolveIssuer"/>).</summary>
/// <param name="Id">Authority id, or institution id as text.</param>
/// <param name="Kind">Authority kind or institution kind, as stored.</param>
/// <param name="Jurisdiction">Where it acts.</param>
/// <param name="IssuerCode">Authority: its card issuer code; institution: its internal issuer code.</param>
public sealed record IssuerRow(string Id, string Kind, string Jurisdiction, string? IssuerCode);

/// <summary>A card a supervisor holds (or held), as the one-valid-card check reads it.</summary>
public sealed record HeldCard(Guid SupervisorId, string Kind, string Number, DateOnly ValidUntil, DateOnly? WithdrawnOn);

/// <summary>What an issuance checks, loaded in one round trip (<see cref="CardIssuance.LoadForIssuanceAsync"/>).</summary>
public sealed record IssuanceFacts(
    IReadOnlyList<Supervisor> Supervisors, IssuerRow? Authority, IssuerRow? Institution,
    ILookup<Guid, (DateOnly On, bool Passed)> Trainings, ILookup<Guid, HeldCard> Cards);

/// <summary>A card just issued.</summary>
public sealed record IssuedCard(Guid Id, Guid SupervisorId, string Number, int Serial, string Jurisdiction);

/// <summary>The result of taking serials and writing the cards.</summary>
/// <param name="Cards">The cards, in request order, serials contiguous.</param>
/// <param name="Violations">Set when refused (serials exhausted).</param>
/// <param name="UniqueViolation">Set when a unique index fired (the constraint name); the transaction was rolled back.</param>
public sealed record IssueResult(IReadOnlyList<IssuedCard> Cards, IReadOnlyList<Violation> Violations, string? UniqueViolation);

/// <summary>
/// Card issuance (证卡颁发) shared by single and batch issuance: issuer resolution, the rules of CN 第七条 and the
/// serial allocation of the card annex (<c>cn.card.serial-sequence</c>). The serial counter row is taken by ONE statement
/// that locks and increments it, after every check and every part of the number but the serial is ready; then the cards
/// are written and the audit entry appended in one round trip (the audit head locked last), and the transaction committed: the
/// counter row is held for two short round trips, the audit head for one commit. The unique indexes on number and (allocation key, serial) are the backstop.
/// </summary>
public sealed class CardIssuance(SupervisionDbContext db, CardSchemes schemes, AuditLog audit, TimeProvider clock) : IScopedService
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

    private static readonly CardIssuerLevelRule IssuerLevel = new();
    private static readonly CardRequiresTrainingRule Training = new();
    private static readonly CardSerialSequenceRule Sequence = new();

    /// <summary>Today in China.</summary>
    public DateOnly Today => Kernel.Calendar.ChinaTime.DateOf(clock.GetUtcNow());

    /// <summary>
    /// The issuer of a card of <paramref name="kind"/>: the authority <paramref name="authorityId"/> (external cards; internal
    /// cards of an industry department) or the institution (internal cards). Null with a violation of
    /// <c>cn.card.issuer-level</c> when there is no such issuer.
    /// </summary>
    public async Task<(CardIssuerInfo? Issuer, Violation? Violation)> ResolveIssuerAsync(SupervisorKind kind, string? authorityId, Guid? institutionId, CancellationToken ct)
    {
        var authority = string.IsNullOrEmpty(authorityId) ? null : await db.Authorities.AsNoTracking()
            .Where(x => x.Id == authorityId).Select(a => new IssuerRow(a.Id, a.Kind, a.Jurisdiction, a.CardIssuerCode)).SingleOrDefaultAsync(ct);
        var institution = !string.IsNullOrEmpty(authorityId) || kind != SupervisorKind.Internal || institutionId is null ? null : await db.Institutions.AsNoTracking()
            .Where(x => x.Id == institutionId).Select(i => new IssuerRow(i.Id.ToString(), i.Kind, i.Jurisdiction, i.InternalIssuerCode)).SingleOrDefaultAsync(ct);
        return ResolveIssuer(kind, authorityId, authority, institutionId, institution);
    }

    /// <summary>The issuer from rows already loaded (<see cref="LoadForIssuanceAsync"/>): the same answers as <see cref="ResolveIssuerAsync"/>.</summary>
    public static (CardIssuerInfo? Issuer, Violation? Violation) ResolveIssuer(SupervisorKind kind, string? authorityId, IssuerRow? authority, Guid? institutionId, IssuerRow? institution)
    {
        if (!string.IsNullOrEmpty(authorityId))
        {
            var a = authority is not null && authority.Id == authorityId ? authority : null;
            if (a is null || !JurisdictionCode.TryParse(a.Jurisdiction, out var j))
                return (null, NationalRules.CardIssuerLevel.Violated(new LocalizedText($"颁发机构“{authorityId}”不存在", $"There is no issuing authority '{authorityId}'")));
            var authorityKind = AuthorityKinds.Parse(a.Kind);
            var level = authorityKind switch
            {
                AuthorityKind.Ministry => CardIssuerKind.Ministry,
                AuthorityKind.ProvincialCentre => CardIssuerKind.ProvincialCentre,
                AuthorityKind.IndustryDepartment => CardIssuerKind.IndustryDepartment,
                _ => CardIssuerKind.SubProvincialCentre,
            };
            var internalH = kind == SupervisorKind.Internal && level == CardIssuerKind.IndustryDepartment;
            return (new CardIssuerInfo(a.Id, level, j, internalH ? 'H' : null, internalH ? a.IssuerCode : null, null, authorityKind), null);
        }
        if (kind == SupervisorKind.Internal && institutionId is { } id)
        {
            var i = institution is not null && institution.Id == id.ToString() ? institution : null;
            if (i is null || !JurisdictionCode.TryParse(i.Jurisdiction, out var j))
                return (null, NationalRules.CardIssuerLevel.Violated(new LocalizedText("评价机构不存在", "The institution does not exist")));
            var (letter, level) = i.Kind switch
            {
                "employer" => ('Y', CardIssuerKind.EvaluationInstitution),
                "social-org" => ('S', CardIssuerKind.EvaluationInstitution),
                _ => ('H', CardIssuerKind.IndustryDepartment),
            };
            return (new CardIssuerInfo(i.Id, level, j, letter, i.IssuerCode, id), null);
        }
        return (null, NationalRules.CardIssuerLevel.Violated(kind == SupervisorKind.External
            ? new LocalizedText("外督证卡须指明颁发机构（省级及以上职业技能鉴定中心）", "An external card needs its issuing authority (a provincial-or-higher skill appraisal centre)")
            : new LocalizedText("内督证卡须由督导员所在评价机构或行业部门颁发", "An internal card is issued by the supervisor's institution or an industry department")));
    }

    /// <summary>
    /// The scheme, number request and allocation key of a card, with the issuer-level and format violations. A scheme that
    /// declares an <see cref="IIssuerScope"/> accepting the issuing authority's kind judges the issuer itself in its
    /// <see cref="ICardNumberScheme.CanIssue"/> (GD 5/7: city centres issue GD external cards, <c>gd.card.issuer-scope</c>),
    /// in place of the national level rule <c>cn.card.issuer-level</c>.
    /// </summary>
    public CardPlan Plan(SupervisorKind kind, CardIssuerInfo issuer, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var scheme = schemes.For(kind, issuer.Jurisdiction, issuedOn);
        var request = new CardIssueRequest
        {
            Kind = kind, Issuer = issuer.Jurisdiction, IssuedOn = issuedOn, ClassLetter = issuer.ClassLetter, InstitutionCode = issuer.InternalCode,
        };
        var refinedByScheme = scheme is IIssuerScope scope && issuer.Authority is { } authority && scope.Accepts(authority);
        var violations = refinedByScheme ? new List<Violation>() : new List<Violation>(IssuerLevel.Check(kind, issuer.Kind, issuer.ClassLetter).Violations);
        // The scheme repeats issuer-level findings in its own words: one violation per rule is enough.
        violations.AddRange(scheme.CanIssue(request).Violations.Where(v => violations.All(x => x.Rule != v.Rule)));
        var key = violations.Count == 0 ? scheme.AllocationKey(request) : null;
        return new CardPlan(kind, issuer, issuedOn, CardValidity.ValidUntil(issuedOn), scheme, request, key, violations);
    }

    /// <summary>
    /// Everything an issuance checks, in ONE round trip inside the current transaction (five statements of one command): the
    /// supervisors, locked FOR UPDATE in id order so two requests for the same person cannot both pass the one-valid-card
    /// check; the authority <paramref name="authorityId"/>; the institution <paramref name="institutionId"/> (default: the
    /// first supervisor's); their qualification trainings and cards. Missing supervisors are absent from the result. The
    /// supervisors carry only the columns issuance reads (id, kind, jurisdiction, institution).
    /// </summary>
    public async Task<IssuanceFacts> LoadForIssuanceAsync(IReadOnlyCollection<Guid> ids, string? authorityId, Guid? institutionId, CancellationToken ct)
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
        var authority = await r.ReadAsync(ct) ? new IssuerRow(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)) : null;
        await r.NextResultAsync(ct);
        var institution = await r.ReadAsync(ct) ? new IssuerRow(r.GetGuid(0).ToString(), r.GetString(1), r.GetString(2), r.GetString(3)) : null;
        await r.NextResultAsync(ct);
        var trainings = new List<(Guid SupervisorId, DateOnly On, bool Passed)>();
        while (await r.ReadAsync(ct)) trainings.Add((r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetBoolean(2)));
        await r.NextResultAsync(ct);
        var cards = new List<HeldCard>();
        while (await r.ReadAsync(ct)) cards.Add(new HeldCard(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4)));
        return new IssuanceFacts(supervisors, authority, institution, trainings.ToLookup(t => t.SupervisorId, t => (t.On, t.Passed)), cards.ToLookup(c => c.SupervisorId));
    }

    private const string LoadSql = """
        SELECT s.id, s.kind, s.jurisdiction, s.institution_id FROM supervision.supervisors s WHERE s.id = ANY(@ids) ORDER BY s.id FOR UPDATE;
        SELECT a.id, a.kind, a.jurisdiction, a.card_issuer_code FROM supervision.authorities a WHERE a.id = @authority;
        SELECT i.id, i.kind, i.jurisdiction, i.internal_issuer_code FROM supervision.institutions i
         WHERE i.id = coalesce(@institution, (SELECT s.institution_id FROM supervision.supervisors s WHERE s.id = @first));
        SELECT t.supervisor_id, t."on", t.passed FROM supervision.training_records t WHERE t.supervisor_id = ANY(@ids) AND t.kind = 'qualification';
        SELECT c.supervisor_id, c.kind, c.number, c.valid_until, c.withdrawn_on FROM supervision.cards c WHERE c.supervisor_id = ANY(@ids)
        """;

    /// <summary>Every supervisor that cannot get the card: kind, training (<c>cn.card.requires-training</c>), a valid card of the kind already held.</summary>
    public static List<SupervisorRefusal> Check(IReadOnlyList<Supervisor> supervisors, IssuanceFacts facts, CardPlan plan)
    {
        ArgumentNullException.ThrowIfNull(supervisors);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(plan);
        var kindText = CardKinds.ToText(plan.Kind);
        var refusals = new List<SupervisorRefusal>();
        foreach (var s in supervisors)
        {
            var violations = new List<Violation>();
            if (s.Kind != kindText)
                violations.Add(NationalRules.SupervisorKinds.Violated(new LocalizedText(
                    $"该督导员为{(s.Kind == "external" ? "外督" : "内督")}，不能颁发{(plan.Kind == SupervisorKind.External ? "外督" : "内督")}证卡",
                    $"The supervisor is {s.Kind}: no {kindText} card can be issued")));
            else if (plan.Issuer.InstitutionId is { } inst && s.InstitutionId != inst)
                violations.Add(NationalRules.CardIssuerLevel.Violated(new LocalizedText(
                    "内督证卡由督导员所在的评价机构颁发", "An internal card is issued by the supervisor's own institution")));
            violations.AddRange(Training.Check(plan.Kind, plan.IssuedOn,
                facts.Trainings[s.Id].Select(t => new QualificationTraining(plan.Kind, t.On, t.Passed))).Violations);
            var holds = facts.Cards[s.Id].FirstOrDefault(c => c.Kind == kindText && CardValidity.IsHeldOn(c.ValidUntil, c.WithdrawnOn, plan.IssuedOn))?.Number;
            if (violations.Count > 0 || holds is not null) refusals.Add(new SupervisorRefusal(s.Id, violations, holds));
        }
        return refusals;
    }

    /// <summary>
    /// Takes <c>supervisors.Count</c> contiguous serials, writes the cards (and <paramref name="sameRoundTrip"/>, e.g. the
    /// idempotency record, in the same round trip), appends <paramref name="auditEvent"/> last and commits
    /// <paramref name="transaction"/>. On exhaustion or a unique violation the transaction is rolled back.
    /// </summary>
    public async Task<IssueResult> IssueAsync(
        IDbContextTransaction transaction, CardPlan plan, IReadOnlyList<Supervisor> supervisors, Guid? batchId, AuditActor actor,
        Func<IReadOnlyList<IssuedCard>, AuditEvent> auditEvent, Func<IReadOnlyList<IssuedCard>, NpgsqlBatchCommand>? sameRoundTrip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(supervisors);
        ArgumentNullException.ThrowIfNull(auditEvent);
        var key = plan.AllocationKey ?? throw new ArgumentException("the plan has violations", nameof(plan));
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

            await using var batch = new NpgsqlBatch(connection, tx);
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
            // The audit chain head is locked by the LAST statement of this round trip, then the commit: every other
            // writer waits for the head only for one commit, not for the whole issuance.
            var entry = auditEvent(cards);
            batch.BatchCommands.Add(audit.AppendCommand(actor, entry));
            Features.Events.EventOutbox.Add(batch, entry, now); // the issuance's event, in its transaction
            await batch.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return new IssueResult(cards, [], null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new IssueResult([], [], ex.ConstraintName ?? "unique");
        }
    }

    /// <summary>The rule ids every issuance applies (audit entries).</summary>
    public static IReadOnlyList<string> RulesApplied(CardPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [NationalRules.CardRequiresTraining.Id, NationalRules.CardIssuerLevel.Id, plan.Scheme.Rule.Id, NationalRules.CardSerialSequence.Id];
    }

    private static string SchemeIdOf(CardAllocationKey key) => key.Scheme;
}

/// <summary>Supervisor and card kinds as stored and sent (<c>external</c>, <c>internal</c>).</summary>
public static class CardKinds
{
    public static string ToText(SupervisorKind kind) => kind == SupervisorKind.External ? "external" : "internal";

    /// <summary>The kind of a stored or validated text (anything but <c>internal</c> is external).</summary>
    public static SupervisorKind Parse(string? text) => text == "internal" ? SupervisorKind.Internal : SupervisorKind.External;
}
