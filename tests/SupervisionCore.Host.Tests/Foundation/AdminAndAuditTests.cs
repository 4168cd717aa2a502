using System.Net;
using Npgsql;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Foundation;

public sealed class AdminAndAuditTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static object NewClient(string id, string role, string jurisdiction) =>
        new { clientId = id, displayName = "Test " + id, roles = new[] { role }, jurisdiction };

    [Fact]
    public async Task National_admin_creates_a_client_that_then_gets_tokens_with_its_grants()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var response = await admin.PostJsonAsync("/api/v1/admin/clients", NewClient("gz-centre", Roles.CenterOperator, "44.A"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var secret = created.GetProperty("clientSecret").GetString()!;
        secret.Length.ShouldBeGreaterThanOrEqualTo(32);

        var token = await app.TokenAsync("gz-centre", secret);
        using var client = app.CreateClient(token);
        (await client.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A centre operator is not an admin.
        (await client.PostJsonAsync("/api/v1/admin/clients", NewClient("x-other", Roles.Auditor, "44.A"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Province_admin_grants_only_inside_its_province_and_never_national_admin()
    {
        using var gd = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        (await gd.PostJsonAsync("/api/v1/admin/clients", NewClient("sz-auditor", Roles.Auditor, "44.B"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = await gd.PostJsonAsync("/api/v1/admin/clients", NewClient("yn-auditor", Roles.Auditor, "53"));
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await gd.PostJsonAsync("/api/v1/admin/clients", NewClient("gd-super", Roles.NationalAdmin, "44"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gd.PostJsonAsync("/api/v1/admin/users", new { userName = "zhang.san", password = "a-long-password-1", displayName = "张三", roles = new[] { Roles.Auditor }, jurisdiction = "11" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Duplicate_client_is_409_and_invalid_input_is_400_naming_the_field_and_changes_nothing()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync("/api/v1/admin/clients", NewClient("dup-client", Roles.Auditor, "CN"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var dup = await admin.PostJsonAsync("/api/v1/admin/clients", NewClient("dup-client", Roles.Auditor, "CN"));
        dup.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var before = await CountAuditAsync();
        var bad = await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = "No Spaces!", displayName = "", roles = new[] { "emperor" }, jurisdiction = "Guangdong" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await bad.Content.ReadAsStringAsync();
        text.ShouldContain("clientId");
        text.ShouldContain("jurisdiction");
        text.ShouldNotContain("   at ");
        (await CountAuditAsync()).ShouldBe(before);

        var unknown = await admin.PostJsonAsync("/api/v1/admin/clients", NewClient("nowhere", Roles.Auditor, "44.Z"));
        unknown.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_are_created_with_a_hashed_password_and_the_change_is_audited()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var response = await admin.PostJsonAsync("/api/v1/admin/users",
            new { userName = "li.si", password = "correct-horse-battery", displayName = "李四", roles = new[] { Roles.CenterOperator }, jurisdiction = "53" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var hash = new NpgsqlCommand("SELECT password_hash FROM supervision.users WHERE user_name = 'li.si'", connection);
        var stored = (string)(await hash.ExecuteScalarAsync())!;
        stored.ShouldNotContain("correct-horse-battery");

        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "53"));
        var audit = await (await auditor.GetAsync($"/api/v1/audit?targetType=user&targetId={id}")).ReadJsonAsync();
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        entry.GetProperty("action").GetString().ShouldBe("admin.user.create");
        entry.GetProperty("jurisdiction").GetString().ShouldBe("53");
        entry.GetProperty("afterDigest").GetString()!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Audit_is_scoped_to_the_callers_jurisdiction()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync("/api/v1/admin/clients", NewClient("bj-zone-op", Roles.CenterOperator, "11.ETDZ"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var gdAuditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        var seen = await (await gdAuditor.GetAsync("/api/v1/audit?limit=200")).ReadJsonAsync();
        seen.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("jurisdiction").GetString())
            .ShouldAllBe(j => j == "44" || j!.StartsWith("44.", StringComparison.Ordinal));
        using var bjAuditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "11"));
        var bj = await (await bjAuditor.GetAsync("/api/v1/audit?targetId=bj-zone-op")).ReadJsonAsync();
        bj.GetProperty("items").GetArrayLength().ShouldBe(1);
        using var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        (await supervisor.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_updated_and_a_tampered_row_is_reported_by_verify()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        for (var i = 0; i < 3; i++)
            (await admin.PostJsonAsync("/api/v1/admin/clients", NewClient($"chain-{i}", Roles.Auditor, "CN"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var ok = await (await admin.GetAsync("/api/v1/audit/verify")).ReadJsonAsync();
        ok.GetProperty("intact").GetBoolean().ShouldBeTrue(ok.ToString());

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var update = new NpgsqlCommand("UPDATE supervision.audit_entries SET actor = 'mallory' WHERE target_id = 'chain-1'", connection))
            (await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText.ShouldContain("append-only");

        // A superuser bypasses the trigger: the chain still exposes the edit.
        await using (var tamper = new NpgsqlCommand("""
            ALTER TABLE supervision.audit_entries DISABLE TRIGGER audit_entries_append_only;
            UPDATE supervision.audit_entries SET actor = 'mallory' WHERE target_id = 'chain-1';
            ALTER TABLE supervision.audit_entries ENABLE TRIGGER audit_entries_append_only;
            """, connection))
            await tamper.ExecuteNonQueryAsync();
        await using var seqOf = new NpgsqlCommand("SELECT seq FROM supervision.audit_entries WHERE target_id = 'chain-1'", connection);
        var tamperedSeq = (long)(await seqOf.ExecuteScalarAsync())!;

        var broken = await (await admin.GetAsync("/api/v1/audit/verify")).ReadJsonAsync();
        broken.GetProperty("intact").GetBoolean().ShouldBeFalse();
        broken.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(tamperedSeq);
    }

    private async Task<long> CountAuditAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM supervision.audit_entries", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
