using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Usability;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// GD 第十七条 through the API with the pack loaded from disk: checks on a daily task (gd.daily.checks), a measure against the
/// institution (gd.daily.measures), its rectification reviewed to closure (gd.daily.rectification), the printed 提醒函 and
/// 质量通报 measured in headless Chromium, access and audit.
/// </summary>
public sealed partial class GuangdongDailySupervisionTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly string Today = ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Scene(Guid InstitutionId, Guid TaskId, Guid SupervisorId, Guid AssignmentId, HttpClient Centre, HttpClient Supervisor, HttpClient Institution) : IDisposable
    {
        public void Dispose()
        {
            Centre.Dispose();
            Supervisor.Dispose();
            Institution.Dispose();
        }
    }

    /// <summary>A Guangzhou institution, an activity on 2025-06-10, a daily task and an external supervisor invited to it (accepted when asked).</summary>
    private async Task<Scene> SceneAsync(bool accept = true, string kind = "daily")
    {
        var institution = await Seed.InstitutionAsync(app, "44.A");
        var supervisor = await Seed.DispatchableAsync(app, "44.A", authorityId: "44");
        var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.A"));
        var activity = await centre.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "GD-2025-017",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 60,
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid();
        var task = await centre.PostJsonAsync("/api/v1/supervision-tasks", new { kind, authorityId = "44.A", activityId, matters = new[] { "考场秩序", "评价档案" } });
        task.StatusCode.ShouldBe(HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
        var taskId = (await task.ReadJsonAsync()).GetProperty("id").GetGuid();
        var assigned = await centre.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/assignments", new { supervisorId = supervisor.Id, role = "external" });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Created, await assigned.Content.ReadAsStringAsync());
        var assignmentId = (await assigned.ReadJsonAsync()).GetProperty("id").GetGuid();
        var supervisorClient = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: supervisor.Id));
        if (accept)
        {
            var accepted = await supervisorClient.PostAsync($"/api/v1/assignments/{assignmentId}/acceptance", null);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        }
        var institutionClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: institution.Id));
        return new Scene(institution.Id, taskId, supervisor.Id, assignmentId, centre, supervisorClient, institutionClient);
    }

    private static object Sampling(Guid taskId, string on = "2025-06-10", int files = 20, int videos = 3) => new
    {
        taskId, kind = "sampling", on, filesSampled = files, videosSampled = videos,
        findings = "抽查20份认定档案，3份缺少考评员签名；抽查3段考场录像，1段时长不完整。", problemsFound = true,
    };

    private static object Letter(Guid taskId, string kind = "reminder-letter", string? due = "2025-07-15") => new
    {
        taskId, kind, on = "2025-06-15", number = "穗技督提〔2025〕3号", scope = kind == "quality-notice" ? "全市各评价机构" : null, issuedBy = "广州市职业技能鉴定指导中心",
        findings = "认定档案缺少考评员签名，考场录像不完整。", requirements = "请于整改期限内补齐签名、完善录像管理，并报送整改情况。", rectificationDue = due,
    };

    private static async Task<string[]> RulesAsync(HttpResponseMessage response) =>
        [.. (await response.ReadJsonAsync()).GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];

    [Fact]
    public async Task A_check_then_a_reminder_letter_then_the_rectification_returned_once_and_accepted_closes_the_measure()
    {
        using var s = await SceneAsync();
        var briefing = await s.Supervisor.PostJsonAsync("/api/v1/regions/gd/daily-checks", new { taskId = s.TaskId, kind = "briefing", on = "2025-06-09", findings = "听取评价机构汇报：本次认定60人，考评员6名。" });
        briefing.StatusCode.ShouldBe(HttpStatusCode.Created, await briefing.Content.ReadAsStringAsync());
        var check = await s.Supervisor.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId));
        check.StatusCode.ShouldBe(HttpStatusCode.Created, await check.Content.ReadAsStringAsync());
        var recorded = await check.ReadJsonAsync();
        recorded.GetProperty("supervisorId").GetGuid().ShouldBe(s.SupervisorId);
        recorded.GetProperty("rule").GetString().ShouldBe("gd.daily.checks");
        var checks = await (await s.Centre.GetAsync($"/api/v1/regions/gd/daily-checks?taskId={s.TaskId}")).ReadJsonAsync();
        checks.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ShouldBe(["briefing", "sampling"]);

        var issued = await s.Centre.PostJsonAsync("/api/v1/regions/gd/measures", Letter(s.TaskId));
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var measure = await issued.ReadJsonAsync();
        var id = measure.GetProperty("id").GetGuid();
        measure.GetProperty("institutionId").GetGuid().ShouldBe(s.InstitutionId);
        measure.GetProperty("status").GetString().ShouldBe("open");
        measure.GetProperty("formId").GetString().ShouldBe("gd.reminder-letter");

        // The institution sees its measure and reports; the centre returns it once, then accepts the second report.
        var mine = await (await s.Institution.GetAsync("/api/v1/regions/gd/measures")).ReadJsonAsync();
        mine.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([id]);
        var first = await s.Institution.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/rectifications", new { on = "2025-07-01", text = "已补齐签名。" });
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        (await first.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("rectification-submitted");
        var again = await s.Institution.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/rectifications", new { on = "2025-07-02", text = "补充" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RulesAsync(again)).ShouldBe(["gd.daily.rectification"]);
        var returned = await s.Centre.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/review", new { decision = "return", on = "2025-07-03", note = "录像管理未整改，退回。" });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        (await returned.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("open");
        var late = await s.Institution.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/rectifications", new { on = "2025-07-16", text = "已完善录像管理制度并补录。" });
        late.StatusCode.ShouldBe(HttpStatusCode.Created, await late.Content.ReadAsStringAsync());
        var rounds = (await late.ReadJsonAsync()).GetProperty("rectifications");
        rounds.GetArrayLength().ShouldBe(2);
        rounds[0].GetProperty("review").GetString().ShouldBe("returned");
        rounds[1].GetProperty("late").GetBoolean().ShouldBeTrue(); // the day after the deadline: flagged, not refused
        var closed = await s.Centre.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/review", new { decision = "accept", on = "2025-07-20", note = "整改到位，予以结案。" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var done = await closed.ReadJsonAsync();
        done.GetProperty("status").GetString().ShouldBe("closed");
        done.GetProperty("closedOn").GetString().ShouldBe("2025-07-20");
        (await s.Centre.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/review", new { decision = "accept", on = "2025-07-21", note = "再次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var actions = await app.DbAsync(db => db.AuditEntries.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Seq).Select(e => new { e.Action, e.Rules }).ToListAsync());
        actions.Select(a => a.Action).ShouldBe(["gd.measure.issue", "gd.measure.rectify", "gd.measure.review", "gd.measure.rectify", "gd.measure.review"]);
        actions[0].Rules.ShouldBe(["gd.daily.measures"]);
        actions.Skip(1).ShouldAllBe(a => a.Rules.Contains("gd.daily.rectification"));
    }

    [Fact]
    public async Task Checks_follow_gd_daily_checks_and_a_supervisor_only_invited_or_not_dispatched_records_none()
    {
        using var s = await SceneAsync(accept: false);
        var invited = await s.Supervisor.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId));
        invited.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await invited.Content.ReadAsStringAsync());
        (await RulesAsync(invited)).ShouldBe(["gd.daily.checks"]);
        var before = await s.Centre.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId, on: "2025-06-09"));
        before.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await RulesAsync(before)).ShouldBe(["gd.daily.checks"]);
        var nothing = await s.Centre.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId, files: 0, videos: 0));
        nothing.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await s.Centre.PostJsonAsync("/api/v1/regions/gd/daily-checks", new { taskId = s.TaskId, kind = "gossip", on = "2025-06-10", findings = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Centre.PostJsonAsync("/api/v1/regions/gd/daily-checks", new { taskId = s.TaskId, kind = "sampling", on = "2025-06-10", filesSampled = -1, findings = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Another supervisor of Guangdong, not dispatched to the task, does not see it.
        var stranger = await Seed.DispatchableAsync(app, "44.A", authorityId: "44");
        using var strangerClient = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: stranger.Id));
        (await strangerClient.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another city's centre neither.
        using var shenzhen = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.B"));
        (await shenzhen.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shenzhen.GetAsync($"/api/v1/regions/gd/daily-checks?taskId={s.TaskId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "gd.daily-check.record" && e.Detail!.Contains(s.TaskId.ToString())))).ShouldBe(0);

        // A special task is not GD 17's.
        using var special = await SceneAsync(kind: "special");
        var onSpecial = await special.Centre.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(special.TaskId));
        onSpecial.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await RulesAsync(onSpecial)).ShouldBe(["gd.daily.checks"]);
    }

    [Fact]
    public async Task A_measure_needs_the_supervisors_feedback_and_a_deadline_and_names_gd_daily_measures()
    {
        using var s = await SceneAsync();
        var early = await s.Centre.PostJsonAsync("/api/v1/regions/gd/measures", Letter(s.TaskId));
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await early.Content.ReadAsStringAsync());
        (await RulesAsync(early)).ShouldBe(["gd.daily.measures"]);
        (await s.Supervisor.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var noDue = await s.Centre.PostJsonAsync("/api/v1/regions/gd/measures", Letter(s.TaskId, kind: "interview", due: null));
        noDue.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await RulesAsync(noDue)).ShouldBe(["gd.daily.measures"]);
        var noNumber = await s.Centre.PostJsonAsync("/api/v1/regions/gd/measures", new { taskId = s.TaskId, kind = "quality-notice", on = "2025-06-15", issuedBy = "中心", findings = "x", requirements = "y", rectificationDue = "2025-07-01" });
        noNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noNumber.Content.ReadAsStringAsync()).ShouldContain("number");
        (await s.Supervisor.PostJsonAsync("/api/v1/regions/gd/measures", Letter(s.TaskId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // An investigation without a deadline is closed with its finding; it has nothing to rectify and nothing to print.
        var investigation = await s.Centre.PostJsonAsync("/api/v1/regions/gd/measures", new { taskId = s.TaskId, kind = "investigation", on = "2025-06-12", issuedBy = "广州市职业技能鉴定指导中心", findings = "核实考场录像缺失原因" });
        investigation.StatusCode.ShouldBe(HttpStatusCode.Created, await investigation.Content.ReadAsStringAsync());
        var id = (await investigation.ReadJsonAsync()).GetProperty("id").GetGuid();
        var nothingAsked = await s.Institution.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/rectifications", new { on = "2025-06-13", text = "说明" });
        nothingAsked.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await RulesAsync(nothingAsked)).ShouldBe(["gd.daily.rectification"]);
        (await s.Centre.GetAsync($"/api/v1/regions/gd/measures/{id}?format=html")).StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        var concluded = await s.Centre.PostJsonAsync($"/api/v1/regions/gd/measures/{id}/review", new { decision = "accept", on = "2025-06-14", note = "录像因设备故障缺失，已补充说明，情况属实。" });
        concluded.StatusCode.ShouldBe(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        (await concluded.ReadJsonAsync()).GetProperty("conclusion").GetString()!.ShouldStartWith("录像因设备故障");

        // Another institution sees none of it; another city's centre neither.
        var other = await Seed.InstitutionAsync(app, "44.A");
        using var otherInstitution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: other.Id));
        (await otherInstitution.GetAsync($"/api/v1/regions/gd/measures/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await otherInstitution.GetAsync("/api/v1/regions/gd/measures")).ReadJsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        using var shenzhen = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44.B"));
        (await shenzhen.GetAsync($"/api/v1/regions/gd/measures/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shenzhen.PostJsonAsync("/api/v1/regions/gd/measures", Letter(s.TaskId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("reminder-letter", "zh-CN", "技能人才评价质量督导提醒函")]
    [InlineData("quality-notice", "zh-CN", "技能人才评价质量通报")]
    [InlineData("reminder-letter", "en", "Reminder letter on the quality supervision of skills-talent evaluation")]
    public async Task The_letter_and_the_notice_print_on_A4_in_headless_Chromium(string kind, string language, string title)
    {
        File.Exists(Tooling.Chromium).ShouldBeTrue("headless Chromium is required at /usr/bin/chromium");
        using var s = await SceneAsync();
        (await s.Supervisor.PostJsonAsync("/api/v1/regions/gd/daily-checks", Sampling(s.TaskId))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var issued = await s.Centre.PostJsonAsync("/api/v1/regions/gd/measures", Letter(s.TaskId, kind));
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var id = (await issued.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/regions/gd/measures/{id}?format=html");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await s.Institution.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(title);
        html.ShouldContain("穗技督提〔2025〕3号");
        html.ShouldContain(language == "en" ? "2025-07-15" : "2025年7月15日");
        html.ShouldContain("广州市职业技能鉴定指导中心");

        var dir = Directory.CreateTempSubdirectory("sc-gd-letter-");
        try
        {
            var page = Path.Combine(dir.FullName, "letter.html");
            await File.WriteAllTextAsync(page, html.Replace("</body>", Measure + "</body>", StringComparison.Ordinal));
            // A4 less the letter's 20 mm side margins: 170 mm ≈ 643 px.
            var dom = await Tooling.ChromiumAsync(dir.FullName, $"--window-size=643,1000 --virtual-time-budget=5000 --dump-dom \"file://{page}\"");
            var facts = MeasureResult().Match(dom);
            facts.Success.ShouldBeTrue(dom[..Math.Min(dom.Length, 2000)]);
            int.Parse(facts.Groups["scroll"].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(int.Parse(facts.Groups["client"].Value, CultureInfo.InvariantCulture));
            var pdf = Path.Combine(dir.FullName, "letter.pdf");
            await Tooling.ChromiumAsync(dir.FullName, $"--no-pdf-header-footer --print-to-pdf=\"{pdf}\" \"file://{page}\"");
            var boxes = MediaBox().Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1));
            boxes.Count.ShouldBeGreaterThan(0);
            foreach (Match box in boxes)
            {
                double.Parse(box.Groups["w"].Value, CultureInfo.InvariantCulture).ShouldBe(595.3, 2.0);
                double.Parse(box.Groups["h"].Value, CultureInfo.InvariantCulture).ShouldBe(841.9, 2.0);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }


    private const string Measure = """
        <script>
        document.body.insertAdjacentHTML('beforeend', '<pre id="measure">scroll=' + document.documentElement.scrollWidth + ' client=' + document.documentElement.clientWidth + '</pre>');
        </script>
        """;

    [GeneratedRegex(@"<pre id=""measure"">scroll=(?<scroll>\d+) client=(?<client>\d+)</pre>")]
    private static partial Regex MeasureResult();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
