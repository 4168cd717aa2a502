using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupervisionCore.Host.Features.Packs.Services;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Security;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Host.Tests.Packs.YunnanSupport;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// Packs' writes in the Host's hash-chained audit log (<see cref="IPackAudit"/>, contract 1.3): what a pack may record,
/// the entry committing or rolling back with the pack's transaction, and the bundled packs' writes leaving entries that
/// <c>/api/v1/audit/verify</c> checks with the rest of the chain. The access matrix asserts an entry for every pack write too.
/// </summary>
public sealed class PackAuditTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Theory]
    [InlineData("yn.assessment.record", "53", "yn.assessment.annual", "year=2025 passed=no", null)]
    [InlineData("bj-etdz.venue.register", "11.ETDZ", "bj.venue.inspection", "institution=0193a5c4-7e21-7b3c-9d42-531234567890", null)] // a GUID's 12 digits are not a phone number
    [InlineData("yn.assessment.record", "53", "cn.appointment.term", null, null)] // a pack may cite a national rule
    [InlineData("assessment.record", "53", null, null, "action")]
    [InlineData("yn.", "53", null, null, "action")]
    [InlineData("hunan.review.record", "43", null, null, "action")] // not an enabled pack
    [InlineData("yn.assessment.record", "53.ZZ", null, null, "jurisdiction")]
    [InlineData("yn.assessment.record", "53", "yn.no-such-rule", null, "rule")]
    [InlineData("yn.assessment.record", "53", null, "id=110101199003071234", "resident ID number")]
    [InlineData("yn.assessment.record", "53", null, "id=11010119900307123X", "resident ID number")]
    [InlineData("yn.assessment.record", "53", null, "old id 110101900307123", "resident ID number")]
    [InlineData("yn.assessment.record", "53", null, "phone 13812345678", "phone number")]
    [InlineData("yn.assessment.record", "53", null, "count=138123456789", null)] // 12 digits: neither
    public void A_pack_records_only_its_own_actions_catalogued_rules_known_places_and_no_personal_numbers(string action, string jurisdiction, string? rule, string? detail, string? problem)
    {
        var catalog = app.Services.GetRequiredService<PackCatalog>();
        var entry = new PackAuditEntry(action, "yn.assessment", "x-1", JurisdictionCode.Parse(jurisdiction), rule is null ? null : [rule], Detail: detail);
        var found = PackAudit.Problem(entry, catalog);
        if (problem is null) found.ShouldBeNull();
        else found.ShouldNotBeNull().ShouldContain(problem);
    }

    [Fact]
    public async Task The_entry_commits_or_rolls_back_with_the_packs_transaction()
    {
        var audit = app.Services.GetRequiredService<IPackAudit>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var target = Guid.NewGuid().ToString();
        var entry = new PackAuditEntry("yn.assessment.record", "yn.assessment", target, JurisdictionCode.Parse("53"), ["yn.assessment.annual"], After: new { passed = true });

        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            (await audit.AppendAsync(entry, null, rolledBack, default)).ShouldBeGreaterThan(0);
            await rolledBack.RollbackAsync();
        }
        (await EntriesAsync(target)).ShouldBeEmpty();

        await using (var committed = await connection.BeginTransactionAsync())
        {
            await audit.AppendAsync(entry, null, committed, default);
            await committed.CommitAsync();
        }
        var stored = (await EntriesAsync(target)).ShouldHaveSingleItem();
        stored.GetProperty("actor").GetString().ShouldBe("system");
        stored.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldBe(["yn.assessment.annual"]);
        stored.GetProperty("afterDigest").GetString()!.Length.ShouldBe(64);
        await ChainIntactAsync();

        // A refused entry throws before anything is written.
        await using var refused = await connection.BeginTransactionAsync();
        await Should.ThrowAsync<ArgumentException>(() => audit.AppendAsync(entry with { Action = "gd-fake.x" }, null, refused, default));
    }

    [Fact]
    public async Task Yunnan_and_Beijing_writes_are_audited_with_their_rule_and_no_personal_data()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        var idNumber = Seed.IdNumber("530102");
        var (supervisor, _) = await AppointedAsync(app, kind: "internal", institution: institution.Id, idNumber: idNumber, name: "钱审计");
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));

        var session = await CreatedIdAsync(await centre.PostJsonAsync("/api/v1/regions/yn/learning-sessions",
            new { institutionId = institution.Id, jurisdiction = "53", year = Today.Year, heldOn = Today, content = "业务学习" }));
        (await centre.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{session}/results/{supervisor}", new { attended = true, passed = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await centre.PutAsJsonAsync($"/api/v1/regions/yn/learning-sessions/{session}/results/{supervisor}", new { attended = true, passed = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var task = await TaskAsync(centre, institution.Id, kind: "annual-inspection");
        var inspection = await CreatedIdAsync(await centre.PostJsonAsync("/api/v1/regions/yn/annual-inspections", new { taskId = task, institutionId = institution.Id, jurisdiction = "53", year = Today.Year - 1 }));
        (await centre.PostJsonAsync($"/api/v1/regions/yn/annual-inspections/{inspection}/steps", new { step = "notice", on = Today, text = "通知" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var result = (await EntriesAsync($"{session}/{supervisor}")).ToList();
        result.Select(e => e.GetProperty("action").GetString()).ShouldBe(["yn.learning-result.record", "yn.learning-result.record"]);
        result[0].TryGetProperty("beforeDigest", out _).ShouldBeFalse(); // the first answer had no prior state (null is left out)
        result[1].GetProperty("beforeDigest").GetString().ShouldBe(result[0].GetProperty("afterDigest").GetString()); // the change is attested link by link
        (await EntriesAsync(session.ToString())).Single().GetProperty("action").GetString().ShouldBe("yn.learning-session.create");
        (await EntriesAsync(inspection.ToString())).Select(e => e.GetProperty("action").GetString()).ShouldBe(["yn.annual-inspection.create", "yn.annual-inspection.step"]);

        var bj = await Seed.InstitutionAsync(app, "11.ETDZ");
        using var bureau = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "11.ETDZ"));
        var venue = await CreatedIdAsync(await bureau.PostJsonAsync("/api/v1/regions/bj-etdz/venues", AccessMatrix.Venue(bj.Id)));
        var registered = (await EntriesAsync(venue.ToString())).ShouldHaveSingleItem();
        registered.GetProperty("action").GetString().ShouldBe("bj-etdz.venue.register");
        registered.GetProperty("jurisdiction").GetString().ShouldBe("11.ETDZ");

        var everything = JsonSerializer.Serialize(await AllEntriesAsync());
        everything.ShouldNotContain(idNumber);
        everything.ShouldNotContain("钱审计");
        await ChainIntactAsync();
    }

    [Fact]
    public async Task An_annual_inspection_names_an_annual_inspection_task_of_that_institution()
    {
        var institution = await Seed.InstitutionAsync(app, "53");
        var other = await Seed.InstitutionAsync(app, "53");
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        object Body(Guid task) => new { taskId = task, institutionId = institution.Id, jurisdiction = "53", year = Today.Year - 1 };

        var unknown = await centre.PostJsonAsync("/api/v1/regions/yn/annual-inspections", Body(Guid.NewGuid()));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var daily = await centre.PostJsonAsync("/api/v1/regions/yn/annual-inspections", Body(await TaskAsync(centre, institution.Id)));
        daily.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await daily.ReadJsonAsync()).Rules().ShouldBe(["yn.task.annual-inspection"]);
        var elsewhere = await centre.PostJsonAsync("/api/v1/regions/yn/annual-inspections", Body(await TaskAsync(centre, other.Id, kind: "annual-inspection")));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await elsewhere.ReadJsonAsync()).Rules().ShouldBe(["yn.task.annual-inspection"]);
        (await centre.PostJsonAsync("/api/v1/regions/yn/annual-inspections", Body(await TaskAsync(centre, institution.Id, kind: "annual-inspection")))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    private Task<List<JsonElement>> EntriesAsync(string targetId) => RegistryTestData.AuditOfAsync(app, Uri.EscapeDataString(targetId));

    private async Task<IReadOnlyList<JsonElement>> AllEntriesAsync()
    {
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        List<JsonElement> all = [];
        long after = 0;
        while (true)
        {
            var page = await (await auditor.GetAsync($"/api/v1/audit?afterSeq={after}&limit=200")).ReadJsonAsync();
            all.AddRange(page.GetProperty("items").EnumerateArray());
            if (!page.TryGetProperty("nextAfterSeq", out var next) || next.ValueKind != JsonValueKind.Number) return all;
            after = next.GetInt64();
        }
    }

    private async Task ChainIntactAsync()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var verify = await (await admin.GetAsync("/api/v1/audit/verify")).ReadJsonAsync();
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue(verify.ToString());
    }
}
