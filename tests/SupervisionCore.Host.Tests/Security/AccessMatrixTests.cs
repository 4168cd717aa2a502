using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Tests.Registry;
using Xunit.Abstractions;
using R = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// The access matrix (OWASP API1 object level, API5 function level, API3 property level): every operation of the served
/// OpenAPI documents × every role × own / peer (same province, other institution or supervisor) / foreign (other
/// province) object → the expected 200/201/401/403/404.
/// </summary>
[Collection(SecuritySuite.Name)]
public sealed class AccessMatrixTests(SecurityWorld world, ITestOutputHelper output)
{
    private static readonly HashSet<int> WriteAllowed = [200, 201, 202, 204, 409, 422];
    private readonly HashSet<(string, Side)> _changed = [];

    [Fact]
    public async Task Every_documented_operation_has_a_row_and_every_row_a_documented_operation()
    {
        var documented = (await ApiOperation.LoadAsync(world.App)).Select(o => o.Id).ToHashSet();
        var table = AccessMatrix.Operations.Select(o => o.Id).ToList();
        documented.Except(table).ShouldBeEmpty("operations without a row in the access matrix (add one to Security/AccessMatrix.cs)");
        table.Except(documented).ShouldBeEmpty("rows for operations the Host does not serve");
        table.Distinct().Count().ShouldBe(table.Count);
        documented.Count.ShouldBeGreaterThan(60);
    }

    [Fact]
    public async Task Every_operation_answers_each_role_and_side_as_the_matrix_expects()
    {
        var operations = (await ApiOperation.LoadAsync(world.App)).ToDictionary(o => o.Id);
        var cases = (from op in AccessMatrix.Operations
                     from role in op.Anonymous ? [null] : R.All.Prepend(null)
                     from side in Sides(op, role)
                     select (Op: op, Role: role, Side: side, Expected: Expect(op, role, side))).ToList();
        var failures = new List<string>();
        var denied = cases.Where(c => !IsAllowed(c.Expected)).ToList();
        var allowed = cases.Where(c => IsAllowed(c.Expected)).ToList();

        // Refusals first: they must change nothing (apart from the access.denied entries they append).
        await world.ImportsIdleAsync();
        var before = await world.DigestAsync();
        foreach (var c in denied) await RunAsync(c.Op, c.Role, c.Side, c.Expected, operations[c.Op.Id], failures);
        var after = await world.DigestAsync();
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables changed by refused requests");

        foreach (var c in allowed) await RunAsync(c.Op, c.Role, c.Side, c.Expected, operations[c.Op.Id], failures);

        Figures.Record(output, $"access matrix: {AccessMatrix.Operations.Count} operations ({AccessMatrix.Operations.Count(o => o.Realm != SecurityWorld.OwnProvince)} asked in the packs' jurisdictions) × {R.All.Count} roles (+ anonymous) × sides = {cases.Count} requests ({denied.Count} refusals, {allowed.Count} permitted); mismatches {failures.Count}");
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task Pack_writes_ignore_status_jurisdiction_and_ids_in_bodies_and_refuse_objects_of_another_province()
    {
        var bj = world.Realms[PackRealms.Bj];
        var yn = world.Realms[PackRealms.Yn];
        var elsewhere = world.Of[Side.Foreign];
        using var bureau = world.ClientFor(R.CenterOperator, bj, Side.Own);
        using var centre = world.ClientFor(R.CenterOperator, yn, Side.Own);
        using var inspector = world.ClientFor(R.Supervisor, bj, Side.Own);

        // Refusals first: an institution or supervisor of another province named in the body (API1), nothing changes.
        await world.ImportsIdleAsync();
        var before = await world.DigestAsync();
        (await bureau.PostAsJsonAsync("/api/v1/regions/bj-etdz/venues", AccessMatrix.Venue(elsewhere.Institution))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var session = await centre.PostAsJsonAsync("/api/v1/regions/yn/learning-sessions", new { institutionId = elsewhere.Institution, jurisdiction = PackRealms.Yn, year = 2025, heldOn = "2025-05-10", content = "业务学习" });
        session.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await session.Content.ReadAsStringAsync());
        var inspection = await centre.PostAsJsonAsync("/api/v1/regions/yn/annual-inspections", new { taskId = yn.Of[Side.Own].InspectionTask, institutionId = elsewhere.Institution, jurisdiction = PackRealms.Yn, year = 2025 });
        inspection.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await inspection.Content.ReadAsStringAsync());
        // Only the session institution's internal supervisors get a result: the peer institution's is refused by rule.
        var result = await centre.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{yn.Of[Side.Own].LearningSession}/results/{yn.Of[Side.Peer].Supervisor}", new { attended = true, passed = true });
        result.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await result.Content.ReadAsStringAsync());
        var after = await world.DigestAsync();
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables changed by refused pack writes");

