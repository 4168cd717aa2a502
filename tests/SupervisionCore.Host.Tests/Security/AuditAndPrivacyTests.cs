using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using R = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>Audit of refusals, the append-only audit table, tamper detection; personal data kept out of logs and public answers; headers.</summary>
[Collection(SecuritySuite.Name)]
public sealed partial class AuditAndPrivacyTests(SecurityWorld world)
{
    [Fact]
    public async Task Every_401_and_403_leaves_an_access_denied_entry_without_personal_data()
    {
        var before = await DeniedCountAsync();
        using (var anonymous = world.ClientFor(null))
            (await anonymous.GetAsync($"/api/v1/supervisors/{world.Of[Side.Own].Supervisor}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var auditor = world.ClientFor(R.Auditor))
            (await auditor.PostAsync("/api/v1/institutions", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var entries = await world.App.DbAsync(db => db.AuditEntries.Where(e => e.Action == AccessAudit.Action).OrderByDescending(e => e.Seq).Take(2).ToListAsync());
        (await DeniedCountAsync()).ShouldBe(before + 2);
        entries.Select(e => e.Detail).ShouldContain(d => d!.StartsWith("401 GET /api/v1/supervisors/{id}", StringComparison.Ordinal));
        entries.Select(e => e.Detail).ShouldContain(d => d!.StartsWith("403 POST /api/v1/institutions", StringComparison.Ordinal));
        entries.ShouldAllBe(e => !e.Detail!.Contains(world.Of[Side.Own].Supervisor.ToString()) && e.TargetType == "route");
    }

    [Fact]
    public async Task The_hosts_database_role_cannot_update_or_delete_audit_rows_and_verify_reports_a_tampered_row()
    {
        using var admin = world.ClientFor(R.NationalAdmin);
        (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = "tamper-" + Guid.NewGuid().ToString("N")[..8], displayName = "t", roles = new[] { R.Auditor }, jurisdiction = "43" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await admin.GetAsync("/api/v1/audit/verify")).ReadJsonAsync()).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // The connection string the Host uses.
        await using var connection = new NpgsqlConnection(world.App.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE supervision.audit_entries SET actor = 'mallory' WHERE seq = 1", "DELETE FROM supervision.audit_entries WHERE seq = 1", "TRUNCATE supervision.audit_entries" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
        await using (var triggers = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'supervision.audit_entries'::regclass AND NOT tgisinternal AND tgenabled <> 'D'", connection))
            ((long)(await triggers.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Logs_captured_during_the_suites_hold_no_id_number_or_phone_number()
    {
        // Traffic that carries personal data: registering a supervisor with an ID number and a phone, reading it back, a bad phone.
        using var admin = world.ClientFor(R.NationalAdmin);
        var idNumber = Seed.IdNumber("430104");
        var phone = "13812345678";
        world.IdNumbers.Add(idNumber);
        world.Phones.Add(phone);
        var created = await admin.PostJsonAsync("/api/v1/supervisors", new { name = "隐私测试", idNumber, kind = "external", jurisdiction = "43", phone });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadAsStringAsync();
        body.ShouldNotContain(idNumber);
        body.ShouldNotContain(phone);
        (await admin.PostJsonAsync("/api/v1/supervisors", new { name = "隐私测试", idNumber, kind = "external", jurisdiction = "43", phone })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostJsonAsync("/api/v1/supervisors", new { name = "隐私测试", idNumber = idNumber[..17] + "Z", kind = "external", jurisdiction = "43", phone = "1381234567x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        world.App.Logs.Lines.Count.ShouldBeGreaterThan(0);
        var offending = world.App.Logs.Lines.Where(l => world.IdNumbers.Concat(world.Phones).Any(n => l.Contains(n, StringComparison.Ordinal)) || FullIdNumber().IsMatch(l)).Take(5).ToList();
        offending.ShouldBeEmpty(string.Join("\n", offending));
    }

    [Fact]
    public async Task Public_answers_mask_personal_data()
    {
        using var anonymous = world.ClientFor(null);
        var own = world.Of[Side.Own];
        var card = await anonymous.GetAsync($"/api/v1/public/cards/{own.CardNumber}");
        var text = await card.Content.ReadAsStringAsync();
        card.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var draws = await (await anonymous.GetAsync("/api/v1/public/draws")).Content.ReadAsStringAsync();
        foreach (var secret in world.IdNumbers.Concat(world.Phones))
        {
            text.ShouldNotContain(secret);
            draws.ShouldNotContain(secret);
        }
        FullIdNumber().IsMatch(text + draws).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api/v1/packs")]
    [InlineData("/api/v1/public/draws")]
    [InlineData("/health/ready")]
    public async Task Security_headers_are_set_and_cors_never_allows_any_origin_with_credentials(string path)
    {
        using var client = world.ClientFor(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://evil.example");
        var response = await client.SendAsync(request);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
        var origin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var o) ? string.Join(",", o) : null;
        var credentials = response.Headers.TryGetValues("Access-Control-Allow-Credentials", out var c) && c.Contains("true");
        (origin is "*" or "https://evil.example" && credentials).ShouldBeFalse();
        origin.ShouldNotBe("https://evil.example");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var answer = await client.SendAsync(preflight);
        answer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        ((int)answer.StatusCode).ShouldBeLessThan(500);
    }

    private Task<int> DeniedCountAsync() => world.App.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AccessAudit.Action));

    /// <summary>An 18-character resident ID number in clear (masked ones carry asterisks).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z-])[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX](?![0-9A-Za-z-])")]
    private static partial Regex FullIdNumber();
}
