using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>
/// The dispatchable supervisors of a jurisdiction subtree on a day, in one query (a draw's pool can be 100,000 people):
/// a card holder of the kind with a card valid that day (issued, not expired, not withdrawn), and no suspension covering
/// the day nor a revocation, ban or dismissal decided by then. Whether an appointment is active that day is read as a
/// fact (<see cref="CandidateInfo.Appointed"/>), not a condition: nationally a card holder may be dispatched without one
/// (CN 8 "也可…聘用"); packs that require it say so with a dispatch-stage eligibility rule (BJ 11, YN 18). This is the SQL form of the kernel's <c>DispatchabilityRule</c> (<c>cn.dispatch.random</c>,
/// CN 第八条: drawn "from the card holders"); a test holds the two to the same answers.
/// </summary>
public sealed class DispatchPool(SupervisionDbContext db) : IScopedService
{
    /// <summary>The dispatchable condition, shared by the pool query and <see cref="IdsSql"/> (parameters @kind, @all, @j, @prefix, @d).</summary>
    private const string DispatchableFrom = """
          FROM supervision.supervisors s
         WHERE s.kind = @kind
           AND (@all OR s.jurisdiction = @j OR s.jurisdiction LIKE @prefix)
           AND EXISTS (SELECT 1 FROM supervision.cards c
                        WHERE c.supervisor_id = s.id AND c.kind = @kind AND c.issued_on <= @d AND c.valid_until >= @d
                          AND (c.withdrawn_on IS NULL OR c.withdrawn_on > @d))
           AND NOT EXISTS (SELECT 1 FROM supervision.supervisor_sanctions x
                            WHERE x.supervisor_id = s.id
                              AND ((x.measure = 'suspension' AND x.suspended_from <= @d AND x.suspended_until >= @d)
                                OR (x.measure IN ('dismissal', 'revocation', 'ban') AND x.decided_on <= @d)))
        """;

    /// <summary>
    /// Key order: a uuid compares as its 16 bytes, which is the ordinal order of its lower-case text, so the pool arrives in
    /// the verifiable draw's canonical order and is not sorted again (the plan walks the primary key anyway).
    /// </summary>
    private const string InKeyOrder = "\n ORDER BY s.id";

    /// <summary>The pool query: every dispatchable supervisor with the facts rules read, in key order (parameters as <see cref="IdsSql"/>).</summary>
    public const string PoolSql = """
        SELECT s.id, s.sex = 'male', s.birth_date, s.institution_id, s.years_in_evaluation, s.years_as_examiner, s.management_or_technical_role,
               s.political_commitment, s.policy_knowledge, s.integrity, s.organising_and_expression, s.health,
               EXISTS (SELECT 1 FROM supervision.appointments a
                        WHERE a.supervisor_id = s.id AND a.start <= @d AND a."end" >= @d AND (a.terminated_on IS NULL OR a.terminated_on > @d)) AS appointed

        """ + DispatchableFrom + InKeyOrder;

    /// <summary>The pool's ids alone, with the same condition and order: the yardstick of the draw benchmark (bench/Suite).</summary>
    public const string IdsSql = "SELECT s.id\n" + DispatchableFrom + InKeyOrder;

