using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>专项督导程序 (cn.special.procedure, CN 15): steps in order, the rebuttal period, who records what.</summary>
public sealed class SpecialProcedureTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    // Each scene lives in a province of its own (one shared database per class).
    private static readonly string[] Provinces = ["44", "45", "46", "50", "51", "52", "61", "62", "63", "64", "65", "35", "36", "37", "41", "42"];
    private static int _nextProvince = -1;

    private static readonly DateOnly Today = ChinaTime.DateOf(DateTimeOffset.UtcNow);

    private sealed record Scene(string Province, Guid InstitutionId, Guid TaskId, HttpClient Dispatcher, HttpClient Institution) : IDisposable
    {
        public string Steps => $"/api/v1/supervision-tasks/{TaskId}/special-procedure/steps";

        public void Dispose()
        {
            Dispatcher.Dispose();
            Institution.Dispose();
        }
    }

    private async Task<Scene> SceneAsync(string kind = "special")
    {
        var p = Provinces[Interlocked.Increment(ref _nextProvince) % Provinces.Length];
        var institution = await Seed.InstitutionAsync(app, p);
        var dispatcher = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, p));
        var created = await dispatcher.PostJsonAsync("/api/v1/supervision-tasks", new
        {
            kind, authorityId = p, institutionId = institution.Id, matters = new[] { "评价机构资质条件", "考务管理" },
            windowStart = "2025-06-01T09:00:00+08:00", windowEnd = "2025-06-30T17:00:00+08:00",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var task = await created.ReadJsonAsync();
        var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, p, institutionId: institution.Id));
        return new Scene(p, institution.Id, task.GetProperty("id").GetGuid(), dispatcher, operatorClient);
    }

    private static object Step(string step, DateOnly on, DateOnly? rebuttalDue = null, string text = "记录") => new
    {
        step, text, on = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        rebuttalDue = rebuttalDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        attachments = new[] { new { name = "意见.pdf", mediaType = "application/pdf", size = 1024L, sha256 = new string('a', 64) } },
    };

    private static async Task<JsonElement> ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadJsonAsync();
        var violation = problem.GetProperty("violations")[0];
        violation.GetProperty("rule").GetString().ShouldBe("cn.special.procedure");
        violation.GetProperty("citation").GetString().ShouldBe("CN 15");
        return problem;
    }

    [Fact]
    public async Task The_whole_procedure_in_order_with_the_institutions_rebuttal_closes_the_task()
    {
        using var s = await SceneAsync();
        var selfReport = await s.Institution.PostJsonAsync(s.Steps, Step("self-report", Today.AddDays(-32), text: "自查报告：考务管理制度已修订"));
        selfReport.StatusCode.ShouldBe(HttpStatusCode.Created, await selfReport.Content.ReadAsStringAsync());
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("site-visit", Today.AddDays(-30)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("preliminary-opinion", Today.AddDays(-25), Today.AddDays(-15)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var rebuttal = await s.Institution.PostJsonAsync(s.Steps, Step("rebuttal", Today.AddDays(-20), text: "申辩：考场监控已修复"));
        rebuttal.StatusCode.ShouldBe(HttpStatusCode.Created, await rebuttal.Content.ReadAsStringAsync());
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("opinion-letter", Today.AddDays(-10)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("rectification-report", Today.AddDays(-2)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var closed = await s.Dispatcher.PostJsonAsync(s.Steps, Step("closed", Today));
        closed.StatusCode.ShouldBe(HttpStatusCode.Created);

        var procedure = await (await s.Institution.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).ReadJsonAsync();
        procedure.GetProperty("steps").EnumerateArray().Select(x => x.GetProperty("step").GetString())
            .ShouldBe(["self-report", "site-visit", "preliminary-opinion", "rebuttal", "opinion-letter", "rectification-report", "closed"]);
        procedure.GetProperty("next").GetArrayLength().ShouldBe(0);
        procedure.GetProperty("closed").GetBoolean().ShouldBeTrue();
        procedure.GetProperty("rebuttalDue").GetString().ShouldBe(Today.AddDays(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        procedure.GetProperty("steps")[3].GetProperty("attachments")[0].GetProperty("sha256").GetString().ShouldBe(new string('a', 64));
        var task = await (await s.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}")).ReadJsonAsync();
        task.GetProperty("status").GetString().ShouldBe("closed");

        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, s.Province));
        var audit = await (await auditor.GetAsync($"/api/v1/audit?action=special-procedure.step&targetId={s.TaskId}")).ReadJsonAsync();
        audit.GetProperty("items").GetArrayLength().ShouldBe(7);
        audit.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("rules")[0].GetString() == "cn.special.procedure");
    }

    [Fact]
    public async Task Skipping_the_site_visit_or_repeating_a_step_is_409_naming_the_rule_and_changes_nothing()
    {
        using var s = await SceneAsync();
        await ShouldBeRefusedAsync(await s.Dispatcher.PostJsonAsync(s.Steps, Step("preliminary-opinion", Today, Today.AddDays(10))), HttpStatusCode.Conflict);
        await ShouldBeRefusedAsync(await s.Dispatcher.PostJsonAsync(s.Steps, Step("opinion-letter", Today)), HttpStatusCode.Conflict);
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("self-report", Today.AddDays(-4)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("site-visit", Today.AddDays(-3)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeRefusedAsync(await s.Dispatcher.PostJsonAsync(s.Steps, Step("site-visit", Today.AddDays(-2))), HttpStatusCode.Conflict);
        await ShouldBeRefusedAsync(await s.Dispatcher.PostJsonAsync(s.Steps, Step("rectification-report", Today)), HttpStatusCode.Conflict);

        var procedure = await (await s.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).ReadJsonAsync();
        procedure.GetProperty("steps").GetArrayLength().ShouldBe(2);
        procedure.GetProperty("next").EnumerateArray().Select(x => x.GetString()).ShouldBe(["preliminary-opinion"]);
    }

    [Fact]
    public async Task Without_a_rebuttal_the_opinion_letter_waits_until_the_period_has_passed()
    {
        using var open = await SceneAsync();
        (await open.Institution.PostJsonAsync(open.Steps, Step("self-report", Today.AddDays(-6)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await open.Dispatcher.PostJsonAsync(open.Steps, Step("site-visit", Today.AddDays(-5)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await open.Dispatcher.PostJsonAsync(open.Steps, Step("preliminary-opinion", Today.AddDays(-4), rebuttalDue: Today))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeRefusedAsync(await open.Dispatcher.PostJsonAsync(open.Steps, Step("opinion-letter", Today)), HttpStatusCode.Conflict); // due day: period still open
        var next = await (await open.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{open.TaskId}/special-procedure")).ReadJsonAsync();
        next.GetProperty("next").EnumerateArray().Select(x => x.GetString()).ShouldBe(["rebuttal"]);

        using var passed = await SceneAsync();
        (await passed.Institution.PostJsonAsync(passed.Steps, Step("self-report", Today.AddDays(-6)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await passed.Dispatcher.PostJsonAsync(passed.Steps, Step("site-visit", Today.AddDays(-5)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await passed.Dispatcher.PostJsonAsync(passed.Steps, Step("preliminary-opinion", Today.AddDays(-4), rebuttalDue: Today.AddDays(-1)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        next = await (await passed.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{passed.TaskId}/special-procedure")).ReadJsonAsync();
        next.GetProperty("next").EnumerateArray().Select(x => x.GetString()).ShouldBe(["rebuttal", "opinion-letter"]);
        await ShouldBeRefusedAsync(await passed.Institution.PostJsonAsync(passed.Steps, Step("rebuttal", Today)), HttpStatusCode.UnprocessableEntity); // the day after the due day
        (await passed.Dispatcher.PostJsonAsync(passed.Steps, Step("opinion-letter", Today))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_the_institution_concerned_records_a_rebuttal_and_only_dispatchers_the_other_steps()
    {
        using var s = await SceneAsync();
        (await s.Institution.PostJsonAsync(s.Steps, Step("site-visit", Today))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, s.Province));
        (await auditor.PostJsonAsync(s.Steps, Step("site-visit", Today))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await Seed.InstitutionAsync(app, s.Province);
        using var otherInstitution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, s.Province, institutionId: other.Id));
        (await otherInstitution.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherInstitution.PostJsonAsync(s.Steps, Step("rebuttal", Today))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherProvince = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, s.Province == "11" ? "12" : "11"));
        (await otherProvince.PostJsonAsync(s.Steps, Step("site-visit", Today))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherProvince.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_is_400_and_a_daily_task_has_no_special_procedure()
    {
        using var s = await SceneAsync();
        var noDue = await s.Dispatcher.PostJsonAsync(s.Steps, Step("preliminary-opinion", Today));
        noDue.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDue.Content.ReadAsStringAsync()).ShouldContain("rebuttalDue");
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("appeal", Today))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Dispatcher.PostJsonAsync(s.Steps, new { step = "site-visit", on = "2025-06-01", attachments = new[] { new { name = "a", mediaType = "pdf", size = 1, sha256 = "x" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeRefusedAsync(await s.Dispatcher.PostJsonAsync(s.Steps, Step("site-visit", Today.AddDays(1))), HttpStatusCode.UnprocessableEntity); // not in the future

        using var daily = await SceneAsync("daily");
        await ShouldBeRefusedAsync(await daily.Dispatcher.PostJsonAsync(daily.Steps, Step("site-visit", Today)), HttpStatusCode.UnprocessableEntity);
        (await daily.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{daily.TaskId}/special-procedure")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_preliminary_opinion_before_the_institutions_self_report_409_naming_cn_special_self_report()
    {
        using var s = await SceneAsync();
        var before = await (await s.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).ReadJsonAsync();
        before.GetProperty("next").EnumerateArray().Select(x => x.GetString()).ShouldBe(["self-report", "site-visit"]);
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("site-visit", Today.AddDays(-5)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var next = await (await s.Dispatcher.GetAsync($"/api/v1/supervision-tasks/{s.TaskId}/special-procedure")).ReadJsonAsync();
        next.GetProperty("next").EnumerateArray().Select(x => x.GetString()).ShouldBe(["self-report"]);

        var refused = await s.Dispatcher.PostJsonAsync(s.Steps, Step("preliminary-opinion", Today.AddDays(-3), Today.AddDays(5)));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        var violation = (await refused.ReadJsonAsync()).GetProperty("violations")[0];
        violation.GetProperty("rule").GetString().ShouldBe("cn.special.self-report");
        violation.GetProperty("citation").GetString().ShouldBe("CN 15(二)");

        // The institution hands in its report after the visit (the text asks only that the group reviews it before its opinion).
        (await s.Institution.PostJsonAsync(s.Steps, Step("self-report", Today.AddDays(-4), text: "自查报告"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var dated = await s.Dispatcher.PostJsonAsync(s.Steps, Step("preliminary-opinion", Today.AddDays(-5), Today.AddDays(5)));
        dated.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await dated.Content.ReadAsStringAsync()); // before the report
        (await dated.ReadJsonAsync()).GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()).ShouldContain("cn.special.self-report");
        (await s.Dispatcher.PostJsonAsync(s.Steps, Step("preliminary-opinion", Today.AddDays(-4), Today.AddDays(5)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var late = await s.Institution.PostJsonAsync(s.Steps, Step("self-report", Today));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict); // repeated, and past the opinion
    }

    [Fact]
    public async Task A_special_task_forms_its_group_only_once_its_matters_are_fixed_and_they_stay_fixed()
    {
        var p = Provinces[Interlocked.Increment(ref _nextProvince) % Provinces.Length];
        var institution = await Seed.InstitutionAsync(app, p);
        var supervisor = await Seed.DispatchableAsync(app, p, authorityId: p);
        using var op = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, p));
        var created = await op.PostJsonAsync("/api/v1/supervision-tasks", new
        {
            kind = "special", authorityId = p, institutionId = institution.Id, matters = Array.Empty<string>(),
            windowStart = "2025-06-01T09:00:00+08:00", windowEnd = "2025-06-30T17:00:00+08:00",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var taskId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        static async Task<string[]> RulesAsync(HttpResponseMessage r) =>
            [.. (await r.ReadJsonAsync()).GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];
        var draw = await op.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/draws", new { count = 3 });
        draw.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await draw.Content.ReadAsStringAsync());
        (await RulesAsync(draw)).ShouldContain("cn.special.matters");
        var assign = await op.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/assignments", new { supervisorId = supervisor.Id, role = "external" });
        assign.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await assign.Content.ReadAsStringAsync());
        (await RulesAsync(assign)).ShouldBe(["cn.special.matters"]);

        var blank = await op.PutAsJsonAsync($"/api/v1/supervision-tasks/{taskId}/matters", new { matters = new[] { " " } });
        blank.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await RulesAsync(blank)).ShouldBe(["cn.special.matters"]);
        (await op.PutAsJsonAsync($"/api/v1/supervision-tasks/{taskId}/matters", new { matters = (string[]?)null })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fixedMatters = await op.PutAsJsonAsync($"/api/v1/supervision-tasks/{taskId}/matters", new { matters = new[] { "考务管理", " 考务管理 ", "证书管理与发放" } });
        fixedMatters.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedMatters.Content.ReadAsStringAsync());
        (await fixedMatters.ReadJsonAsync()).GetProperty("matters").EnumerateArray().Select(m => m.GetString()).ShouldBe(["考务管理", "证书管理与发放"]);

        var assigned = await op.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/assignments", new { supervisorId = supervisor.Id, role = "external" });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Created, await assigned.Content.ReadAsStringAsync());
        var late = await op.PutAsJsonAsync($"/api/v1/supervision-tasks/{taskId}/matters", new { matters = new[] { "考场秩序" } });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RulesAsync(late)).ShouldBe(["cn.special.matters"]);
        var task = await (await op.GetAsync($"/api/v1/supervision-tasks/{taskId}")).ReadJsonAsync();
        task.GetProperty("matters").GetArrayLength().ShouldBe(2);

        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, p));
        var audit = await (await auditor.GetAsync($"/api/v1/audit?action=task.matters&targetId={taskId}")).ReadJsonAsync();
        audit.GetProperty("items").GetArrayLength().ShouldBe(1);
        audit.GetProperty("items")[0].GetProperty("rules")[0].GetString().ShouldBe("cn.special.matters");
    }

    [Fact]
    public async Task A_cancelled_special_task_records_no_step_409_naming_the_rule()
    {
        using var s = await SceneAsync();
        var cancelled = await s.Dispatcher.PostJsonAsync($"/api/v1/supervision-tasks/{s.TaskId}/cancellation", new { reason = "评价活动取消" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        await ShouldBeRefusedAsync(await s.Dispatcher.PostJsonAsync(s.Steps, Step("site-visit", Today)), HttpStatusCode.Conflict);
    }
}
