using System.Net;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>bj-etdz venues (BJ 23, annex 5) through the HTTP API with the pack loaded from disk and its own tables migrated.</summary>
public sealed class BeijingEtdzVenueTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private const string Zone = "11.ETDZ";
    private const string Venues = "/api/v1/regions/bj-etdz/venues";

    private static object Registration(Guid? institutionId = null) => new
    {
        institutionId,
        name = "一号实训楼",
        address = "北京经济技术开发区科创十三街 1 号",
        occupations = new[] { new { occupation = "电工", level = "三级" }, new { occupation = "焊工", level = "四级" } },
        equipment = new[]
        {
            new { name = "低压配电实训台", model = "DY-3", spec = "380V", quantity = 10 },
            new { name = "电焊机", model = "ZX7-400", spec = "400A", quantity = 6 },
        },
    };

    private async Task<(Guid Institution, HttpClient Operator)> InstitutionAsync(string filing)
    {
        var institution = await Seed.InstitutionAsync(app, Zone, "social-org", filingNumber: filing);
        return (institution.Id, app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, Zone, institutionId: institution.Id)));
    }

    private async Task<HttpClient> InspectorAsync()
    {
        var supervisor = await Seed.SupervisorAsync(app, Zone, idNumber: Seed.IdNumber("110115", new DateOnly(1975, 1, 1), true), name: "李四");
        await Seed.AppointAndCardAsync(app, supervisor.Id, "11", ChinaTime.DateOf(DateTimeOffset.UtcNow).AddYears(-1));
        return app.CreateClient(await app.TokenForAsync(Roles.Supervisor, Zone, supervisorId: supervisor.Id));
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync(Venues, body);
        var venue = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, venue.ToString());
        return venue;
    }

    private static string Today => ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Check(IEnumerable<object> items, string matchesFiling, string? checkedOn = null) => new
    {
        answers = new Dictionary<string, string>
        {
            ["matches-filing"] = matchesFiling, ["checked-on"] = checkedOn ?? Today,
            ["organisation-seal"] = "已盖章", ["inspector-signature"] = "李四", ["inspecting-body-seal"] = "经开区社会事业局（盖章）",
        },
        items,
    };

    [Fact]
    public async Task An_institution_registers_a_venue_and_an_external_supervisor_checks_it()
    {
        var (institution, op) = await InstitutionAsync("309101");
        using var _ = op;
        var venue = await RegisterAsync(op, Registration());
        var id = venue.GetProperty("id").GetGuid();
        venue.GetProperty("institutionId").GetGuid().ShouldBe(institution);
        venue.GetProperty("equipment").EnumerateArray().Select(e => (e.GetProperty("position").GetInt32(), e.GetProperty("model").GetString(), e.GetProperty("quantity").GetInt32()))
            .ShouldBe([(1, "DY-3", 10), (2, "ZX7-400", 6)]);
        var subjects = venue.GetProperty("checkSubjects").EnumerateArray().Select(s => s.GetString()!).ToList();
        subjects.ShouldBe(["name", "address", "occupation-1", "occupation-2", "equipment-1", "equipment-2"]);

        // The institution sees it; the zone bureau lists it.
        (await op.GetAsync($"{Venues}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var bureau = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));
        (await (await bureau.GetAsync($"{Venues}?institutionId={institution}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(v => v.GetProperty("id").GetGuid()).ShouldBe([id]);

        using var inspector = await InspectorAsync();
        var items = subjects.Select(s => s == "equipment-2"
            ? (object)new { subject = s, result = "does-not-match", note = "备案 6 台，现场 4 台" }
            : new { subject = s, result = "matches", note = (string?)null }).ToList();
        var response = await inspector.PostJsonAsync($"{Venues}/{id}/inspections", Check(items, "no"));
        var inspection = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, inspection.ToString());
        inspection.GetProperty("matches").GetBoolean().ShouldBeFalse();
        inspection.GetProperty("formId").GetString().ShouldBe("bj-etdz.annex-5");
        inspection.GetProperty("rule").GetString().ShouldBe("bj.venue.inspection");
        var answers = inspection.GetProperty("answers");
        answers.GetProperty("venue-name").GetString().ShouldBe("一号实训楼");
        answers.GetProperty("organisation").GetString().ShouldBe("测试评价机构 309101");
        answers.GetProperty("occupations-and-levels").GetString().ShouldBe("电工（三级）；焊工（四级）");
        inspection.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("subject").GetString() == "equipment-2")
            .GetProperty("note").GetString().ShouldBe("备案 6 台，现场 4 台");

        var list = await (await op.GetAsync($"{Venues}/{id}/inspections")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([inspection.GetProperty("id").GetGuid()]);
    }

    [Fact]
    public async Task An_inspection_that_does_not_fit_annex_5_names_the_fields_and_changes_nothing()
    {
        var (_, op) = await InstitutionAsync("309102");
        using var _op = op;
        var id = (await RegisterAsync(op, Registration())).GetProperty("id").GetGuid();
        using var inspector = await InspectorAsync();
        object[] items =
        [
            new { subject = "name", result = "does-not-match", note = "" },
            new { subject = "address", result = "matches" },
            new { subject = "equipment-9", result = "matches" },
        ];
        var response = await inspector.PostJsonAsync($"{Venues}/{id}/inspections", Check(items, "yes", "2099-01-01"));
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        var text = problem.ToString();
        foreach (var field in new[] { "items[0].note", "items[2].subject", "\"items\"" }) text.ShouldContain(field);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var future = await inspector.PostJsonAsync($"{Venues}/{id}/inspections", Check(
            new[] { "name", "address", "occupation-1", "occupation-2", "equipment-1", "equipment-2" }.Select(s => new { subject = s, result = "matches" }), "yes", "2099-01-01"));
        (await future.ReadJsonAsync()).ToString().ShouldContain("answers.checked-on");
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await (await op.GetAsync($"{Venues}/{id}/inspections")).ReadJsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Registration_input_is_validated_field_by_field()
    {
        var (_, op) = await InstitutionAsync("309103");
        using var _op = op;
        var response = await op.PostJsonAsync(Venues, new
        {
            name = "", address = "地址", occupations = new[] { new { occupation = "电工", level = "六级" } },
            equipment = new[] { new { name = "台", model = (string?)null, spec = (string?)null, quantity = 0 } },
        });
        var text = (await response.ReadJsonAsync()).ToString();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        foreach (var field in new[] { "name", "occupations[0].Level", "equipment[0].Quantity" }) text.ShouldContain(field, Case.Insensitive);
    }

    [Fact]
    public async Task Who_may_register_see_and_inspect()
    {
        var (institution, op) = await InstitutionAsync("309104");
        using var _op = op;
        var (otherInstitution, other) = await InstitutionAsync("309105");
        using var _other = other;

        // An operator cannot register for another institution; an administrator of the zone can, naming it.
        (await other.PostJsonAsync(Venues, Registration(institution))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var bureau = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, Zone));
        var venue = await RegisterAsync(bureau, Registration(institution));
        var id = venue.GetProperty("id").GetGuid();
        (await bureau.PostJsonAsync(Venues, Registration())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // An institution outside the zone is not found for the zone's bureau.
        var guangzhou = await Seed.InstitutionAsync(app, "44", filingNumber: "449106");
        (await bureau.PostJsonAsync(Venues, Registration(guangzhou.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var gdAdmin = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
        (await gdAdmin.PostJsonAsync(Venues, Registration(institution))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The other institution does not see it (404), nor does Guangdong.
        (await other.GetAsync($"{Venues}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gdAdmin.GetAsync($"{Venues}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await other.GetAsync(Venues)).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldAllBe(v => v.GetProperty("institutionId").GetGuid() == otherInstitution);

        // Only an external supervisor of the zone with an appointment in force inspects.
        var inner = await Seed.SupervisorAsync(app, Zone, "internal", institution);
        using var internalSupervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, Zone, supervisorId: inner.Id));
        var unappointed = await Seed.SupervisorAsync(app, Zone);
        using var notAppointed = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, Zone, supervisorId: unappointed.Id));
        var items = new[] { "name", "address", "occupation-1", "occupation-2", "equipment-1", "equipment-2" }.Select(s => new { subject = s, result = "matches" });
        (await internalSupervisor.PostJsonAsync($"{Venues}/{id}/inspections", Check(items, "yes"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notAppointed.PostJsonAsync($"{Venues}/{id}/inspections", Check(items, "yes"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bureau.PostJsonAsync($"{Venues}/{id}/inspections", Check(items, "yes"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var inspector = await InspectorAsync();
        var ok = await inspector.PostJsonAsync($"{Venues}/{id}/inspections", Check(items, "yes"));
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        (await ok.ReadJsonAsync()).GetProperty("matches").GetBoolean().ShouldBeTrue();
    }
}
