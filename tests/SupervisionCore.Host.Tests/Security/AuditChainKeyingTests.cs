using System.Net;
using System.Text.Json;
using Npgsql;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 item 2: the audit chain is keyed with a key outside the database, so whoever can write the database (a superuser
/// who disables the append-only trigger) can neither edit an entry and recompute the later hashes nor cut the tail covered by a
/// signed checkpoint without <c>/api/v1/audit/verify</c> reporting the first bad entry.
/// </summary>
public sealed class AuditChainKeyingTests : IAsyncLifetime
{
    // Each test breaks its chain on purpose: a database of its own.
    private readonly SupervisionApp app = SupervisionApp.With(new Dictionary<string, string?>());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<HttpClient> AdminAsync() => app.CreateClient(await app.AdminTokenAsync());

    private static async Task AddEntriesAsync(HttpClient admin, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
            (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = $"{prefix}-{i}-{Guid.NewGuid():N}"[..30], displayName = "链", roles = new[] { Roles.Auditor }, jurisdiction = "CN" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/api/v1/audit/verify");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task SuperuserAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            ALTER TABLE supervision.audit_entries DISABLE TRIGGER audit_entries_append_only;
            {sql}
            ALTER TABLE supervision.audit_entries ENABLE TRIGGER audit_entries_append_only;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What an attacker with database access does after editing: recompute every later link with plain SHA-256, and the head.</summary>
    private static string RecomputePlainHashesFrom(long seq) => $$"""
        DO $$
        DECLARE r record; prev bytea;
        BEGIN
          SELECT COALESCE((SELECT hash FROM supervision.audit_entries WHERE seq = {{seq}} - 1), decode(repeat('00', 32), 'hex')) INTO prev;
          FOR r IN SELECT seq, canonical FROM supervision.audit_entries WHERE seq >= {{seq}} ORDER BY seq LOOP
            UPDATE supervision.audit_entries SET previous_hash = prev, hash = sha256(prev || convert_to(r.canonical, 'UTF8')) WHERE seq = r.seq;
            SELECT hash INTO prev FROM supervision.audit_entries WHERE seq = r.seq;
          END LOOP;
          UPDATE supervision.audit_head SET hash = prev, seq = (SELECT max(seq) FROM supervision.audit_entries) WHERE id = 1;
        END $$;
        """;

    [Fact]
    public async Task An_edited_entry_with_recomputed_plain_hashes_is_reported_as_the_first_bad_entry()
    {
        using var admin = await AdminAsync();
        var prefix = "forge" + Guid.NewGuid().ToString("N")[..6];
        await AddEntriesAsync(admin, prefix, 4);
        (await VerifyAsync(admin)).GetProperty("intact").GetBoolean().ShouldBeTrue();
        var target = await ScalarAsync($"SELECT seq FROM supervision.audit_entries WHERE target_id LIKE '{prefix}-1-%'");

        await SuperuserAsync($"""
            UPDATE supervision.audit_entries SET actor = 'mallory', canonical = replace(canonical, '"' || actor || '"', '"mallory"') WHERE seq = {target};
            {RecomputePlainHashesFrom(target)}
            """);
        // The forgery is consistent as a plain SHA-256 chain …
        (await ScalarAsync($"SELECT count(*) FROM supervision.audit_entries WHERE seq = {target} AND canonical LIKE '%mallory%'")).ShouldBe(1);

        // … but not as a keyed one.
        var verdict = await VerifyAsync(admin);
        verdict.GetProperty("intact").GetBoolean().ShouldBeFalse(verdict.ToString());
        verdict.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(target, verdict.ToString());
    }

    [Fact]
    public async Task Deleting_the_tail_covered_by_a_checkpoint_is_reported()
    {
        using var admin = await AdminAsync();
        await AddEntriesAsync(admin, "tail" + Guid.NewGuid().ToString("N")[..6], 3);
        var checkpoint = await admin.PostAsync("/api/v1/audit/checkpoints", null);
        checkpoint.StatusCode.ShouldBe(HttpStatusCode.Created, await checkpoint.Content.ReadAsStringAsync());
        var covered = (await checkpoint.ReadJsonAsync()).GetProperty("seq").GetInt64();
        (await VerifyAsync(admin)).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // Cut the last two covered entries (and anything after them) and move the head back, as a superuser would.
        await SuperuserAsync($"""
            DELETE FROM supervision.audit_entries WHERE seq > {covered - 2};
            UPDATE supervision.audit_head SET seq = {covered - 2}, hash = (SELECT hash FROM supervision.audit_entries WHERE seq = {covered - 2}) WHERE id = 1;
            """);
        var verdict = await VerifyAsync(admin);
        verdict.GetProperty("intact").GetBoolean().ShouldBeFalse(verdict.ToString());
        verdict.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(covered - 1, verdict.ToString());
        verdict.GetProperty("reason").GetString()!.ShouldContain("checkpoint");
    }

    [Fact]
    public async Task Rewriting_keyed_entries_as_unkeyed_legacy_entries_is_reported()
    {
        using var admin = await AdminAsync();
        var prefix = "legacy" + Guid.NewGuid().ToString("N")[..6];
        await AddEntriesAsync(admin, prefix, 3);
        var target = await ScalarAsync($"SELECT seq FROM supervision.audit_entries WHERE target_id LIKE '{prefix}-1-%'");
        // Pretend the edited entry and everything after it were written before the chain was keyed.
        await SuperuserAsync($"""
            UPDATE supervision.audit_entries SET actor = 'mallory', canonical = replace(canonical, '"' || actor || '"', '"mallory"') WHERE seq = {target};
            UPDATE supervision.audit_entries SET chain = 0, key_id = NULL WHERE seq >= {target};
            {RecomputePlainHashesFrom(target)}
            """);
        var verdict = await VerifyAsync(admin);
        verdict.GetProperty("intact").GetBoolean().ShouldBeFalse(verdict.ToString());
        verdict.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(target, verdict.ToString());
        verdict.GetProperty("reason").GetString()!.ShouldContain("unkeyed");
    }

    [Fact]
    public async Task Entries_of_an_installation_made_before_keying_verify_the_old_way_and_are_reported_as_such()
    {
        using var admin = await AdminAsync();
        await AddEntriesAsync(admin, "old" + Guid.NewGuid().ToString("N")[..6], 2);
        // An installation of the previous version: every entry so far unkeyed (plain SHA-256), no checkpoint.
        await SuperuserAsync($"""
            UPDATE supervision.audit_entries SET chain = 0, key_id = NULL;
            {RecomputePlainHashesFrom(1)}
            ALTER TABLE supervision.audit_checkpoints DISABLE TRIGGER audit_checkpoints_append_only;
            DELETE FROM supervision.audit_checkpoints;
            ALTER TABLE supervision.audit_checkpoints ENABLE TRIGGER audit_checkpoints_append_only;
            """);
        var legacy = await ScalarAsync("SELECT count(*) FROM supervision.audit_entries");
        var before = await VerifyAsync(admin);
        before.GetProperty("intact").GetBoolean().ShouldBeTrue(before.ToString());
        before.GetProperty("legacyEntries").GetInt64().ShouldBe(legacy);
        before.GetProperty("keyedEntries").GetInt64().ShouldBe(0);

        // This version keys every new entry after them, and a checkpoint then covers the old ones too.
        await AddEntriesAsync(admin, "new" + Guid.NewGuid().ToString("N")[..6], 2);
        (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await VerifyAsync(admin);
        after.GetProperty("intact").GetBoolean().ShouldBeTrue(after.ToString());
        after.GetProperty("legacyEntries").GetInt64().ShouldBe(legacy);
        after.GetProperty("keyedEntries").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
        after.GetProperty("checkpoints").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        (await ScalarAsync("SELECT count(*) FROM supervision.audit_entries WHERE chain = 1 AND key_id IS NOT NULL AND seq > " + legacy)).ShouldBe(
            await ScalarAsync("SELECT count(*) FROM supervision.audit_entries WHERE seq > " + legacy));
    }

    [Fact]
    public async Task A_forged_checkpoint_is_reported()
    {
        using var admin = await AdminAsync();
        await AddEntriesAsync(admin, "cp" + Guid.NewGuid().ToString("N")[..6], 2);
        (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Without the checkpoint key, a signature cannot be made: a row with a copied signature and a later seq fails.
        await SuperuserAsync("""
            INSERT INTO supervision.audit_checkpoints (seq, hash, at, algorithm, key_id, signature)
            SELECT seq + 1000, hash, at, algorithm, key_id, signature FROM supervision.audit_checkpoints ORDER BY seq DESC LIMIT 1;
            """);
        var verdict = await VerifyAsync(admin);
        verdict.GetProperty("intact").GetBoolean().ShouldBeFalse(verdict.ToString());
        verdict.GetProperty("reason").GetString()!.ShouldContain("signature");
    }

    [Fact]
    public async Task Exported_checkpoints_verify_outside_the_host_with_the_published_key()
    {
        using var admin = await AdminAsync();
        await AddEntriesAsync(admin, "ex" + Guid.NewGuid().ToString("N")[..6], 2);
        (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var export = await (await admin.GetAsync("/api/v1/audit/checkpoints")).ReadJsonAsync();
        export.GetProperty("algorithm").GetString().ShouldBe("ecdsa-p256-sha256");
        var pem = export.GetProperty("publicKey").GetString()!;
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportFromPem(pem);
        var checkpoints = export.GetProperty("checkpoints").EnumerateArray().ToList();
        checkpoints.ShouldNotBeEmpty();
        foreach (var c in checkpoints)
        {
            var message = System.Text.Encoding.UTF8.GetBytes(c.GetProperty("message").GetString()!);
            var signature = Convert.FromBase64String(c.GetProperty("signature").GetString()!);
            key.VerifyData(message, signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence)
                .ShouldBeTrue(c.ToString());
            c.GetProperty("message").GetString()!.ShouldContain($"seq={c.GetProperty("seq").GetInt64()}\nhash={c.GetProperty("hash").GetString()}\n");
            message[0] ^= 1;
            key.VerifyData(message, signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence).ShouldBeFalse();
        }
        // The documented recipe (docs/privacy.md) with OpenSSL, where it is installed.
        if (File.Exists("/usr/bin/openssl"))
        {
            var dir = Directory.CreateTempSubdirectory("sc-cp-").FullName;
            var last = checkpoints[^1];
            File.WriteAllText(Path.Combine(dir, "key.pem"), pem);
            File.WriteAllText(Path.Combine(dir, "msg.txt"), last.GetProperty("message").GetString()!);
            File.WriteAllBytes(Path.Combine(dir, "sig.der"), Convert.FromBase64String(last.GetProperty("signature").GetString()!));
            using var openssl = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/openssl", "dgst -sha256 -verify key.pem -signature sig.der msg.txt")
            { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await openssl.StandardOutput.ReadToEndAsync();
            await openssl.WaitForExitAsync();
            output.ShouldContain("Verified OK");
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_chain_key_is_a_private_file_outside_the_database()
    {
        using var admin = await AdminAsync(); // the Host is up: its database migrated, its keys loaded
        var file = Path.Combine(TestKeys.Directory, "audit-mac.key");
        File.Exists(file).ShouldBeTrue();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var key = File.ReadAllText(file).Trim();
        (await ScalarAsync($"SELECT count(*) FROM supervision.key_material WHERE material LIKE '%{key}%'")).ShouldBe(0);
    }
}
