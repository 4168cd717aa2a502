using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>The assignment lifecycle: acceptance, refusal with substitution in rank order, attendance, manual assignment, closure, cancellation.</summary>
public sealed class AssignmentTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private sealed record Scene(string Province, Institution Institution, Guid TaskId, List<Guid> Dispatchable, Guid Conflicted, Guid Examiner, Guid NoCard, Guid Suspended);

    private sealed record Drawn(Guid DrawId, List<string> Ranking, int Count)
    {
        public List<string> Selected => [.. Ranking.Take(Count)];
    }

    // Tests of this class share one database: each scene lives in a province of its own, so pools never mix.
    private static readonly string[] Provinces = ["45", "46", "50", "51", "52", "61", "62", "63", "64", "65", "35", "36", "37", "41", "42"];
    private static int _nextProvince = -1;

    private async Task<HttpClient> OperatorAsync(string province) => app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, province));

    private async Task<HttpClient> SupervisorClientAsync(string province, string id) =>
        app.CreateClient(await app.TokenForAsync(Roles.Supervisor, province, supervisorId: Guid.Parse(id)));

    /// <summary>An institution, an activity on 2025-06-10 08:30–17:00 (+08:00), a task, and supervisors in every standing.</summary>
    private async Task<Scene> SceneAsync(string kind = "special", int dispatchable = 6)
    {
        var p = Provinces[Interlocked.Increment(ref _nextProvince) % Provinces.Length];
        var institution = await Seed.InstitutionAsync(app, p);
        var ids = new List<Guid>();
        for (var i = 0; i < dispatchable; i++) ids.Add((await Seed.DispatchableAsync(app, p, authorityId: p)).Id);
        var conflicted = (await Seed.DispatchableAsync(app, p, authorityId: p)).Id;
        var examiner = (await Seed.DispatchableAsync(app, p, authorityId: p)).Id;
        var noCard = (await Seed.SupervisorAsync(app, p)).Id;
        await Seed.AppointAndCardAsync(app, noCard, p, new DateOnly(2024, 1, 1), card: false);
        var suspended = (await Seed.DispatchableAsync(app, p, authorityId: p)).Id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.SupervisorConflicts.Add(new SupervisorConflict { SupervisorId = conflicted, InstitutionId = institution.Id, Kind = "employment" });
            await db.SaveChangesAsync();
        }
        await SuspendAsync(suspended);
        using var client = await OperatorAsync(p);
        var activity = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = "P-2025-002",
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = 120,
            examiners = new[] { new { supervisorId = (Guid?)examiner, idNumber = (string?)null, name = "考评员" } },
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid();
        var created = await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind, authorityId = p, activityId, matters = new[] { "考场秩序" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return new Scene(p, institution, (await created.ReadJsonAsync()).GetProperty("id").GetGuid(), ids, conflicted, examiner, noCard, suspended);
    }

    private async Task SuspendAsync(Guid supervisorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        db.SupervisorSanctions.Add(new SupervisorSanction
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisorId, Measure = "suspension", Ground = "not-performing-duties", DecidedBy = "test",
            DecidedOn = new DateOnly(2025, 1, 1), SuspendedFrom = new DateOnly(2025, 1, 1), SuspendedUntil = new DateOnly(2025, 12, 31), CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<Drawn> DrawAsync(HttpClient client, Guid taskId)
    {
        var response = await client.PostJsonAsync($"/api/v1/supervision-tasks/{taskId}/draws", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draw = await response.ReadJsonAsync();
        var transcript = await client.TranscriptAsync(draw);
        return new Drawn(draw.GetProperty("id").GetGuid(), [.. transcript.GetProperty("ranking").EnumerateArray().Select(e => e.GetString()!)], draw.GetProperty("count").GetInt32());
    }

    private static async Task<List<JsonElement>> AssignmentsAsync(HttpClient client, Guid taskId)
    {
        var response = await client.GetAsync($"/api/v1/supervision-tasks/{taskId}/assignments");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    private static async Task<Guid> AssignmentOfAsync(HttpClient client, Guid taskId, string supervisorId) =>
        (await AssignmentsAsync(client, taskId)).Single(a => a.GetProperty("supervisorId").GetString() == supervisorId && a.GetProperty("status").GetString() != "replaced").GetProperty("id").GetGuid();

    private static async Task<JsonElement> TaskAsync(HttpClient client, Guid taskId) => await (await client.GetAsync($"/api/v1/supervision-tasks/{taskId}")).ReadJsonAsync();

    [Fact]
    public async Task Acceptance_starts_the_task_and_refusals_invite_substitutes_in_rank_order()
    {
        var scene = await SceneAsync();
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        var assignments = await AssignmentsAsync(op, scene.TaskId);
        assignments.Select(a => a.GetProperty("supervisorId").GetString()).ShouldBe(draw.Selected);
        assignments.Select(a => a.GetProperty("rank").GetInt32()).ShouldBe([1, 2, 3]);

        using var first = await SupervisorClientAsync(scene.Province, draw.Selected[0]);
        var accepted = await first.PostAsync($"/api/v1/assignments/{assignments[0].GetProperty("id").GetGuid()}/acceptance", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await accepted.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("accepted");
        (await TaskAsync(op, scene.TaskId)).GetProperty("status").GetString().ShouldBe("in-progress");
        (await first.PostAsync($"/api/v1/assignments/{assignments[0].GetProperty("id").GetGuid()}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var second = await SupervisorClientAsync(scene.Province, draw.Selected[1]);
        var refused = await second.PostJsonAsync($"/api/v1/assignments/{assignments[1].GetProperty("id").GetGuid()}/refusal", new { reason = "出差", withoutReason = false });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());
        var body = await refused.ReadJsonAsync();
        body.GetProperty("assignment").GetProperty("status").GetString().ShouldBe("refused");
        body.GetProperty("assignment").GetProperty("refusedWithoutReason").GetBoolean().ShouldBeFalse();
        var replacement = body.GetProperty("replacement");
        replacement.GetProperty("supervisorId").GetString().ShouldBe(draw.Ranking[3]);
        replacement.GetProperty("rank").GetInt32().ShouldBe(4);
        replacement.GetProperty("status").GetString().ShouldBe("invited");
        body.GetProperty("assignment").GetProperty("replacedById").GetGuid().ShouldBe(replacement.GetProperty("id").GetGuid());

        // A dispatcher records the third selected's refusal without reason (无故拒绝) on their behalf.
        var withoutReason = await op.PostJsonAsync($"/api/v1/assignments/{assignments[2].GetProperty("id").GetGuid()}/refusal", new { withoutReason = true });
        withoutReason.StatusCode.ShouldBe(HttpStatusCode.OK, await withoutReason.Content.ReadAsStringAsync());
        var third = await withoutReason.ReadJsonAsync();
        third.GetProperty("assignment").GetProperty("refusedWithoutReason").GetBoolean().ShouldBeTrue();
        third.GetProperty("replacement").GetProperty("supervisorId").GetString().ShouldBe(draw.Ranking[4]);
        third.GetProperty("replacement").GetProperty("rank").GetInt32().ShouldBe(5);

        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, scene.Province));
        var audit = await (await admin.GetAsync($"/api/v1/audit?action=assignment.refuse&targetId={assignments[2].GetProperty("id").GetGuid()}")).ReadJsonAsync();
        audit.GetProperty("items").EnumerateArray().Single().GetProperty("rules").EnumerateArray().Select(r => r.GetString())
            .ShouldBe(["cn.dispatch.random", "cn.sanction.supervisor-dismissal"], ignoreOrder: true);
        var refusedList = await (await op.GetAsync($"/api/v1/assignments?taskId={scene.TaskId}&status=refused")).ReadJsonAsync();
        refusedList.GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData(null, false, "reason")]
    [InlineData("有事", true, "reason")]
    public async Task A_refusal_without_a_reason_or_with_both_is_400(string? reason, bool withoutReason, string field)
    {
        var scene = await SceneAsync(kind: "daily", dispatchable: 2);
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        var id = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[0]);
        var response = await op.PostJsonAsync($"/api/v1/assignments/{id}/refusal", new { reason, withoutReason });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(field);
        (await AssignmentsAsync(op, scene.TaskId)).Single().GetProperty("status").GetString().ShouldBe("invited");
    }

    [Fact]
    public async Task A_substitute_no_longer_dispatchable_is_skipped_with_its_rule()
    {
        var scene = await SceneAsync();
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        await SuspendAsync(Guid.Parse(draw.Ranking[3]));
        var id = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[0]);
        var body = await (await op.PostJsonAsync($"/api/v1/assignments/{id}/refusal", new { reason = "生病" })).ReadJsonAsync();
        body.GetProperty("replacement").GetProperty("supervisorId").GetString().ShouldBe(draw.Ranking[4]);
        body.GetProperty("replacement").GetProperty("rank").GetInt32().ShouldBe(5);
        var skipped = body.GetProperty("skipped").EnumerateArray().Single();
        skipped.GetProperty("id").GetString().ShouldBe(draw.Ranking[3]);
        skipped.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["cn.dispatch.random"]);
        (await AssignmentsAsync(op, scene.TaskId)).ShouldNotContain(a => a.GetProperty("supervisorId").GetString() == draw.Ranking[3]);
    }

    [Fact]
    public async Task When_no_substitute_is_left_the_refusal_says_so()
    {
        var scene = await SceneAsync(dispatchable: 3);
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        draw.Ranking.Count.ShouldBe(3);
        var id = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[2]);
        var response = await op.PostJsonAsync($"/api/v1/assignments/{id}/refusal", new { reason = "冲突" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("replacement").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("notice").GetProperty("en").GetString()!.ShouldContain("no dispatchable substitute");
        (await AssignmentsAsync(op, scene.TaskId)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Attendance_is_validated_at_its_boundaries()
    {
        var scene = await SceneAsync(kind: "daily", dispatchable: 2);
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        var id = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[0]);
        using var self = await SupervisorClientAsync(scene.Province, draw.Selected[0]);
        var url = $"/api/v1/assignments/{id}/attendance";
        (await self.PostJsonAsync(url, new { entryAt = "2025-06-10T08:00:00+08:00", exitAt = "2025-06-10T17:00:00+08:00" })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not accepted yet
        (await self.PostAsync($"/api/v1/assignments/{id}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Window 2025-06-10 08:30–17:00 (+08:00), widened by 12 h: 2025-06-09 20:30 to 2025-06-11 05:00.
        (string Entry, string Exit, HttpStatusCode Status, string? Field)[] cases =
        [
            ("2025-06-10T08:00:00+08:00", "2025-06-10T08:00:00+08:00", HttpStatusCode.BadRequest, "exitAt"),   // exit == entry
            ("2025-06-10T08:00:00+08:00", "2025-06-10T07:59:00+08:00", HttpStatusCode.BadRequest, "exitAt"),   // exit before entry
            ("2025-06-10T08:00:00+08:00", "2025-06-10T08:01:00+08:00", HttpStatusCode.OK, null),               // one minute after
            ("2025-06-09T20:30:00+08:00", "2025-06-11T05:00:00+08:00", HttpStatusCode.OK, null),               // both tolerance bounds
            ("2025-06-09T12:30:00Z", "2025-06-10T21:00:00Z", HttpStatusCode.OK, null),                         // the same bounds in UTC
            ("2025-06-09T20:29:00+08:00", "2025-06-10T17:00:00+08:00", HttpStatusCode.BadRequest, "entryAt"),  // a minute too early
            ("2025-06-10T08:00:00+08:00", "2025-06-11T05:01:00+08:00", HttpStatusCode.BadRequest, "exitAt"),   // a minute too late
            ("2025-06-10T08:00:00+08:00", null!, HttpStatusCode.BadRequest, "exitAt"),                         // missing
        ];
        foreach (var (entry, exit, status, field) in cases)
        {
            var response = await self.PostJsonAsync(url, new { entryAt = entry, exitAt = exit });
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, $"{entry} → {exit}: {text}");
            if (field is not null) text.ShouldContain(field);
        }
        var stored = (await AssignmentsAsync(op, scene.TaskId)).Single();
        stored.GetProperty("entryAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2025-06-09T12:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        stored.GetProperty("exitAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2025-06-10T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_supervisor_sees_only_their_own_assignments_and_cannot_answer_anothers()
    {
        var scene = await SceneAsync();
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        using var self = await SupervisorClientAsync(scene.Province, draw.Selected[0]);
        var mine = await (await self.GetAsync("/api/v1/assignments")).ReadJsonAsync();
        mine.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("supervisorId").GetString()).ShouldBe([draw.Selected[0]]);
        (await AssignmentsAsync(self, scene.TaskId)).Select(a => a.GetProperty("supervisorId").GetString()).ShouldBe([draw.Selected[0]]);
        var other = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[1]);
        (await self.PostAsync($"/api/v1/assignments/{other}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await self.PostJsonAsync($"/api/v1/assignments/{other}/refusal", new { withoutReason = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, scene.Province));
        (await auditor.GetAsync($"/api/v1/assignments?taskId={scene.TaskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.PostAsync($"/api/v1/assignments/{other}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AssignmentsAsync(op, scene.TaskId)).ShouldAllBe(a => a.GetProperty("status").GetString() == "invited");
    }

    [Fact]
    public async Task The_institution_sees_assignments_only_after_publication()
    {
        var scene = await SceneAsync();
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        using var institution = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, scene.Province, institutionId: scene.Institution.Id));
        (await AssignmentsAsync(institution, scene.TaskId)).ShouldBeEmpty();
        (await (await institution.GetAsync("/api/v1/assignments")).ReadJsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
        (await op.PostAsync($"/api/v1/draws/{draw.DrawId}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AssignmentsAsync(institution, scene.TaskId)).Select(a => a.GetProperty("supervisorId").GetString()).ShouldBe(draw.Selected);
        using var stranger = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, scene.Province, institutionId: Guid.CreateVersion7()));
        (await stranger.GetAsync($"/api/v1/supervision-tasks/{scene.TaskId}/assignments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manual_assignment_checks_standing_recusal_institution_and_duplicates()
    {
        var scene = await SceneAsync();
        using var op = await OperatorAsync(scene.Province);
        var url = $"/api/v1/supervision-tasks/{scene.TaskId}/assignments";
        foreach (var (who, rule) in new[] { (scene.Conflicted, "cn.recusal.conflict"), (scene.Examiner, "cn.recusal.examiner"), (scene.NoCard, "cn.dispatch.random"), (scene.Suspended, "cn.dispatch.random") })
        {
            var refused = await op.PostJsonAsync(url, new { supervisorId = who, role = "external" });
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var violations = (await refused.ReadJsonAsync()).GetProperty("violations").EnumerateArray().ToList();
            violations.ShouldContain(v => v.GetProperty("rule").GetString() == rule);
            violations.ShouldAllBe(v => v.GetProperty("citation").GetString()!.Length > 0);
        }
        (await AssignmentsAsync(op, scene.TaskId)).ShouldBeEmpty();

        var created = await op.PostJsonAsync(url, new { supervisorId = scene.Dispatchable[0], role = "external" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.ReadJsonAsync();
        body.GetProperty("status").GetString().ShouldBe("invited");
        body.TryGetProperty("rank", out _).ShouldBeFalse(); // a manual assignment has no rank
        (await op.PostJsonAsync(url, new { supervisorId = scene.Dispatchable[0], role = "external" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var own = await Seed.SupervisorAsync(app, scene.Province, kind: "internal", institutionId: scene.Institution.Id);
        await Seed.InternalCardAsync(app, own.Id, scene.Institution.Id);
        var elsewhere = await Seed.InstitutionAsync(app, scene.Province);
        var foreign = await Seed.SupervisorAsync(app, scene.Province, kind: "internal", institutionId: elsewhere.Id);
        var wrong = await op.PostJsonAsync(url, new { supervisorId = foreign.Id, role = "internal" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("cn.supervisor.kinds");
        (await op.PostJsonAsync(url, new { supervisorId = scene.Dispatchable[1], role = "internal" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await op.PostJsonAsync(url, new { supervisorId = own.Id, role = "internal" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await op.PostJsonAsync(url, new { supervisorId = own.Id, role = "sideways" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var other = await OperatorAsync(scene.Province == "45" ? "46" : "45");
        (await other.PostJsonAsync(url, new { supervisorId = scene.Dispatchable[2], role = "external" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Closure_needs_a_record_for_every_accepted_external_assignment()
    {
        var scene = await SceneAsync(kind: "daily", dispatchable: 3);
        using var op = await OperatorAsync(scene.Province);
        (await op.PostAsync($"/api/v1/supervision-tasks/{scene.TaskId}/closure", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // nothing accepted yet
        var draw = await DrawAsync(op, scene.TaskId);
        var id = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[0]);
        (await op.PostAsync($"/api/v1/assignments/{id}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await op.PostAsync($"/api/v1/supervision-tasks/{scene.TaskId}/closure", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var violation = (await refused.ReadJsonAsync()).GetProperty("violations").EnumerateArray().Single();
        violation.GetProperty("rule").GetString().ShouldBe("cn.report.required");
        violation.GetProperty("message").GetString()!.ShouldContain(id.ToString());
        (await TaskAsync(op, scene.TaskId)).GetProperty("status").GetString().ShouldBe("in-progress");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.SupervisionRecords.Add(new SupervisionRecord
            {
                Id = Guid.CreateVersion7(), AssignmentId = id, FormId = "cn.record", FormVersion = 1, Content = "{}",
                DueOn = new DateOnly(2025, 6, 17), SubmittedBy = "test", SubmittedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var closed = await op.PostAsync($"/api/v1/supervision-tasks/{scene.TaskId}/closure", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("closed");
        var assignment = (await AssignmentsAsync(op, scene.TaskId)).Single();
        assignment.GetProperty("status").GetString().ShouldBe("completed");
        assignment.GetProperty("recordFiled").GetBoolean().ShouldBeTrue();

        (await op.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/draws", new { replaces = draw.DrawId, reason = "再抽" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/assignments", new { supervisorId = scene.Dispatchable.First(d => !draw.Selected.Contains(d.ToString())), role = "external" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostAsync($"/api/v1/supervision-tasks/{scene.TaskId}/closure", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancellation_withdraws_open_invitations_and_freezes_the_task()
    {
        var scene = await SceneAsync();
        using var op = await OperatorAsync(scene.Province);
        var draw = await DrawAsync(op, scene.TaskId);
        var accepted = await AssignmentOfAsync(op, scene.TaskId, draw.Selected[0]);
        (await op.PostAsync($"/api/v1/assignments/{accepted}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = $"/api/v1/supervision-tasks/{scene.TaskId}/cancellation";
        (await op.PostJsonAsync(url, new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cancelled = await op.PostJsonAsync(url, new { reason = "活动取消" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("cancelled");
        var statuses = (await AssignmentsAsync(op, scene.TaskId)).ToDictionary(a => a.GetProperty("supervisorId").GetString()!, a => a.GetProperty("status").GetString());
        statuses[draw.Selected[0]].ShouldBe("accepted");
        statuses[draw.Selected[1]].ShouldBe("replaced");
        statuses[draw.Selected[2]].ShouldBe("replaced");
        var open = (await AssignmentsAsync(op, scene.TaskId)).First(a => a.GetProperty("status").GetString() == "replaced").GetProperty("id").GetGuid();
        (await op.PostAsync($"/api/v1/assignments/{open}/acceptance", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostJsonAsync(url, new { reason = "再次取消" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostJsonAsync($"/api/v1/supervision-tasks/{scene.TaskId}/assignments", new { supervisorId = scene.Dispatchable[0], role = "external" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var admin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, scene.Province));
        var audit = await (await admin.GetAsync($"/api/v1/audit?action=task.cancel&targetId={scene.TaskId}")).ReadJsonAsync();
        audit.GetProperty("items").EnumerateArray().Single().GetProperty("detail").GetString()!.ShouldContain("活动取消");
    }
}
