using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>
/// Issue #16 C through the API: a sanction the kernel's decision refuses is a 422 problem+json naming the rule, and
/// changes nothing — for supervisors (CN 17 with GD 21's grounds) and institutions (CN 18's ladder with GD 22's grounds).
/// </summary>
public sealed class SanctionSideDoorTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("dismissal_without_a_ground_of_article_17", "44.A", "dismissal", "other", "cn.sanction.supervisor-dismissal")]
    [InlineData("gd_non_renewal_on_a_national_ground", "44.A", "non-renewal", "not-performing-duties", "gd.sanction.supervisor")]
    [InlineData("gd_ground_outside_guangdong", "53", "criticism", "gd.leak", "gd.sanction.supervisor")]
    public async Task A_refused_supervisor_sanction_names_the_rule_and_changes_nothing(string name, string where, string measure, string ground, string rule)
    {
        _ = name;
        var supervisor = await Seed.SupervisorAsync(app, where);
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var response = await admin.PostJsonAsync($"/api/v1/supervisors/{supervisor.Id}/sanctions", new { measure, ground, date = "2025-06-01" });
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.Rules().ShouldContain(rule);
        (await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SupervisorSanctions, s => s.SupervisorId == supervisor.Id))).ShouldBe(0);
    }

    [Theory]
    [InlineData("a_supervisor_measure_on_an_institution", "44", "non-renewal", "gd.institution.retaliation", "cn.sanction.institution-ladder")]
    [InlineData("gd_ground_outside_guangdong", "53", "notice-and-correction", "gd.institution.retaliation", "cn.sanction.institution-ladder")]
    [InlineData("disqualification_first_without_justification", "44", "disqualification", "refuse-materials", "cn.sanction.institution-ladder")]
    public async Task A_refused_institution_sanction_names_the_rule_and_changes_nothing(string name, string where, string step, string ground, string rule)
    {
        _ = name;
        var institution = await Seed.InstitutionAsync(app, where);
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        object body = step == "notice-and-correction"
            ? new { step, ground, on = "2025-06-01", correctionDeadline = "2025-07-01" }
            : new { step, ground, on = "2025-06-01" };
        var response = await admin.PostJsonAsync($"/api/v1/institutions/{institution.Id}/sanctions", body);
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldContain(rule);
        (await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.InstitutionSanctions, s => s.InstitutionId == institution.Id))).ShouldBe(0);
    }
}
