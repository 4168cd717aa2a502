using System.Net;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 item 4: a user's institution or supervisor must exist and lie inside the caller's jurisdiction (and the
/// user's), as <c>/admin/clients</c> already required; card access checks the institution claim against the jurisdiction.
/// </summary>
public sealed class AdminGrantTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static object User(string jurisdiction, string role, string? institutionId = null, string? supervisorId = null) => new
    {
        userName = "g" + Guid.NewGuid().ToString("N")[..12], password = "a-long-enough-password", displayName = "授权测试",
        roles = new[] { role }, jurisdiction, institutionId, supervisorId,
    };

    [Fact]
    public async Task A_province_admin_cannot_bind_a_user_to_another_provinces_or_an_unknown_institution_or_supervisor()
    {
        var own = await Seed.InstitutionAsync(app, "44");
        var foreign = await Seed.InstitutionAsync(app, "45");
        var ownSupervisor = await Seed.SupervisorAsync(app, "44");
        var foreignSupervisor = await Seed.SupervisorAsync(app, "45");
        using var gd = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        var users = await app.DbAsync(db => db.Users.CountAsync());

        var cases = new (string Name, object Body, HttpStatusCode Expected)[]
        {
            ("foreign institution", User("44", Roles.InstitutionOperator, institutionId: foreign.Id.ToString()), HttpStatusCode.NotFound),
            ("unknown institution", User("44", Roles.InstitutionOperator, institutionId: Guid.NewGuid().ToString()), HttpStatusCode.NotFound),
            ("institution not a uuid", User("44", Roles.InstitutionOperator, institutionId: "inst-1"), HttpStatusCode.BadRequest),
            ("foreign supervisor", User("44", Roles.Supervisor, supervisorId: foreignSupervisor.Id.ToString()), HttpStatusCode.NotFound),
            ("unknown supervisor", User("44", Roles.Supervisor, supervisorId: Guid.NewGuid().ToString()), HttpStatusCode.NotFound),
            ("supervisor not a uuid", User("44", Roles.Supervisor, supervisorId: "sup-1"), HttpStatusCode.BadRequest),
        };
        foreach (var (name, body, expected) in cases)
        {
            var response = await gd.PostJsonAsync("/api/v1/admin/users", body);
            response.StatusCode.ShouldBe(expected, $"{name}: {await response.Content.ReadAsStringAsync()}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", name);
        }
        (await app.DbAsync(db => db.Users.CountAsync())).ShouldBe(users, "a refused request creates nobody");

        (await gd.PostJsonAsync("/api/v1/admin/users", User("44", Roles.InstitutionOperator, institutionId: own.Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await gd.PostJsonAsync("/api/v1/admin/users", User("44", Roles.Supervisor, supervisorId: ownSupervisor.Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_national_admin_cannot_bind_a_user_to_an_institution_outside_the_users_own_jurisdiction()
    {
        var foreign = await Seed.InstitutionAsync(app, "45");
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync("/api/v1/admin/users", User("44", Roles.InstitutionOperator, institutionId: foreign.Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostJsonAsync("/api/v1/admin/users", User("45", Roles.InstitutionOperator, institutionId: foreign.Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Card_access_checks_the_institution_claim_against_the_jurisdiction()
    {
        // A grant made before the fix (or by a misconfigured external IdP): jurisdiction 44, institution of province 45.
        var foreign = await Seed.InstitutionAsync(app, "45");
        var internalForeign = await Seed.SupervisorAsync(app, "45", "internal", foreign.Id);
        using var mismatched = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44", institutionId: foreign.Id));
        var response = await mismatched.IssueAsync(internalForeign.Id, "2025-07-01");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        (await app.DbAsync(db => db.Cards.CountAsync(c => c.SupervisorId == internalForeign.Id))).ShouldBe(0);
    }
}
