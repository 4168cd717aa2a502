using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// Issue #16 item 3, through the API with the packs loaded from disk: a record goes on the form its task and activity call
/// for (GD annex 3 vs 4 by the activity's kind, <c>gd.forms.record</c>; BJ annex 3 on-site / after-the-fact and annex 7 for
/// competitions by the task's kind, <c>bj.forms.record</c>); the institution's feedback goes on the pack's feedback form
/// (GD annex 5, <c>gd.feedback.institution</c>; BJ annex 4, <c>bj.feedback.institution</c>). Another form is 422 naming
/// the rule and changes nothing; outside GD and BJ the national shapes stand.
/// </summary>
public sealed class FormsBoundToUseTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    public static TheoryData<string, string, string?, string, string?> Records => new()
    {
        // jurisdiction, task kind, activity kind, form filed, rule refusing it (null: filed)
        { "44.A", "daily", "skill-level-recognition", "gd.annex-4", null },
        { "44.A", "daily", "skill-level-recognition", "gd.annex-3", "gd.forms.record" },
        { "44.A", "daily", "skill-level-recognition", "cn.report", "gd.forms.record" },
        { "44.A", "daily", "skill-level-recognition", "gd.annex-5", "gd.forms.record" },   // the feedback form is no record
        { "44.A", "daily", "vocational-qualification", "gd.annex-3", null },
        { "44.A", "daily", "vocational-qualification", "gd.annex-4", "gd.forms.record" },
        { "44", "special", "special-ability", "gd.annex-3", null },
        { "44", "special", "special-ability", "gd.annex-4", "gd.forms.record" },
        { "44.A", "daily", null, "gd.annex-4", null },                                     // no activity: either daily record
        { "44.A", "daily", "competition", "cn.report", null },                              // GD prints no competition form
        { "11.ETDZ", "daily", "skill-level-recognition", "bj-etdz.annex-3-onsite", null },
        { "11.ETDZ", "daily", "skill-level-recognition", "bj-etdz.annex-3-after", "bj.forms.record" },
        { "11.ETDZ", "daily", "skill-level-recognition", "cn.report", "bj.forms.record" },
        { "11.ETDZ", "after-the-fact", "skill-level-recognition", "bj-etdz.annex-3-after", null },
        { "11.ETDZ", "after-the-fact", "skill-level-recognition", "bj-etdz.annex-3-onsite", "bj.forms.record" },
        { "11.ETDZ", "competition-in-progress", "competition", "bj-etdz.annex-7-in-progress", null },
        { "11.ETDZ", "competition-in-progress", "competition", "bj-etdz.annex-7-after", "bj.forms.record" },
        { "11.ETDZ", "competition-in-progress", "competition", "bj-etdz.annex-3-onsite", "bj.forms.record" },
        { "11.ETDZ", "competition-after", "competition", "bj-etdz.annex-7-after", null },
        { "11.ETDZ", "competition-after", "competition", "bj-etdz.annex-4", "bj.forms.record" },
        { "31", "daily", "skill-level-recognition", "cn.report", null },                    // no pack: the national report
    };

    [Theory]
    [MemberData(nameof(Records))]
    public async Task A_record_goes_on_the_form_of_its_task_and_activity(string jurisdiction, string taskKind, string? activityKind, string formId, string? rule)
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: jurisdiction, taskKind: taskKind, activityKind: activityKind);
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, jurisdiction, supervisorId: scene.SupervisorId));
        var answers = formId == "cn.report" ? AssignmentScenes.ValidReport() : await AssignmentScenes.CompleteAnswersAsync(client, formId);
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/records", new { formId, answers });
        var body = await response.ReadJsonAsync();
        if (rule is null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
            body.GetProperty("formId").GetString().ShouldBe(formId);
            (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("completed");
            return;
        }
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var violation = body.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem();
        violation.GetProperty("rule").GetString().ShouldBe(rule);
        violation.GetProperty("citation").GetString()!.ShouldStartWith(rule.StartsWith("gd.", StringComparison.Ordinal) ? "GD " : "BJ ");
        violation.GetProperty("message").GetString()!.ShouldContain(formId);
        (await AssignmentScenes.AssignmentAsync(app, scene.AssignmentId)).Status.ShouldBe("accepted"); // nothing changed
        (await app.DbAsync(db => db.SupervisionRecords.CountAsync(r => r.AssignmentId == scene.AssignmentId))).ShouldBe(0);
    }

    [Fact]
    public async Task The_wrong_form_is_named_in_English_too()
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: "44.A", activityKind: "vocational-qualification");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44.A", supervisorId: scene.SupervisorId));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/records", new { formId = "gd.annex-4", answers = await AssignmentScenes.CompleteAnswersAsync(client, "gd.annex-4") });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body.ToString());
        body.GetProperty("violations")[0].GetProperty("message").GetString().ShouldBe("the record must be filed on gd.annex-3 (GD 20, annexes 3, 4), not on gd.annex-4");
    }

    /// <summary>A complete answer set of a form, with the supervisor leaving at 17:00 where it is a feedback form.</summary>
    private static async Task<Dictionary<string, object>> AnswersAsync(HttpClient client, string formId)
    {
        var answers = await AssignmentScenes.CompleteAnswersAsync(client, formId);
        foreach (var exit in new[] { "exit-at", "left-at" })
            if (answers.ContainsKey(exit)) answers[exit] = "2025-06-10T17:00:00+08:00";
        return answers;
    }

    /// <summary>The national shape of feedback (no form).</summary>
    private static object NationalFeedback() => new
    {
        entryAt = "2025-06-10T08:25:00+08:00", exitAt = "2025-06-10T17:05:00+08:00",
        conduct = new { woreCard = true, performedDuties = true, stayedInRemit = true, integrity = true }, text = "督导员按时到场。",
    };

    public static TheoryData<string, string?, int, string?> Feedback => new()
    {
        // jurisdiction, form (null: the national shape), status, rule named (422) or field named (400)
        { "44.A", "gd.annex-5", 201, null },
        { "44.A", null, 422, "gd.feedback.institution" },
        { "44.A", "gd.annex-4", 422, "gd.feedback.institution" },
        { "44.A", "cn.report", 422, "gd.feedback.institution" },
        { "44.A", "bj-etdz.annex-4", 400, "formId" },                      // not in force in Guangdong
        { "11.ETDZ", "bj-etdz.annex-4", 201, null },
        { "11.ETDZ", null, 422, "bj.feedback.institution" },
        { "11.ETDZ", "bj-etdz.annex-3-onsite", 422, "bj.feedback.institution" },
        { "31", null, 201, null },
        { "31", "cn.report", 400, "formId" },                              // no feedback form outside GD and BJ
    };

    [Theory]
    [MemberData(nameof(Feedback))]
    public async Task Institution_feedback_goes_through_the_packs_feedback_form(string jurisdiction, string? formId, int status, string? named)
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: jurisdiction, activityKind: "skill-level-recognition");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, jurisdiction, institutionId: scene.Institution.Id));
        object request = formId is null ? NationalFeedback() : new { formId, answers = await AnswersAsync(client, formId) };
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", request);
        var body = await response.ReadJsonAsync();
        ((int)response.StatusCode).ShouldBe(status, body.ToString());
        switch (status)
        {
            case 201:
                if (formId is null) body.GetProperty("conduct").GetProperty("woreCard").GetBoolean().ShouldBeTrue();
                else
                {
                    body.GetProperty("formId").GetString().ShouldBe(formId);
                    body.GetProperty("answers").ValueKind.ShouldBe(JsonValueKind.Object);
                    // Entry and exit come from the form's items.
                    body.GetProperty("entryAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2025-06-10T08:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
                }
                return;
            case 422:
                body.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem().GetProperty("rule").GetString().ShouldBe(named);
                break;
            default:
                body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldContain(named);
                break;
        }
        (await app.DbAsync(db => db.SupervisorFeedback.CountAsync(f => f.AssignmentId == scene.AssignmentId))).ShouldBe(0);
    }

    [Theory]
    [InlineData("44.A", "gd.annex-5", "feedback")]
    [InlineData("44.A", "gd.annex-5", "reporting-unit")]
    [InlineData("11.ETDZ", "bj-etdz.annex-4", "work-feedback")]
    [InlineData("11.ETDZ", "bj-etdz.annex-4", "left-at")]
    public async Task A_feedback_form_missing_an_item_is_a_400_naming_it(string jurisdiction, string formId, string missing)
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: jurisdiction);
        using var client = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, jurisdiction, institutionId: scene.Institution.Id));
        var answers = await AnswersAsync(client, formId);
        answers.Remove(missing).ShouldBeTrue();
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", new { formId, answers });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
        var error = body.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("name").GetString().ShouldBe($"answers.{missing}");
        error.GetProperty("reason").GetString()!.ShouldEndWith("(missing-required)");
    }

    [Fact]
    public async Task A_feedback_form_whose_exit_precedes_its_entry_is_a_400_naming_the_exit_item()
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: "11.ETDZ");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "11.ETDZ", institutionId: scene.Institution.Id));
        var answers = await AssignmentScenes.CompleteAnswersAsync(client, "bj-etdz.annex-4");
        answers["left-at"] = "2025-06-10T07:00:00+08:00";
        var response = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", new { formId = "bj-etdz.annex-4", answers });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
        body.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("answers.left-at");
    }

    [Fact]
    public async Task A_second_feedback_on_the_form_is_409_naming_the_rule()
    {
        var scene = await AssignmentScenes.CreateAsync(app, jurisdiction: "44.A");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44.A", institutionId: scene.Institution.Id));
        var request = new { formId = "gd.annex-5", answers = await AnswersAsync(client, "gd.annex-5") };
        (await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", request);
        var body = await again.ReadJsonAsync();
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, body.ToString());
        body.GetProperty("violations")[0].GetProperty("rule").GetString().ShouldBe("gd.feedback.institution");
    }
}
