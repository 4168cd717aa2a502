using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Supervision;

public sealed class ActivityAndTaskTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static object Activity(Guid institutionId, object[]? examiners = null) => new
    {
        institutionId, kind = "skill-level-recognition", occupation = "焊工", level = "四级", planNumber = "P-1",
        startsAt = "2025-07-01T08:00:00+08:00", endsAt = "2025-07-01T12:00:00+08:00", candidateCount = 201,
        venues = new[] { new { name = "一号考场", address = "测试路1号", contestants = 201 } },
        examiners = examiners ?? [],
    };

    [Fact]
    public async Task An_examiner_given_by_ID_number_is_kept_as_a_hash_and_shown_masked()
    {
        var institution = await Seed.InstitutionAsync(app, "44");
        var idNumber = Seed.IdNumber("440305", new DateOnly(1980, 2, 29));
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var response = await client.PostJsonAsync("/api/v1/activities", Activity(institution.Id, [new { supervisorId = (Guid?)null, idNumber, name = "考评员甲" }]));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(idNumber);
        body.ShouldContain(idNumber[..6] + "********" + idNumber[^4..]);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var dump = new NpgsqlCommand("SELECT string_agg(t::text, '|') FROM supervision.activity_examiners t", connection);
        ((string)(await dump.ExecuteScalarAsync())!).ShouldNotContain(idNumber);
    }

    [Fact]
    public async Task Bad_activity_input_is_400_naming_the_field()
    {
        var institution = await Seed.InstitutionAsync(app, "44");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var response = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId = institution.Id, kind = "party", occupation = "", startsAt = "2025-07-01T12:00:00+08:00", endsAt = "2025-07-01T08:00:00+08:00",
            examiners = new[] { new { supervisorId = (Guid?)null, idNumber = "440305198002290001", name = "x" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "kind", "occupation", "endsAt", "idNumber" }) text.ShouldContain(field);
    }

    [Fact]
    public async Task A_disqualified_institution_gets_no_new_activity_or_task()
    {
        var institution = await Seed.InstitutionAsync(app, "44");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var activity = await (await client.PostJsonAsync("/api/v1/activities", Activity(institution.Id))).ReadJsonAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.InstitutionSanctions.Add(new InstitutionSanctionRecord
            {
                Id = Guid.CreateVersion7(), InstitutionId = institution.Id, Step = "disqualification", Ground = "fraud", On = new DateOnly(2025, 3, 1),
                SeriousJustification = "伪造考试记录", DecidedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
            });
            (await db.Institutions.FindAsync(institution.Id))!.Status = "disqualified";
            await db.SaveChangesAsync();
        }
        var refused = await client.PostJsonAsync("/api/v1/activities", Activity(institution.Id));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("cn.sanction.institution-ladder");
        var task = await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind = "daily", authorityId = "44", activityId = activity.GetProperty("id").GetGuid() });
        task.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Access_follows_jurisdiction_and_the_operators_own_institution()
    {
        var own = await Seed.InstitutionAsync(app, "44");
        var other = await Seed.InstitutionAsync(app, "44");
        var elsewhere = await Seed.InstitutionAsync(app, "53");
        using var gd = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        (await gd.PostJsonAsync("/api/v1/activities", Activity(elsewhere.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44", institutionId: own.Id));
        (await operatorClient.PostJsonAsync("/api/v1/activities", Activity(own.Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await operatorClient.PostJsonAsync("/api/v1/activities", Activity(other.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await (await operatorClient.GetAsync("/api/v1/activities?pageSize=100")).ReadJsonAsync();
        listed.GetProperty("items").EnumerateArray().ShouldAllBe(a => a.GetProperty("institutionId").GetGuid() == own.Id);
        using var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        (await supervisor.PostJsonAsync("/api/v1/activities", Activity(own.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operatorClient.PostJsonAsync("/api/v1/supervision-tasks", new { kind = "daily", authorityId = "44", institutionId = own.Id, windowStart = "2025-07-01T08:00:00+08:00", windowEnd = "2025-07-01T12:00:00+08:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("special", 3)]
    [InlineData("daily", 1)]
    // after-the-fact is BJ's kind (BJ 18): in 44 it is refused with cn.task.kinds (SideDoorTests).
    public async Task A_task_takes_its_required_count_from_the_staffing_rule(string kind, int required)
    {
        var institution = await Seed.InstitutionAsync(app, "44");
        using var client = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        var response = await client.PostJsonAsync("/api/v1/supervision-tasks", new
        {
            kind, authorityId = "44", institutionId = institution.Id, matters = new[] { "证书管理与发放" },
            windowStart = "2025-08-01T09:00:00+08:00", windowEnd = "2025-08-03T17:00:00+08:00",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var task = await response.ReadJsonAsync();
        task.GetProperty("requiredCount").GetInt32().ShouldBe(required);
        task.GetProperty("status").GetString().ShouldBe("planned");
        // An authority that does not cover the institution cannot dispatch to it.
        (await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind, authorityId = "53", institutionId = institution.Id, windowStart = "2025-08-01T09:00:00+08:00", windowEnd = "2025-08-03T17:00:00+08:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
