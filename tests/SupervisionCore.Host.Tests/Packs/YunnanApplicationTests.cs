using System.Net;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>YN 13 (资格申报): apply → recommend → review as a workflow before the first appointment in 53, audited, with its printable form.</summary>
public sealed class YunnanApplicationTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task A_first_appointment_in_Yunnan_waits_for_an_application_applied_recommended_and_approved()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        var idNumber = Seed.IdNumber("530103");
        var s = await Seed.SupervisorAsync(app, "53", "internal", institution.Id, idNumber: idNumber, name: "钱督导");
        using var self = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "53", supervisorId: s.Id));
        using var employer = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "53", institutionId: institution.Id));
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var appoint = $"/api/v1/supervisors/{s.Id}/appointments";

        var none = await employer.PostJsonAsync(appoint, new { start = "2025-04-01" });
        none.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await none.ReadJsonAsync()).ViolatedRules().ShouldBe(["yn.application"]);

        // 本人提出申请.
        var applied = await self.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId = s.Id, appliedOn = "2025-03-01", statement = "承担考评工作5年，考评优秀", employer = "某评价机构" });
        var application = await applied.ReadJsonAsync();
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, application.ToString());
        application.GetProperty("state").GetString().ShouldBe("applied");
        var id = application.GetProperty("id").GetGuid();
        (await self.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId = s.Id, appliedOn = "2025-03-02", statement = "再次申请" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // No step skipped: a review before the employer's recommendation is refused.
        var early = await employer.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/review", new { on = "2025-03-10", decision = "approve" });
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await early.ReadJsonAsync()).ViolatedRules().ShouldBe(["yn.application"]);
        // A supervisor cannot recommend themselves.
        (await self.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/recommendation", new { on = "2025-03-05", opinion = "自荐" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var recommended = await employer.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/recommendation", new { on = "2025-03-05", opinion = "该同志符合任职条件，同意推荐" });
        recommended.StatusCode.ShouldBe(HttpStatusCode.OK, await recommended.Content.ReadAsStringAsync());
        var reviewed = await employer.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/review", new { on = "2025-03-20", decision = "approve", note = "符合条件，同意" });
        var review = await reviewed.ReadJsonAsync();
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, review.ToString());
        review.GetProperty("state").GetString().ShouldBe("approved");

        // Approved on 2025-03-20: an appointment from 2025-03-19 is still refused, from 2025-03-20 allowed.
        var before = await employer.PostJsonAsync(appoint, new { start = "2025-03-19" });
        (await before.ReadJsonAsync()).ViolatedRules().ShouldBe(["yn.application"]);
        var appointed = await employer.PostJsonAsync(appoint, new { start = "2025-03-20" });
        appointed.StatusCode.ShouldBe(HttpStatusCode.Created, await appointed.Content.ReadAsStringAsync());

        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync());
        audit.ShouldBe(["yn.application.apply", "yn.application.recommend", "yn.application.review"]);
        var appointmentRules = await app.DbAsync(db => db.AuditEntries.Where(e => e.Action == "appointment.create").OrderByDescending(e => e.Seq).Select(e => e.Rules).FirstAsync());
        appointmentRules.ShouldContain("yn.application");

        // The printable 资格申报表, personal data masked.
        var form = await self.GetAsync($"/api/v1/regions/yn/applications/{id}?format=html");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await form.Content.ReadAsStringAsync();
        page.ShouldContain("职业技能等级认定质量督导人员资格申报表");
        page.ShouldContain("钱督导");
        page.ShouldContain("该同志符合任职条件，同意推荐");
        page.ShouldNotContain(idNumber);
    }

    [Fact]
    public async Task A_rejected_application_states_its_reason_and_opens_no_appointment()
    {
        var s = await Seed.SupervisorAsync(app, "53", idNumber: Seed.IdNumber("530104"));
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var id = (await (await centre.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId = s.Id, appliedOn = "2025-03-01", statement = "申请" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        (await centre.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/recommendation", new { on = "2025-03-02", opinion = "同意推荐" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reasonless = await centre.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/review", new { on = "2025-03-03", decision = "reject" });
        reasonless.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await centre.PostJsonAsync($"/api/v1/regions/yn/applications/{id}/review", new { on = "2025-03-03", decision = "reject", note = "不满足第六条第（三）项" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var appoint = await centre.PostJsonAsync($"/api/v1/supervisors/{s.Id}/appointments", new { appointedBy = "53", start = "2025-04-01" });
        (await appoint.ReadJsonAsync()).ViolatedRules().ShouldContain("yn.application");
        // A rejected application may be followed by a new one.
        (await centre.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId = s.Id, appliedOn = "2025-04-02", statement = "补充材料后重新申请" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Outside Yunnan nothing of YN 13 applies.
        var hunan = await Seed.SupervisorAsync(app, "43", idNumber: Seed.IdNumber("430105"));
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync($"/api/v1/supervisors/{hunan.Id}/appointments", new { appointedBy = "43", start = "2025-04-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/regions/yn/applications", new { supervisorId = hunan.Id, appliedOn = "2025-03-01", statement = "申请" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
