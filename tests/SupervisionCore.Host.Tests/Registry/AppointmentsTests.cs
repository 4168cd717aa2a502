using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Jobs;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Appointments.Rules;
using static SupervisionCore.Host.Tests.Registry.SupervisorTestSupport;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class AppointmentsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static Task<HttpResponseMessage> AppointAsync(HttpClient client, Guid supervisor, string start, string? appointedBy = "44") =>
        client.PostAsJsonAsync($"/api/v1/supervisors/{supervisor}/appointments", new { appointedBy, start });

    private static async Task<JsonElement> AppointedAsync(HttpClient client, Guid supervisor, string start, string? appointedBy = "44")
    {
        var response = await AppointAsync(client, supervisor, start, appointedBy);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    [Fact]
    public async Task Three_terms_are_allowed_and_a_fourth_is_refused()
    {
        using var admin = await AdminAsync(app);
        var s = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        var first = await AppointedAsync(admin, s, "2015-01-01");
        first.GetProperty("termNumber").GetInt32().ShouldBe(1);
        first.GetProperty("end").GetString().ShouldBe("2017-12-31");
        first.GetProperty("status").GetString().ShouldBe("expired");
        (await AppointedAsync(admin, s, "2018-01-01")).GetProperty("termNumber").GetInt32().ShouldBe(2);
        var third = await AppointedAsync(admin, s, "2021-01-01");
        third.GetProperty("termNumber").GetInt32().ShouldBe(3);
        var fourth = await AppointAsync(admin, s, "2024-01-01");
        fourth.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await fourth.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.appointment.max-terms"]);
        (await (await admin.GetAsync($"/api/v1/supervisors/{s}/appointments")).ReadJsonAsync()).GetProperty("count").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task An_overlapping_renewal_and_missing_conditions_are_refused_with_every_violation()
    {
        using var admin = await AdminAsync(app);
        var s = (await RegisterAsync(admin, Body(Seed.IdNumber(), attested: false))).Id();
        var refused = await AppointAsync(admin, s, "2024-01-01");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var rules = (await refused.ReadJsonAsync()).ViolatedRules();
        rules.Length.ShouldBe(5);
        rules.ShouldAllBe(r => r == "cn.supervisor.conditions");

        var ok = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        await AppointedAsync(admin, ok, "2024-01-01");
        var overlap = await AppointAsync(admin, ok, "2026-12-31");
        overlap.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await overlap.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.appointment.term"]);
        (await AppointedAsync(admin, ok, "2027-01-01")).GetProperty("status").GetString().ShouldBe("not-started");
    }

    [Fact]
    public async Task A_failed_assessment_blocks_renewal_only_once_the_body_decides_not_to_renew()
    {
        using var admin = await AdminAsync(app);
        var s = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        var term = (await AppointedAsync(admin, s, "2020-01-01")).GetProperty("id").GetGuid();
        var url = $"/api/v1/supervisors/{s}/appointments/{term}/non-renewal";

        // CN 11 "视情况": no failed assessment, no non-renewal decision.
        var groundless = await admin.PostAsJsonAsync(url, new { decidedOn = "2021-07-01", note = "考核不合格，不予续聘" });
        groundless.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await groundless.ReadJsonAsync()).ViolatedRules().ShouldBe(["cn.assessment.failed"]);

        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/trainings", new { kind = "assessment", date = "2021-06-01", passed = false })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // A failed assessment alone refuses nothing: the body decides.
        var before = await admin.GetAsync($"/api/v1/supervisors/{s}/appointments");
        var listed = (await before.ReadJsonAsync()).GetProperty("items")[0];
        (!listed.TryGetProperty("notRenewedOn", out var none) || none.ValueKind == System.Text.Json.JsonValueKind.Null).ShouldBeTrue(listed.ToString());

        var decided = await admin.PostAsJsonAsync(url, new { decidedOn = "2021-07-01", note = "年度考核不合格，经研究决定聘期届满后不予续聘" });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        (await decided.ReadJsonAsync()).GetProperty("notRenewedOn").GetString().ShouldBe("2021-07-01");
        (await admin.PostAsJsonAsync(url, new { decidedOn = "2021-08-01", note = "再次决定" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var renewal = await AppointAsync(admin, s, "2023-01-01");
        renewal.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await renewal.ReadJsonAsync();
        problem.ViolatedRules().ShouldBe(["cn.assessment.failed"]);
        problem.GetProperty("violations")[0].GetProperty("citation").GetString().ShouldBe("CN 11");
    }

    [Fact]
    public async Task A_failed_assessment_without_a_decision_does_not_refuse_the_renewal()
    {
        using var admin = await AdminAsync(app);
        var s = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        await AppointedAsync(admin, s, "2020-01-01");
        (await admin.PostAsJsonAsync($"/api/v1/supervisors/{s}/trainings", new { kind = "assessment", date = "2021-06-01", passed = false })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AppointedAsync(admin, s, "2023-01-01")).GetProperty("termNumber").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_term_is_active_on_its_last_day_and_expired_the_day_after()
    {
        using var admin = await AdminAsync(app);
        var today = TodayInChina;
        var endsToday = today.AddDays(1).AddYears(-3);
        TermRule.EndOf(endsToday).ShouldBe(today);
        var endedYesterday = today.AddYears(-3);
        TermRule.EndOf(endedYesterday).ShouldBe(today.AddDays(-1));
        var a = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        var b = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        (await AppointedAsync(admin, a, endsToday.ToString("yyyy-MM-dd"))).GetProperty("status").GetString().ShouldBe("active");
        (await AppointedAsync(admin, b, endedYesterday.ToString("yyyy-MM-dd"))).GetProperty("status").GetString().ShouldBe("expired");
        var standing = (await (await admin.GetAsync($"/api/v1/supervisors/{a}")).ReadJsonAsync()).GetProperty("standing");
        standing.GetProperty("appointment").GetProperty("status").GetString().ShouldBe("active");
        standing.GetProperty("dispatchable").GetBoolean().ShouldBeFalse(); // no card
    }

    [Fact]
    public async Task The_appointing_body_must_cover_the_supervisor_and_an_internal_one_is_its_institution()
    {
        using var admin = await AdminAsync(app);
        var s = (await RegisterAsync(admin, Body(Seed.IdNumber()))).Id();
        (await AppointAsync(admin, s, "2024-01-01", "45")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AppointAsync(admin, s, "2024-01-01", "no-such")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AppointAsync(admin, s, "2024-01-01", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AppointedAsync(admin, s, "2024-01-01", "00")).GetProperty("appointedBy").GetString().ShouldBe("00");

        var institution = await Seed.InstitutionAsync(app, "44");
        using var op = await UserAsync(app, Roles.InstitutionOperator, "44", institution: institution.Id);
        var internalOne = (await RegisterAsync(op, Body(Seed.IdNumber(), institution: institution.Id))).Id();
        (await AppointedAsync(op, internalOne, "2024-01-01", null)).GetProperty("appointedBy").GetString().ShouldBe(institution.Id.ToString());
        (await AppointAsync(op, s, "2027-01-01", "44")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var auditor = await ClientAsync(app, Roles.Auditor, "44");
        (await AppointAsync(auditor, s, "2027-01-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_expiry_job_records_each_expiry_once()
    {
        var supervisor = await Seed.SupervisorAsync(app, "44", idNumber: Seed.IdNumber());
        var today = TodayInChina;
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, AppointedBy = "44", TermNumber = 1,
            Start = today.AddYears(-3), End = today.AddDays(-1), CreatedAt = DateTimeOffset.UtcNow,
        };
        var running = new Appointment
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, AppointedBy = "00", TermNumber = 1,
            Start = today.AddDays(1).AddYears(-3), End = today, CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.Appointments.AddRange(appointment, running);
            await db.SaveChangesAsync();
        }
        var job = app.Services.GetServices<IHostedService>().OfType<AppointmentExpiryJob>().Single();
        await RunAsync(job);
        (await ExpiriesAsync(appointment.Id)).ShouldBe(1);
        (await ExpiriesAsync(running.Id)).ShouldBe(0);
        await RunAsync(job);
        (await ExpiriesAsync(appointment.Id)).ShouldBe(1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            (await db.Appointments.SingleAsync(a => a.Id == appointment.Id)).ExpiryRecorded.ShouldBeTrue();
            (await db.Appointments.SingleAsync(a => a.Id == running.Id)).ExpiryRecorded.ShouldBeFalse();
            var entry = await db.AuditEntries.SingleAsync(e => e.TargetId == appointment.Id.ToString());
            entry.Rules.ShouldBe(["cn.appointment.term"]);
            entry.Jurisdiction.ShouldBe("44");
        }
    }

    /// <summary>One round; the Host's own scheduled round may hold the cluster lock for a moment, then this one runs.</summary>
    private static async Task RunAsync(AppointmentExpiryJob job)
    {
        for (var attempt = 0; attempt < 50 && !await job.TryRunAsync(CancellationToken.None); attempt++) await Task.Delay(100);
    }

    private async Task<int> ExpiriesAsync(Guid appointment)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        return await db.AuditEntries.CountAsync(e => e.Action == "appointment.expire" && e.TargetId == appointment.ToString());
    }
}