        // Property level (API3): jurisdiction, status, id and author in a body are not the caller's to set.
        var own = bj.Of[Side.Own];
        var body = JsonSerializer.SerializeToNode(AccessMatrix.Venue(own.Institution))!.AsObject();
        var forgedId = Guid.NewGuid();
        body["jurisdiction"] = SecurityWorld.ForeignProvince;
        body["status"] = "approved";
        body["id"] = forgedId;
        body["registeredBy"] = "someone-else";
        var venue = await bureau.PostAsJsonAsync("/api/v1/regions/bj-etdz/venues", body);
        var created = JsonDocument.Parse(await venue.Content.ReadAsStringAsync()).RootElement;
        venue.StatusCode.ShouldBe(HttpStatusCode.Created, created.ToString());
        created.GetProperty("jurisdiction").GetString().ShouldBe(PackRealms.Bj);
        created.GetProperty("institutionId").GetGuid().ShouldBe(own.Institution);
        created.GetProperty("id").GetGuid().ShouldNotBe(forgedId);

        var check = JsonSerializer.SerializeToNode(AccessMatrix.VenueCheck())!.AsObject();
        check["supervisorId"] = bj.Of[Side.Peer].Supervisor;
        check["matches"] = false;
        check["venueId"] = Guid.NewGuid();
        var checkedVenue = await inspector.PostAsJsonAsync($"/api/v1/regions/bj-etdz/venues/{created.GetProperty("id").GetGuid()}/inspections", check);
        var recorded = JsonDocument.Parse(await checkedVenue.Content.ReadAsStringAsync()).RootElement;
        checkedVenue.StatusCode.ShouldBe(HttpStatusCode.Created, recorded.ToString());
        recorded.GetProperty("supervisorId").GetGuid().ShouldBe(own.Supervisor);
        recorded.GetProperty("venueId").GetGuid().ShouldBe(created.GetProperty("id").GetGuid());
        recorded.GetProperty("matches").GetBoolean().ShouldBeTrue();

