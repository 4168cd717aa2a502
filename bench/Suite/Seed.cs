using System.Globalization;
using Npgsql;
using NpgsqlTypes;

/// <summary>Bulk data load through binary COPY and set-based SQL (not through the API: 100,000 people in seconds).</summary>
internal static class Seed
{
    public const string DrawProvince = "44";
    public static readonly DateOnly ActivityDay = new(2025, 6, 10);
    private static readonly string[] OtherProvinces = ["11", "53", "31", "32", "33", "35", "37", "42", "43", "51"];

    /// <summary>What the load created, for the measures.</summary>
    public sealed record Data(Guid DrawInstitution, List<Guid> ReadIds, List<string> CardNumbers, List<Guid> IssuanceIds, int Supervisors, int Institutions, int Conflicts, int HistoryAssignments);

    public static async Task<Data> LoadAsync(string cs, int dispatchable, int others, int institutions, int conflicts, int historyTasks, int issuance)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var rnd = new Random(20250610);

        // Institutions across provinces; the first one (province 44) is the supervised institution of every benchmark draw.
        var institutionIds = Enumerable.Range(0, institutions).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY supervision.institutions (id, name, kind, filing_number, filing_level, jurisdiction, status, internal_issuer_code, created_at, updated_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < institutionIds.Length; i++)
            {
                var province = i % 2 == 0 ? DrawProvince : OtherProvinces[i % OtherProvinces.Length];
                await w.StartRowAsync();
                await w.WriteAsync(institutionIds[i], NpgsqlDbType.Uuid);
                await w.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"基准评价机构{i:00000}"), NpgsqlDbType.Varchar);
                await w.WriteAsync(i % 3 == 0 ? "social-org" : "employer", NpgsqlDbType.Varchar);
                await w.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"B{i:000000}"), NpgsqlDbType.Varchar);
                await w.WriteAsync("province", NpgsqlDbType.Varchar);
                await w.WriteAsync(province, NpgsqlDbType.Varchar);
                await w.WriteAsync("active", NpgsqlDbType.Varchar);
                await w.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{province}{i % 10000:0000}"), NpgsqlDbType.Varchar);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }

        // Supervisors: `dispatchable` in province 44 (the draw pool) and `others` across the other provinces, each with a
        // qualification training, an active appointment and a valid card; `issuance` more without a card (issuance targets).
        var total = dispatchable + others + issuance;
        var ids = Enumerable.Range(0, total).Select(_ => Guid.CreateVersion7()).ToArray();
        string ProvinceOf(int i) => i < dispatchable ? DrawProvince : i < dispatchable + others ? OtherProvinces[i % OtherProvinces.Length] : DrawProvince;
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY supervision.supervisors (id, name, id_number_cipher, id_number_hash, id_number_masked, sex, birth_date, kind, jurisdiction,
                years_in_evaluation, years_as_examiner, management_or_technical_role, political_commitment, policy_knowledge, integrity,
                organising_and_expression, health, created_at, updated_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await w.WriteAsync(i % 5 == 0 ? "欧阳测试" : "张测试", NpgsqlDbType.Varchar);
                await w.WriteAsync(new byte[] { 0 }, NpgsqlDbType.Bytea);
                await w.WriteAsync(ids[i].ToByteArray(), NpgsqlDbType.Bytea);
                await w.WriteAsync("440106********0011", NpgsqlDbType.Varchar);
                await w.WriteAsync(i % 4 == 0 ? "female" : "male", NpgsqlDbType.Varchar);
                await w.WriteAsync(new DateOnly(1965 + i % 25, 1 + i % 12, 1 + i % 28), NpgsqlDbType.Date);
                await w.WriteAsync("external", NpgsqlDbType.Varchar);
                await w.WriteAsync(ProvinceOf(i), NpgsqlDbType.Varchar);
                await w.WriteAsync(5 + i % 10, NpgsqlDbType.Integer);
                await w.WriteAsync(5 + i % 7, NpgsqlDbType.Integer);
                for (var b = 0; b < 6; b++) await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        await using (var w = await c.BeginBinaryImportAsync("COPY supervision.training_records (id, supervisor_id, kind, \"on\", passed, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in ids)
            {
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(id, NpgsqlDbType.Uuid);
                await w.WriteAsync("qualification", NpgsqlDbType.Varchar);
                await w.WriteAsync(new DateOnly(2023, 11, 1), NpgsqlDbType.Date);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        var carded = dispatchable + others;
        var start = new DateOnly(2024, 1, 1);
        var end = new DateOnly(2026, 12, 31);
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY supervision.appointments (id, supervisor_id, appointed_by, term_number, start, "end", expiry_recorded, created_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < carded; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await w.WriteAsync(ProvinceOf(i), NpgsqlDbType.Varchar);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(start, NpgsqlDbType.Date);
                await w.WriteAsync(end, NpgsqlDbType.Date);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        var numbers = new List<string>(carded);
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY supervision.cards (id, supervisor_id, number, kind, scheme, allocation_key, year, serial, issuer_id, jurisdiction, issued_on, valid_until, created_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < carded; i++)
            {
                var number = string.Create(CultureInfo.InvariantCulture, $"B{ProvinceOf(i)}24{i:0000000}");
                numbers.Add(number);
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await w.WriteAsync(number, NpgsqlDbType.Varchar);
                await w.WriteAsync("external", NpgsqlDbType.Varchar);
                await w.WriteAsync("cn.external", NpgsqlDbType.Varchar);
                await w.WriteAsync($"bench/{ProvinceOf(i)}/2024", NpgsqlDbType.Varchar);
                await w.WriteAsync(2024, NpgsqlDbType.Integer);
                await w.WriteAsync(i + 1, NpgsqlDbType.Integer);
                await w.WriteAsync(ProvinceOf(i), NpgsqlDbType.Varchar);
                await w.WriteAsync(ProvinceOf(i), NpgsqlDbType.Varchar);
                await w.WriteAsync(start, NpgsqlDbType.Date);
                await w.WriteAsync(end, NpgsqlDbType.Date);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        // Conflicts: `conflicts` of the pool with the draw's institution, as many again spread over other institutions.
        await using (var w = await c.BeginBinaryImportAsync("COPY supervision.supervisor_conflicts (supervisor_id, institution_id, kind) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < conflicts; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await w.WriteAsync(institutionIds[0], NpgsqlDbType.Uuid);
                await w.WriteAsync("employment", NpgsqlDbType.Varchar);
                await w.StartRowAsync();
                await w.WriteAsync(ids[rnd.Next(carded)], NpgsqlDbType.Uuid);
                await w.WriteAsync(institutionIds[1 + rnd.Next(institutionIds.Length - 1)], NpgsqlDbType.Uuid);
                await w.WriteAsync(i % 2 == 0 ? "relative" : "examiner", NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync();
        }
        // A year of dispatch history in province 44: closed daily tasks, 3 accepted external supervisors each.
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO supervision.supervision_tasks (id, kind, authority_id, jurisdiction, institution_id, matters, required_count, staffing_rules,
                                                      status, window_start, window_end, created_by, created_at)
            SELECT gen_random_uuid(), 'daily', '44', '44', (@institutions)[1 + (g % array_length(@institutions, 1))], ARRAY['考场秩序'], 3, '{}',
                   'closed', t, t + interval '8 hours', 'bench', now()
              FROM generate_series(1, @tasks) g, LATERAL (SELECT timestamptz '2024-06-10 00:30:00+00' + (g % 360) * interval '1 day') w(t);
            INSERT INTO supervision.assignments (id, task_id, supervisor_id, role, status, refused_without_reason, created_at)
            SELECT gen_random_uuid(), t.id, (@pool)[1 + ((abs(hashtext(t.id::text)) + k * 7919) % array_length(@pool, 1))], 'external', 'accepted', false, now()
              FROM supervision.supervision_tasks t CROSS JOIN generate_series(0, 2) k WHERE t.created_by = 'bench';
            ANALYZE;
            """, c))
        {
            cmd.CommandTimeout = 600;
            cmd.Parameters.AddWithValue("institutions", institutionIds.Where((_, i) => i % 2 == 0).ToArray());
            cmd.Parameters.AddWithValue("tasks", historyTasks);
            cmd.Parameters.AddWithValue("pool", ids.Take(dispatchable).ToArray());
            await cmd.ExecuteNonQueryAsync();
        }
        var read = Enumerable.Range(0, 2000).Select(_ => ids[rnd.Next(carded)]).ToList();
        var cards = Enumerable.Range(0, 2000).Select(_ => numbers[rnd.Next(carded)]).ToList();
        return new Data(institutionIds[0], read, cards, [.. ids.Skip(carded)], total, institutions, conflicts * 2, historyTasks * 3);
    }
}
