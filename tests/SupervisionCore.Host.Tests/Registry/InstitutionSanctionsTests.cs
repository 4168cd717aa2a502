using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Features.Institutions;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;
using static SupervisionCore.Host.Tests.Registry.RegistryTestData;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class InstitutionSanctionsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Ladder = "cn.sanction.institution-ladder";
    private static readonly DateOnly Today = ChinaTime.DateOf(DateTimeOffset.UtcNow);

    private async Task<HttpClient> Admin() => app.CreateClient(await app.AdminTokenAsync());

    private async Task<Guid> NewInstitutionAsync(string jurisdiction = "44")
    {
        using var admin = await Admin();
        var response = await admin.PostJsonAsync("/api/v1/institutions", NewInstitution(jurisdiction));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> SanctionAsync(HttpClient client, Guid id, object body) =>
        client.PostJsonAsync($"/api/v1/institutions/{id}/sanctions", body);

    private static async Task<JsonElement> AcceptedAsync(HttpClient client, Guid id, object body)
    {
        var response = await SanctionAsync(client, id, body);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static async Task ShouldBeRefusedByTheLadderAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        var violation = problem.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem();
        violation.GetProperty("rule").GetString().ShouldBe(Ladder);
        violation.GetProperty("citation").GetString()!.ShouldContain("18");
    }

    private async Task<(string Status, int Count, uint Version)> StateAsync(Guid id)
    {
        using var admin = await Admin();
        var institution = await (await admin.GetAsync($"/api/v1/institutions/{id}")).ReadJsonAsync();
        var sanctions = await (await admin.GetAsync($"/api/v1/institutions/{id}/sanctions")).ReadJsonAsync();
        sanctions.GetProperty("status").GetString().ShouldBe(institution.GetProperty("status").GetString());
        return (institution.GetProperty("status").GetString()!, sanctions.GetProperty("count").GetInt32(), institution.GetProperty("version").GetUInt32());
    }

    private async Task<Kernel.Rules.RuleOutcome> CanReceiveAsync(Guid id, DateOnly on)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InstitutionStanding>().CanReceiveNewActivityAsync(id, on, CancellationToken.None);
    }

    [Fact]
    public async Task The_ladder_is_climbed_in_order_and_the_status_follows()
    {
        var id = await NewInstitutionAsync();
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        (await CanReceiveAsync(id, Today)).Passed.ShouldBeTrue();

        var notice = await AcceptedAsync(province, id, new { step = "notice-and-correction", ground = "refuse-materials", on = Today.AddDays(-40), correctionDeadline = Today.AddDays(-10) });
        notice.GetProperty("sanction").GetProperty("step").GetString().ShouldBe("notice-and-correction");
        notice.GetProperty("institution").GetProperty("status").GetString().ShouldBe("notified");
        (await StateAsync(id)).Status.ShouldBe("notified");

        // Deadline passed without correction (拒不改正): the recommendation needs no justification.
        var recommendation = await AcceptedAsync(province, id, new { step = "disciplinary-recommendation", ground = "refuse-correction", on = Today.AddDays(-5) });
        recommendation.GetProperty("institution").GetProperty("status").GetString().ShouldBe("notified");
        (await CanReceiveAsync(id, Today)).Passed.ShouldBeTrue();

        var disqualified = await AcceptedAsync(province, id, new { step = "disqualification", ground = "refuse-correction" });
        disqualified.GetProperty("sanction").GetProperty("on").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        disqualified.GetProperty("institution").GetProperty("status").GetString().ShouldBe("disqualified");

        var list = await (await province.GetAsync($"/api/v1/institutions/{id}/sanctions")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("step").GetString())
            .ShouldBe(["notice-and-correction", "disciplinary-recommendation", "disqualification"]);
        list.GetProperty("currentStep").GetString().ShouldBe("disqualification");
        list.GetProperty("status").GetString().ShouldBe("disqualified");

        // No further sanction, no new activity — but an activity dated before the disqualification was allowed.
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(province, id, new { step = "disqualification", ground = "other" }));
        var refused = await CanReceiveAsync(id, Today);
        refused.Passed.ShouldBeFalse();
        refused.Violations.ShouldHaveSingleItem().Rule.ShouldBe(Ladder);
        (await CanReceiveAsync(id, Today.AddDays(-1))).Passed.ShouldBeTrue();

        var audit = (await AuditOfAsync(app, id.ToString())).Where(e => e.GetProperty("action").GetString() == "institution.sanction").ToList();
        audit.Count.ShouldBe(3);
        audit.ShouldAllBe(e => e.GetProperty("rules").EnumerateArray().Any(r => r.GetString() == Ladder));
        audit[0].GetProperty("detail").GetString()!.ShouldContain("status active→notified");
        audit[2].GetProperty("detail").GetString()!.ShouldContain("status notified→disqualified");
        audit.ShouldAllBe(e => e.GetProperty("jurisdiction").GetString() == "44");
    }

    [Fact]
    public async Task Skipping_a_step_without_a_serious_justification_is_422_and_changes_nothing()
    {
        var id = await NewInstitutionAsync();
        using var admin = await Admin();
        var before = await StateAsync(id);
        var audit = await AuditCountAsync(app);

        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "disqualification", ground = "fraud" }));
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "disqualification", ground = "fraud", seriousJustification = "   " }));
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "disciplinary-recommendation", ground = "fraud" }));
        // A notice needs a correction deadline after the decision day.
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "notice-and-correction", ground = "fraud" }));
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "notice-and-correction", ground = "fraud", correctionDeadline = Today }));

        (await StateAsync(id)).ShouldBe(before);
        (await AuditCountAsync(app)).ShouldBe(audit);
        (await CanReceiveAsync(id, Today)).Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_serious_case_may_skip_steps_when_the_justification_is_recorded()
    {
        var id = await NewInstitutionAsync("44.A");
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        const string why = "伪造考生成绩，情节严重";
        var result = await AcceptedAsync(province, id, new { step = "disqualification", ground = "fraud", seriousJustification = why });
        result.GetProperty("sanction").GetProperty("seriousJustification").GetString().ShouldBe(why);
        result.GetProperty("institution").GetProperty("status").GetString().ShouldBe("disqualified");
        (await StateAsync(id)).Status.ShouldBe("disqualified");
        (await CanReceiveAsync(id, Today)).Violations.ShouldHaveSingleItem().Rule.ShouldBe(Ladder);

        var entry = (await AuditOfAsync(app, id.ToString())).Last();
        entry.GetProperty("action").GetString().ShouldBe("institution.sanction");
        entry.GetProperty("detail").GetString()!.ShouldContain("serious");
        entry.GetProperty("detail").GetString()!.ShouldNotContain(why); // free text stays out of the audit detail
    }

    [Fact]
    public async Task Escalating_before_the_correction_deadline_needs_a_serious_justification()
    {
        var id = await NewInstitutionAsync();
        using var admin = await Admin();
        await AcceptedAsync(admin, id, new { step = "notice-and-correction", ground = "obstruct-reporting", on = Today.AddDays(-3), correctionDeadline = Today.AddDays(20) });
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "disciplinary-recommendation", ground = "obstruct-reporting" }));
        var serious = await AcceptedAsync(admin, id, new { step = "disciplinary-recommendation", ground = "retaliation", seriousJustification = "打击报复督导员" });
        serious.GetProperty("institution").GetProperty("status").GetString().ShouldBe("notified");
        // The ladder never goes back: a notice after a recommendation is refused.
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(admin, id, new { step = "notice-and-correction", ground = "other", correctionDeadline = Today.AddDays(30) }));
        (await StateAsync(id)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("Unknown_step", "warning", "fraud", null, null, "step")]
    [InlineData("Unknown_ground", "notice-and-correction", "bribery", null, 10, "ground")]
    [InlineData("Enum_name_is_not_a_ground", "notice-and-correction", "Deception", null, 10, "ground")]
    [InlineData("Deadline_on_a_disqualification", "disqualification", "fraud", null, 10, "correctionDeadline")]
    [InlineData("Decision_in_the_future", "notice-and-correction", "fraud", 1, 10, "on")]
    public async Task Bad_input_is_400_naming_the_field_and_changes_nothing(string name, string step, string ground, int? onOffset, int? deadlineOffset, string field)
    {
        var id = await NewInstitutionAsync();
        using var admin = await Admin();
        var audit = await AuditCountAsync(app);
        var response = await SanctionAsync(admin, id, new
        {
            step, ground, on = onOffset is { } o ? Today.AddDays(o) : (DateOnly?)null,
            correctionDeadline = deadlineOffset is { } d ? Today.AddDays(d) : (DateOnly?)null, seriousJustification = "情节严重",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
        (await response.ReadJsonAsync()).NamesField(field).ShouldBeTrue(name);
        (await StateAsync(id)).ShouldBe(("active", 0, (await StateAsync(id)).Version));
        (await AuditCountAsync(app)).ShouldBe(audit);
    }

    [Theory]
    // name, where the institution is, step, ground, expected status, the rule (422) or the field (400) named, the citation (422)
    [InlineData("GD_22_ground_in_a_city", "44.A", "notice-and-correction", "gd.institution.refused-information", 201, null, null)]
    [InlineData("GD_22_ground_at_province_level", "44", "disciplinary-recommendation", "gd.institution.retaliation", 201, null, null)]
    [InlineData("CN_18_ground_in_Guangdong_unchanged", "44.A", "notice-and-correction", "refuse-materials", 201, null, null)]
    [InlineData("GD_22_ground_outside_Guangdong", "43", "notice-and-correction", "gd.institution.deception", 422, Ladder, "GD 22(四)")]
    [InlineData("GD_21_measure_on_a_GD_22_ground", "44.A", "non-renewal", "gd.institution.deception", 422, Ladder, "GD 22(四)")]
    [InlineData("GD_21_measure_on_a_CN_18_ground", "44.A", "non-renewal", "fraud", 422, Ladder, "CN 18")]
    [InlineData("GD_21_supervisor_ground_for_an_institution", "44.A", "notice-and-correction", "gd.dereliction", 400, "ground", null)]
    [InlineData("Unknown_GD_ground", "44.A", "notice-and-correction", "gd.institution.bribery", 400, "ground", null)]
    [InlineData("Unknown_step_on_a_GD_ground", "44.A", "warning", "gd.institution.other", 400, "step", null)]
    public async Task A_packs_institution_grounds_are_judged_by_where_the_institution_is(
        string name, string where, string step, string ground, int status, string? named, string? citation)
    {
        var id = await NewInstitutionAsync(where);
        using var admin = await Admin();
        var before = await StateAsync(id);
        var audit = await AuditCountAsync(app);
        var notice = step == "notice-and-correction";
        var response = await SanctionAsync(admin, id, new
        {
            step, ground, correctionDeadline = notice ? Today.AddDays(10) : (DateOnly?)null, seriousJustification = notice ? null : "情节严重",
        });
        var body = await response.ReadJsonAsync();
        ((int)response.StatusCode).ShouldBe(status, $"{name}: {body}");
        if (status != 201)
        {
            if (status == 422)
            {
                var violation = body.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem(name);
                violation.GetProperty("rule").GetString().ShouldBe(named, name);
                violation.GetProperty("citation").GetString().ShouldBe(citation, name);
            }
            else body.NamesField(named!).ShouldBeTrue(name);
            (await StateAsync(id)).ShouldBe(before, name);
            (await AuditCountAsync(app)).ShouldBe(audit, name);
            return;
        }
        body.GetProperty("sanction").GetProperty("ground").GetString().ShouldBe(ground, name);
        body.GetProperty("institution").GetProperty("status").GetString().ShouldBe("notified", name);
        var entry = (await AuditOfAsync(app, id.ToString())).Last(e => e.GetProperty("action").GetString() == "institution.sanction");
        string.Join(",", entry.GetProperty("rules").EnumerateArray().Select(r => r.GetString())).ShouldBe(Ladder, name); // GD 22 restates the CN 18 ladder
        entry.GetProperty("detail").GetString()!.ShouldContain($"ground={ground}", Case.Sensitive, name);
        if (ground.StartsWith("gd.", StringComparison.Ordinal)) entry.GetProperty("detail").GetString()!.ShouldContain("(GD 22(", Case.Sensitive, name);
    }

    [Fact]
    public async Task A_GD_22_ground_climbs_the_same_ladder_and_the_record_reads_back()
    {
        var id = await NewInstitutionAsync("44.B");
        using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        await AcceptedAsync(province, id, new { step = "notice-and-correction", ground = "gd.institution.ignored-opinion", on = Today.AddDays(-3), correctionDeadline = Today.AddDays(20) });
        // The ladder still decides: before the deadline, no recommendation without a serious justification, on a GD or a CN ground.
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(province, id, new { step = "disciplinary-recommendation", ground = "gd.institution.ignored-opinion" }));
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(province, id, new { step = "disciplinary-recommendation", ground = "refuse-correction" }));
        await AcceptedAsync(province, id, new { step = "disqualification", ground = "gd.institution.deception", seriousJustification = "伪造督导意见整改材料" });

        var list = await (await province.GetAsync($"/api/v1/institutions/{id}/sanctions")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("ground").GetString()).ShouldBe(["gd.institution.ignored-opinion", "gd.institution.deception"]);
        list.GetProperty("currentStep").GetString().ShouldBe("disqualification");
        (await StateAsync(id)).ShouldBe(("disqualified", 2, (await StateAsync(id)).Version));
        (await CanReceiveAsync(id, Today)).Violations.ShouldHaveSingleItem().Rule.ShouldBe(Ladder);
        await ShouldBeRefusedByTheLadderAsync(await SanctionAsync(province, id, new { step = "disqualification", ground = "gd.institution.other", seriousJustification = "再犯" }));
    }

    [Fact]
    public async Task A_step_cannot_be_dated_before_the_last_recorded_one()
    {
        var id = await NewInstitutionAsync();
        using var admin = await Admin();
        await AcceptedAsync(admin, id, new { step = "notice-and-correction", ground = "other", on = Today.AddDays(-10), correctionDeadline = Today.AddDays(-5) });
        var backdated = await SanctionAsync(admin, id, new { step = "disqualification", ground = "other", on = Today.AddDays(-11), seriousJustification = "情节严重" });
        backdated.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backdated.ReadJsonAsync()).NamesField("on").ShouldBeTrue();
        (await StateAsync(id)).ShouldBe(("notified", 1, (await StateAsync(id)).Version));
    }

    [Fact]
    public async Task Only_HRSS_administrations_decide_within_their_subtree_and_readers_see_the_record()
    {
        var gd = await NewInstitutionAsync("44.A");
        var yn = await NewInstitutionAsync("53");
        var body = new { step = "notice-and-correction", ground = "refuse-materials", correctionDeadline = Today.AddDays(15) };
        var audit = await AuditCountAsync(app);

        using (var other = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "53")))
            (await SanctionAsync(other, gd, body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var (role, jurisdiction) in new[] { (Roles.CenterOperator, "44.A"), (Roles.Auditor, "44"), (Roles.Supervisor, "44"), (Roles.InstitutionOperator, "44.A") })
        {
            using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
            (await SanctionAsync(client, gd, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }
        (await AuditCountAsync(app)).ShouldBe(audit);
        (await StateAsync(gd)).Status.ShouldBe("active");

        using (var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44")))
        {
            await AcceptedAsync(province, gd, body);
            (await SanctionAsync(province, yn, body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await province.GetAsync($"/api/v1/institutions/{yn}/sanctions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44")))
            (await (await auditor.GetAsync($"/api/v1/institutions/{gd}/sanctions")).ReadJsonAsync()).GetProperty("count").GetInt32().ShouldBe(1);
        using (var own = app.CreateClient(await app.UserTokenAsync(Roles.InstitutionOperator, "44.A", gd)))
        {
            var mine = await (await own.GetAsync($"/api/v1/institutions/{gd}/sanctions")).ReadJsonAsync();
            mine.GetProperty("currentStep").GetString().ShouldBe("notice-and-correction");
            (await own.GetAsync($"/api/v1/institutions/{yn}/sanctions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44")))
            (await supervisor.GetAsync($"/api/v1/institutions/{gd}/sanctions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_sanction_changes_the_version_so_a_patch_read_before_it_is_stale()
    {
        using var admin = await Admin();
        var id = await NewInstitutionAsync();
        var version = (await StateAsync(id)).Version;
        await AcceptedAsync(admin, id, new { step = "notice-and-correction", ground = "other", correctionDeadline = Today.AddDays(7) });
        (await admin.PatchJsonAsync($"/api/v1/institutions/{id}", new { name = "改名", version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
