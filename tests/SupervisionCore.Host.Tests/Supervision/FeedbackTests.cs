using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>情况反馈 (institution feedback on the supervisor, GD annex 5 / BJ annex 4).</summary>
public sealed class FeedbackTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private async Task<HttpClient> InstitutionAsync(AssignmentScene scene, Guid? institutionId = null) =>
        app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, scene.Jurisdiction, institutionId: institutionId ?? scene.Institution.Id));

    private static object Body(bool woreCard = true, string text = "督导员按时到场，佩戴证卡，履职认真。") => new
    {
        entryAt = "2025-06-10T08:25:00+08:00", exitAt = "2025-06-10T17:05:00+08:00",
        conduct = new { woreCard, performedDuties = true, stayedInRemit = true, integrity = true }, text,
    };

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, AssignmentScene scene, object body) =>
        client.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", body);

    [Fact]
    public async Task The_institution_files_feedback_and_staff_and_the_supervisor_read_it()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var institution = await InstitutionAsync(scene);
        var response = await SubmitAsync(institution, scene, Body(woreCard: false));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var feedback = await response.ReadJsonAsync();
        feedback.GetProperty("conduct").GetProperty("woreCard").GetBoolean().ShouldBeFalse();
        feedback.GetProperty("conduct").GetProperty("integrity").GetBoolean().ShouldBeTrue();
        feedback.GetProperty("institutionId").GetGuid().ShouldBe(scene.Institution.Id);
        feedback.GetProperty("entryAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2025-06-10T08:25:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        feedback.GetProperty("late").GetBoolean().ShouldBeFalse();
        feedback.TryGetProperty("dueOn", out _).ShouldBeFalse(); // no deadline policy governs 31

        foreach (var (role, supervisor) in new[] { (Roles.Supervisor, (Guid?)scene.SupervisorId), (Roles.CenterOperator, null), (Roles.InstitutionOperator, null) })
        {
            using var client = role == Roles.InstitutionOperator ? await InstitutionAsync(scene)
                : app.CreateClient(await app.TokenForAsync(role, scene.Jurisdiction, supervisorId: supervisor));
            var read = await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback");
            read.StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await read.ReadJsonAsync()).GetProperty("text").GetString().ShouldBe("督导员按时到场，佩戴证卡，履职认真。");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        (await db.AuditEntries.CountAsync(e => e.Action == "feedback.submit" && e.TargetId == feedback.GetProperty("id").GetString())).ShouldBe(1);
    }

    [Fact]
    public async Task Another_institution_gets_404_and_changes_nothing()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        var other = await Seed.InstitutionAsync(app, scene.Jurisdiction);
        using var client = await InstitutionAsync(scene, other.Id);
        (await SubmitAsync(client, scene, Body())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().SupervisorFeedback.AnyAsync(f => f.AssignmentId == scene.AssignmentId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_the_institution_files_feedback()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, scene.Jurisdiction, supervisorId: scene.SupervisorId));
        (await SubmitAsync(supervisor, scene, Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, scene.Jurisdiction));
        (await SubmitAsync(centre, scene, Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await centre.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // none filed yet
    }

    [Fact]
    public async Task A_second_feedback_is_409()
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var client = await InstitutionAsync(scene);
        (await SubmitAsync(client, scene, Body())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SubmitAsync(client, scene, Body(text: "再次反馈"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var read = await (await client.GetAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback")).ReadJsonAsync();
        read.GetProperty("text").GetString().ShouldBe("督导员按时到场，佩戴证卡，履职认真。");
    }

    [Theory]
    [InlineData("invited")]
    [InlineData("refused")]
    public async Task No_feedback_on_an_assignment_the_supervisor_did_not_take_up(string status)
    {
        var scene = await AssignmentScenes.CreateAsync(app, status);
        using var client = await InstitutionAsync(scene);
        // An unpublished external invitation the supervisor never took up is not the institution's to see: 404, not 409.
        (await SubmitAsync(client, scene, Body())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var dispatcher = app.CreateClient(await app.TokenForAsync(Kernel.Access.Roles.CenterOperator, scene.Jurisdiction));
        (await dispatcher.PostJsonAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"exitAt\":\"2025-06-10T17:00:00+08:00\",\"conduct\":{\"woreCard\":true,\"performedDuties\":true,\"stayedInRemit\":true,\"integrity\":true}}", "entryAt")]
    [InlineData("{\"entryAt\":\"2025-06-10T17:00:00+08:00\",\"exitAt\":\"2025-06-10T08:00:00+08:00\",\"conduct\":{\"woreCard\":true,\"performedDuties\":true,\"stayedInRemit\":true,\"integrity\":true}}", "exitAt")]
    [InlineData("{\"entryAt\":\"2025-06-10T08:00:00+08:00\",\"exitAt\":\"2025-06-10T17:00:00+08:00\"}", "conduct")]
    [InlineData("{\"entryAt\":\"2025-06-10T08:00:00+08:00\",\"exitAt\":\"2025-06-10T17:00:00+08:00\",\"conduct\":{\"performedDuties\":true,\"stayedInRemit\":true,\"integrity\":true}}", "conduct.woreCard")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var scene = await AssignmentScenes.CreateAsync(app);
        using var client = await InstitutionAsync(scene);
        var response = await client.PostAsync($"/api/v1/assignments/{scene.AssignmentId}/feedback", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldContain(field);
    }
}