        var ynSession = await centre.PostAsJsonAsync("/api/v1/regions/yn/learning-sessions", new
        {
            institutionId = yn.Of[Side.Own].Institution, jurisdiction = PackRealms.Yn, year = 2025, heldOn = "2025-09-10", content = "业务学习", id = forgedId, createdBy = "someone-else",
        });
        var learning = JsonDocument.Parse(await ynSession.Content.ReadAsStringAsync()).RootElement;
        ynSession.StatusCode.ShouldBe(HttpStatusCode.Created, learning.ToString());
        learning.GetProperty("id").GetGuid().ShouldNotBe(forgedId);
        learning.GetProperty("institutionId").GetGuid().ShouldBe(yn.Of[Side.Own].Institution);
    }

    private static IEnumerable<Side> Sides(Op op, string? role) =>
        role is null || op.Scope == Scope.Global ? [Side.Own]
        : op.Scope == Scope.Jurisdiction ? [Side.Own, Side.Foreign]
        : [Side.Own, Side.Peer, Side.Foreign];

    /// <summary>The expected status: 401 without a token, 403 for a role the operation does not admit, <see cref="Op.Denied"/> for an object out of reach, else 0 (permitted).</summary>
    private static int Expect(Op op, string? role, Side side)
    {
        if (op.Anonymous) return 0;
        if (role is null) return 401;
        if (!op.Roles.Contains(role)) return 403;
        if (op.BlindRoles?.Contains(role) == true) return op.Denied;
        if (role == R.NationalAdmin || op.Scope == Scope.Global || side == Side.Own) return 0;
        if (side == Side.Peer && op.ReachingPeers.Contains(role)) return 0;
        return op.Denied;
    }

    private static bool IsAllowed(int expected) => expected == 0;

    private async Task RunAsync(Op op, string? role, Side side, int expected, ApiOperation documented, List<string> failures)
    {
        var realm = world.Realms[op.Realm];
        using var client = world.ClientFor(role, realm, side);
        using var request = op.Build(realm.Of[side]);
        var isRead = request.Method == HttpMethod.Get;
        var auditBefore = isRead ? 0 : await AuditCountAsync();
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var label = $"{op.Id} as {role ?? "anonymous"} on {side}";
        if (status >= 500) { failures.Add($"{label}: {status} {body}"); return; }
        if (!IsAllowed(expected))
        {
            if (status != expected && status != op.DeniedOr) failures.Add($"{label}: expected {expected}, got {status} {Short(body)}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{label}: {status} is not problem+json");
            return;
        }
        if (isRead ? status != 200 : !WriteAllowed.Contains(status)) { failures.Add($"{label}: expected {(isRead ? "200" : "2xx/409/422")}, got {status} {Short(body)}"); return; }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status is 200 or 201 && body.Length > 0 && mediaType == "application/json")
        {
            using var json = JsonDocument.Parse(body);
            if (documented.ResponseSchema(status) is { } schema)
                foreach (var extra in documented.Undocumented(json.RootElement, schema)) failures.Add($"{label}: undocumented response field {extra}");
        }
        // Lists and exports (CSV carries the ids too) show nothing out of the role's reach.
        if (status == 200 && mediaType is "application/json" or "text/csv" && role is not null && role != R.NationalAdmin && op.Scope == Scope.Global && isRead)
            foreach (var leaked in Leaks(body, role, op)) failures.Add($"{label}: list shows {leaked}");
        // Every first success of a write on a side changes state and must be audited (a repeat, e.g. republishing, may be a no-op).
        if (!isRead && op.Changes && status is 200 or 201 && _changed.Add((op.Id, side)) && await AuditCountAsync() <= auditBefore) failures.Add($"{label}: state change {status} left no audit entry");
    }

    /// <summary>
    /// Ids a filtered list must not show the role: anything of another province (in a pack's realm, the home province's
    /// objects); the peer's too for a role that does not reach peers (by default institution operators and supervisors).
    /// </summary>
    private IEnumerable<string> Leaks(string body, string role, Op op)
    {
        var realm = world.Realms[op.Realm];
        var others = new List<(string Name, Objects Objects)> { ("foreign", realm.ForeignTokens is null ? realm.Of[Side.Foreign] : world.Of[Side.Own]) };
        if (!op.ReachingPeers.Contains(role)) others.Add(("peer", realm.Of[Side.Peer]));
        foreach (var (side, o) in others)
        {
            foreach (var (name, id) in new[]
                     {
                         ("institution", o.Institution), ("supervisor", o.Supervisor), ("task", o.Task), ("activity", o.Activity), ("assignment", o.Assignment),
                         ("venue", o.Venue), ("competition", o.Competition), ("learning session", o.LearningSession), ("annual inspection", o.AnnualInspection),
                     })
                if (id != Guid.Empty && body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)) yield return $"{side} {name} {id}";
        }
    }

    private Task<int> AuditCountAsync() => world.App.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action != AccessAudit.Action));

    private static string Short(string body) => body.Length > 300 ? body[..300] : body;
}
