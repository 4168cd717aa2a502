using System.Net;
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
    private static readonly HashSet<int> WriteAllowed = [200, 201, 409, 422];
    private readonly HashSet<(string, Side)> _changed = [];

    [Fact]
    public async Task Every_documented_operation_has_a_row_and_every_row_a_documented_operation()
    {
        var documented = (await ApiOperation.LoadAsync(world.App)).Select(o => o.Id).ToHashSet();
        var table = AccessMatrix.Operations.Concat(AccessMatrix.FuzzedOnly).Select(o => o.Id).ToList();
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
        var before = await world.DigestAsync();
        foreach (var c in denied) await RunAsync(c.Op, c.Role, c.Side, c.Expected, operations[c.Op.Id], failures);
        var after = await world.DigestAsync();
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables changed by refused requests");

        foreach (var c in allowed) await RunAsync(c.Op, c.Role, c.Side, c.Expected, operations[c.Op.Id], failures);

        Figures.Record(output, $"access matrix: {AccessMatrix.Operations.Count} operations × {R.All.Count} roles (+ anonymous) × sides = {cases.Count} requests ({denied.Count} refusals, {allowed.Count} permitted); mismatches {failures.Count}");
        failures.ShouldBeEmpty(string.Join("\n", failures));
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
        using var client = world.ClientFor(role);
        using var request = op.Build(world.Of[side]);
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
        if (status is 200 or 201 && body.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            using var json = JsonDocument.Parse(body);
            if (documented.ResponseSchema(status) is { } schema)
                foreach (var extra in documented.Undocumented(json.RootElement, schema)) failures.Add($"{label}: undocumented response field {extra}");
            if (role is not null && role != R.NationalAdmin && op.Scope == Scope.Global && isRead)
                foreach (var leaked in Leaks(body, role)) failures.Add($"{label}: list shows {leaked}");
        }
        // Every first success of a write on a side changes state and must be audited (a repeat, e.g. republishing, may be a no-op).
        if (!isRead && op.Changes && status is 200 or 201 && _changed.Add((op.Id, side)) && await AuditCountAsync() <= auditBefore) failures.Add($"{label}: state change {status} left no audit entry");
    }

    /// <summary>Ids a filtered list must not show the role: anything of the other province; for institution operators and supervisors, the peer's too.</summary>
    private IEnumerable<string> Leaks(string body, string role)
    {
        var sides = role is R.InstitutionOperator or R.Supervisor ? new[] { Side.Foreign, Side.Peer } : [Side.Foreign];
        foreach (var side in sides)
        {
            var o = world.Of[side];
            foreach (var (name, id) in new[] { ("institution", o.Institution), ("supervisor", o.Supervisor), ("task", o.Task), ("activity", o.Activity), ("assignment", o.Assignment) })
                if (body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)) yield return $"{side} {name} {id}";
        }
    }

    private Task<int> AuditCountAsync() => world.App.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action != AccessAudit.Action));

    private static string Short(string body) => body.Length > 300 ? body[..300] : body;
}
