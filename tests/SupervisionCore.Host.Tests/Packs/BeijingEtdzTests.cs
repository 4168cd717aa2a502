using System.Net;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Supervision;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>The bj-etdz pack loaded from disk: its authority, staffing, age limit, forms and internal card format in the Host.</summary>
public sealed class BeijingEtdzTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Zone = "11.ETDZ";

    private async Task<HttpClient> ZoneOperatorAsync() => app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));

    /// <summary>An activity on 2025-06-10 of an institution in the zone, and a task on it dispatched by the zone bureau.</summary>
    private static async Task<(Guid Activity, JsonElement Task)> TaskAsync(HttpClient client, Guid institutionId, string kind, int candidates)
    {
        var activity = await client.PostJsonAsync("/api/v1/activities", new
        {
            institutionId, kind = "skill-level-recognition", occupation = "电工", level = "三级", planNumber = $"BJ-{Guid.NewGuid():N}"[..20],
            startsAt = "2025-06-10T08:30:00+08:00", endsAt = "2025-06-10T17:00:00+08:00", candidateCount = candidates,
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        var activityId = (await activity.ReadJsonAsync()).GetProperty("id").GetGuid();
        var task = await client.PostJsonAsync("/api/v1/supervision-tasks", new { kind, authorityId = Zone, activityId, matters = new[] { "考场秩序" } });
        var body = await task.ReadJsonAsync();
        task.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (activityId, body);
    }

    [Fact]
    public async Task The_zone_bureau_is_seeded_from_the_pack_without_a_card_code()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, Zone));
        var response = await client.GetAsync($"/api/v1/authorities/{Zone}");
        var bureau = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, bureau.ToString());
        bureau.GetProperty("kind").GetString().ShouldBe("zone-bureau");
        bureau.GetProperty("jurisdiction").GetString().ShouldBe(Zone);
        bureau.GetProperty("source").GetString().ShouldBe("bj-etdz");
        bureau.GetProperty("name").GetProperty("zh").GetString().ShouldBe("北京经济技术开发区社会事业局");
        // No card issuer code (null, which the Host's JSON leaves out).
        (!bureau.TryGetProperty("cardIssuerCode", out var code) || code.ValueKind == JsonValueKind.Null).ShouldBeTrue(bureau.ToString());
    }

    [Theory]
    [InlineData("daily", 200, "bj.staffing.recognition")]
    [InlineData("after-the-fact", 201, "bj.staffing.recognition")]
    public async Task A_recognition_task_in_the_zone_requires_2_external_supervisors(string kind, int candidates, string rule)
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: candidates == 200 ? "302001" : "302002");
        using var client = await ZoneOperatorAsync();
        var (_, task) = await TaskAsync(client, institution.Id, kind, candidates);
        task.GetProperty("requiredCount").GetInt32().ShouldBe(2);
        task.GetProperty("staffingRules").EnumerateArray().Select(r => r.GetString()).ShouldBe([rule]);
    }

    [Fact]
    public async Task A_draw_in_the_zone_excludes_a_man_of_66_with_the_age_rule()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, filingNumber: "302003");
        // The activity is on 2025-06-10: born 1959-06-10 he is 66 that day; born 1959-06-11 he is still 65.
        var tooOld = await ZoneSupervisorAsync(new DateOnly(1959, 6, 10), male: true);
        var lastDayAt65 = await ZoneSupervisorAsync(new DateOnly(1959, 6, 11), male: true);
        var woman61 = await ZoneSupervisorAsync(new DateOnly(1964, 6, 10), male: false);
        var young = new[] { await ZoneSupervisorAsync(new DateOnly(1980, 1, 1), true), await ZoneSupervisorAsync(new DateOnly(1985, 1, 1), false) };
        using var client = await ZoneOperatorAsync();
        var (_, task) = await TaskAsync(client, institution.Id, "daily", 80);

        var response = await client.PostJsonAsync($"/api/v1/supervision-tasks/{task.GetProperty("id").GetGuid()}/draws", new { });
        var draw = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, draw.ToString());
        var transcript = await client.TranscriptAsync(draw);
        var exclusions = transcript.GetProperty("exclusions").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList());
        exclusions[tooOld.ToString()].ShouldBe(["bj.eligibility.age"]);
        exclusions[woman61.ToString()].ShouldBe(["bj.eligibility.age"]);
        var pool = transcript.GetProperty("pool").EnumerateArray().Select(e => e.GetString()!).ToList();
        pool.ShouldBe(young.Append(lastDayAt65).Select(g => g.ToString()).Order(StringComparer.Ordinal).ToList());
        draw.GetProperty("selected").GetArrayLength().ShouldBe(2);
    }

    /// <summary>An external supervisor of the zone, appointed with a card by the Beijing municipal centre (authority 11).</summary>
    private async Task<Guid> ZoneSupervisorAsync(DateOnly born, bool male)
    {
        var supervisor = await Seed.SupervisorAsync(app, Zone, idNumber: Seed.IdNumber("110115", born, male));
        await Seed.AppointAndCardAsync(app, supervisor.Id, "11", new DateOnly(2024, 1, 1));
        return supervisor.Id;
    }

    [Fact]
    public async Task The_zone_lists_the_BJ_forms_and_other_places_do_not()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, Zone));
        static IEnumerable<string> Ids(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()!);
        var zone = Ids(await (await client.GetAsync($"/api/v1/forms?jurisdiction={Zone}")).ReadJsonAsync()).ToList();
        zone.ShouldBe(
        [
            "cn.report", "bj-etdz.annex-3-onsite", "bj-etdz.annex-3-after", "bj-etdz.annex-4", "bj-etdz.annex-5", "bj-etdz.annex-6",
            "bj-etdz.annex-7-in-progress", "bj-etdz.annex-7-after",
        ], ignoreOrder: true);
        Ids(await (await client.GetAsync("/api/v1/forms?jurisdiction=44")).ReadJsonAsync()).ShouldNotContain(id => id.StartsWith("bj-etdz.", StringComparison.Ordinal));

        var form = (await (await client.GetAsync("/api/v1/forms/bj-etdz.annex-3-onsite")).ReadJsonAsync()).GetProperty("form");
        form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
            .Select(i => i.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null).OfType<string>()
            .ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "16", "17"]);
    }

    [Fact]
    public async Task An_internal_card_of_a_zone_institution_has_the_BJ_format_and_decodes_with_it()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, "employer", filingNumber: "202001");
        var supervisor = await Seed.SupervisorAsync(app, Zone, "internal", institution.Id);
        using var client = await ZoneOperatorAsync();
        var number = await client.IssuedNumberAsync(supervisor.Id, "2025-07-01");
        number.ShouldBe("Y112001250001");

        var response = await client.GetAsync($"/api/v1/card-numbers/{number}");
        var decoded = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, decoded.ToString());
        decoded.GetProperty("kind").GetString().ShouldBe("internal");
        decoded.GetProperty("scheme").GetString().ShouldBe("bj.internal");
        decoded.GetProperty("rule").GetString().ShouldBe("bj.card.internal-format");
        decoded.GetProperty("pack").GetString().ShouldBe("bj-etdz");
        decoded.GetProperty("year").GetInt32().ShouldBe(2025);
        decoded.GetProperty("serial").GetInt32().ShouldBe(1);
        decoded.GetProperty("allocationKey").GetString().ShouldBe("bj.internal/Y112001/2025");
    }

    [Theory]
    [InlineData("issued_on_1_July", "2025-07-01", "2028-06-30")]
    [InlineData("issued_on_29_February", "2024-02-29", "2027-02-28")]
    [InlineData("issued_on_1_January", "2025-01-01", "2027-12-31")]
    public async Task An_internal_card_of_the_zone_is_valid_three_years_as_its_sample_card_prints(string name, string issuedOn, string validUntil)
    {
        _ = name;
        // BJ 附件2 ("有效期限：2022.06-2025.06") through the pack's card validity policy (bj.card.validity); nationally no expiry.
        var institution = await Seed.InstitutionAsync(app, Zone, "employer");
        var supervisor = await Seed.SupervisorAsync(app, Zone, "internal", institution.Id);
        await app.DbAsync(async db =>
        {
            db.TrainingRecords.Add(new SupervisionCore.Host.Data.Registry.TrainingRecord { Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Kind = "qualification", On = new DateOnly(2024, 1, 1), Passed = true, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = await ZoneOperatorAsync();
        var response = await client.IssueAsync(supervisor.Id, issuedOn);
        var card = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, card.ToString());
        card.GetProperty("validUntil").GetString().ShouldBe(validUntil);
    }

    [Fact]
    public async Task An_industry_department_class_letter_is_refused_in_the_zone()
    {
        var institution = await Seed.InstitutionAsync(app, Zone, "industry", filingNumber: "402001", filingLevel: "mohrss");
        var supervisor = await Seed.SupervisorAsync(app, Zone, "internal", institution.Id);
        using var client = await ZoneOperatorAsync();
        var response = await client.IssueAsync(supervisor.Id, "2025-07-01");
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldContain("bj.card.internal-format");
    }
}