    /// <summary>
    /// The connection a draw streams its pool on: the Host's, with a 256 KiB read buffer (Npgsql's default is 8 KiB). A pool
    /// of 100,000 is about 7 MiB of rows; with the default each 8 KiB is one socket read and, when it waits, one
    /// continuation on the thread pool (a third of a draw's Host samples are under Npgsql's buffer refill,
    /// bench/results/profile/draw.top.txt). Its own connection pool, so other requests keep the default.
    /// </summary>
    public static string StreamingConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ReadBufferSize = 256 * 1024 }.ConnectionString;

    /// <summary>Every dispatchable supervisor of the kind inside <paramref name="subtree"/> on <paramref name="day"/>, as rules see them.</summary>
    public async Task<IReadOnlyList<CandidateInfo>> LoadAsync(JurisdictionCode subtree, SupervisorKind kind, DateOnly day, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var candidates = new List<CandidateInfo>();
        await ForEachAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction, subtree, kind, day, candidates.Add, ct);
        return candidates;
    }

    /// <summary>
    /// Streams the same pool as <see cref="LoadAsync"/> on <paramref name="connection"/>, one candidate at a time in key
    /// (canonical) order, to <paramref name="each"/> as the rows arrive: a draw screens and scores each while PostgreSQL
    /// is still sending the next ones.
    /// </summary>
    public static async Task ForEachAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, JurisdictionCode subtree, SupervisorKind kind, DateOnly day, Action<CandidateInfo> each, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(each);
        await using var command = new NpgsqlCommand(PoolSql, connection, transaction);
        command.Parameters.AddWithValue("kind", kind == SupervisorKind.External ? "external" : "internal");
        command.Parameters.AddWithValue("all", subtree.IsNational);
        command.Parameters.AddWithValue("j", subtree.Value);
        command.Parameters.AddWithValue("prefix", subtree.IsSubJurisdiction ? subtree.Value : subtree.Value + ".%");
        command.Parameters.AddWithValue("d", day);
        await using var reader = await command.ExecuteReaderAsync(ct);
        // A pool is 100,000 people who share few institutions and few combinations of facts: those are made once per pool.
        var institutions = new Dictionary<Guid, string>();
        var experiences = new Dictionary<(bool, int, int), SupervisorExperience>();
        var conditions = new SupervisorConditions?[32];
        while (await reader.ReadAsync(ct))
        {
            string? institution = null;
            if (!reader.IsDBNull(3))
            {
                var guid = reader.GetGuid(3);
                if (!institutions.TryGetValue(guid, out institution)) institutions[guid] = institution = guid.ToString();
            }
            var experienceKey = (reader.GetBoolean(6), reader.GetInt32(4), reader.GetInt32(5));
            if (!experiences.TryGetValue(experienceKey, out var experience))
                experiences[experienceKey] = experience = new SupervisorExperience(experienceKey.Item1, experienceKey.Item2, experienceKey.Item3);
            var c = (reader.GetBoolean(7) ? 1 : 0) | (reader.GetBoolean(8) ? 2 : 0) | (reader.GetBoolean(9) ? 4 : 0) | (reader.GetBoolean(10) ? 8 : 0) | (reader.GetBoolean(11) ? 16 : 0);
            each(new CandidateInfo
            {
                SupervisorId = reader.GetGuid(0).ToString(),
                Kind = kind,
                Sex = reader.GetBoolean(1) ? Sex.Male : Sex.Female,
                BirthDate = reader.GetFieldValue<DateOnly>(2),
                InstitutionId = institution,
                Experience = experience,
                Conditions = conditions[c] ??= new SupervisorConditions((c & 1) != 0, (c & 2) != 0, (c & 4) != 0, (c & 8) != 0, (c & 16) != 0),
                Appointed = reader.GetBoolean(12),
            });
        }
    }

    /// <summary>
    /// One stored supervisor as dispatch rules see them: the same facts <see cref="LoadAsync"/> reads except
    /// <see cref="CandidateInfo.Appointed"/>, which the dispatch judgement takes from the supervisor's standing.
    /// </summary>
    public static CandidateInfo CandidateOf(Supervisor s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new CandidateInfo
        {
            SupervisorId = s.Id.ToString(),
            Kind = s.Kind == "internal" ? SupervisorKind.Internal : SupervisorKind.External,
            Sex = s.Sex == "male" ? Sex.Male : Sex.Female,
            BirthDate = s.BirthDate,
            InstitutionId = s.InstitutionId?.ToString(),
            Experience = new SupervisorExperience(s.ManagementOrTechnicalRole, s.YearsInEvaluation, s.YearsAsExaminer),
            Conditions = new SupervisorConditions(s.PoliticalCommitment, s.PolicyKnowledge, s.Integrity, s.OrganisingAndExpression, s.Health),
        };
    }
}
