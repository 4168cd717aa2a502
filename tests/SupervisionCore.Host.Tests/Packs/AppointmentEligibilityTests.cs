using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>Packs' appointment conditions (IEligibilityRule) are applied by the kernel's appointment endpoint inside their jurisdiction.</summary>
public sealed class AppointmentEligibilityTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private async Task<HttpResponseMessage> AppointAsync(Guid supervisorId, string province, string start)
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, province));
        return await client.PostJsonAsync($"/api/v1/supervisors/{supervisorId}/appointments", new { appointedBy = province, start });
    }

    [Theory]
    [InlineData(0, false, HttpStatusCode.UnprocessableEntity)]
    [InlineData(1, false, HttpStatusCode.Created)]
    [InlineData(0, true, HttpStatusCode.Created)]
    public async Task Guangdong_requires_evaluation_management_work_or_a_year_organising(int years, bool managementRole, HttpStatusCode expected)
    {
        var supervisor = await Seed.SupervisorAsync(app, "44");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            var row = (await db.Supervisors.FindAsync(supervisor.Id))!;
            row.YearsInEvaluation = years;
            row.ManagementOrTechnicalRole = managementRole;
            await db.SaveChangesAsync();
        }
        var response = await AppointAsync(supervisor.Id, "44", "2025-03-01");
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected == HttpStatusCode.UnprocessableEntity) (await response.Content.ReadAsStringAsync()).ShouldContain("gd.eligibility.experience");
    }

    [Theory]
    [InlineData("1959-03-02", HttpStatusCode.Created)]            // 65 on the start day
    [InlineData("1959-03-01", HttpStatusCode.UnprocessableEntity)] // his 66th birthday
    public async Task Beijing_E_Town_refuses_a_man_over_65_on_the_appointment_date(string born, HttpStatusCode expected)
    {
        var supervisor = await Seed.SupervisorAsync(app, "11.ETDZ", idNumber: Seed.IdNumber("110105", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), male: true));
        var response = await AppointAsync(supervisor.Id, "11", "2025-03-01");
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected == HttpStatusCode.UnprocessableEntity) (await response.Content.ReadAsStringAsync()).ShouldContain("bj.eligibility.age");
    }

    [Fact]
    public async Task A_pack_condition_does_not_reach_outside_its_jurisdiction()
    {
        var supervisor = await Seed.SupervisorAsync(app, "53", idNumber: Seed.IdNumber("530102", new DateOnly(1950, 1, 1), male: true));
        await YunnanApplications.ApprovedAsync(app, supervisor.Id); // YN 13: Yunnan's own precondition, met
        (await AppointAsync(supervisor.Id, "53", "2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
