using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class AuthoritiesTests(SupervisionApp app) : IClassFixture<SupervisionApp>, IAsyncLifetime
{
    /// <summary>
    /// The bj-etdz pack defines the zone bureau <c>11.ETDZ</c>; no bundled pack defines a city centre yet, so one is added
    /// as a pack would, to test the tree filter.
    /// </summary>
    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        if (db.Authorities.Any(a => a.Id == "test.44.A")) return;
        db.Authorities.Add(
            new Authority { Id = "test.44.A", Kind = "city-centre", Jurisdiction = "44.A", CardIssuerCode = "A", NameZh = "广州市职业技能鉴定中心", NameEn = "Guangzhou appraisal centre", Source = "test" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> ListAsync(string query, string role = Roles.Supervisor, string jurisdiction = "44")
    {
        using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
        var response = await client.GetAsync("/api/v1/authorities" + query);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("count").GetInt32().ShouldBe(json.GetProperty("items").GetArrayLength());
        return json;
    }

    private static string[] Ids(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    [Fact]
    public async Task The_ministry_and_every_provincial_centre_exist_by_default_with_their_card_codes()
    {
        var all = await ListAsync("");
        var items = all.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        items["00"].GetProperty("kind").GetString().ShouldBe("ministry");
        items["00"].GetProperty("jurisdiction").GetString().ShouldBe("CN");
        items["00"].GetProperty("cardIssuerCode").GetString().ShouldBe("00");
        items["44"].GetProperty("kind").GetString().ShouldBe("provincial-centre");
        items["44"].GetProperty("name").GetProperty("zh").GetString().ShouldBe("广东省职业技能鉴定中心");
        items["44"].GetProperty("source").GetString().ShouldBe("cn");
        items.Values.Count(a => a.GetProperty("kind").GetString() == "provincial-centre").ShouldBe(35);
    }

    [Theory]
    // 44.A … 44.W are the Guangdong pack's 21 city centres (gd, IAuthorityCatalogue).
    [InlineData("Province_gets_ancestor_and_descendants", "44", new[] { "00", "44", "test.44.A", "44.A", "44.B", "44.C", "44.D", "44.E", "44.F", "44.P", "44.M", "44.L", "44.N", "44.S", "44.T", "44.J", "44.Q", "44.G", "44.K", "44.H", "44.R", "44.U", "44.V", "44.W" })]
    [InlineData("City_gets_its_ancestors", "44.A", new[] { "00", "44", "44.A", "test.44.A" })]
    [InlineData("Other_city_does_not_get_a_sibling", "44.B", new[] { "00", "44", "44.B" })]
    [InlineData("Zone_gets_its_province", "11.ETDZ", new[] { "00", "11", "11.ETDZ" })]
    [InlineData("Province_without_a_pack_gets_itself_and_the_ministry", "53", new[] { "00", "53" })]
    // Codes are sent in lower case: the filter accepts them as JurisdictionCode.Parse does.
    public async Task Jurisdiction_filter_returns_the_node_its_ancestors_and_its_descendants(string name, string jurisdiction, string[] expected)
    {
        Ids(await ListAsync($"?jurisdiction={jurisdiction.ToLowerInvariant()}")).ShouldBe(expected, ignoreOrder: true, customMessage: name);
    }

    [Fact]
    public async Task Kind_filter_combines_with_jurisdiction()
    {
        Ids(await ListAsync("?kind=provincial-centre&jurisdiction=44.A")).ShouldBe(["44"]);
        Ids(await ListAsync("?kind=zone-bureau")).ShouldBe(["11.ETDZ"]);
        Ids(await ListAsync("?kind=industry-department")).ShouldBeEmpty();
        Ids(await ListAsync("?jurisdiction=CN")).Length.ShouldBe(38 + 21); // + the Guangdong pack's city centres
    }

    [Theory]
    [InlineData("?jurisdiction=Guangdong", "jurisdiction")]
    [InlineData("?jurisdiction=44.ZZ", "jurisdiction")]
    [InlineData("?jurisdiction=99", "jurisdiction")]
    [InlineData("?kind=city_centre", "kind")]
    [InlineData("?kind=Ministry", "kind")]
    public async Task Bad_filters_are_400_naming_the_parameter(string query, string field)
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        var response = await client.GetAsync("/api/v1/authorities" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
        (await response.ReadJsonAsync()).NamesField(field).ShouldBeTrue(query);
    }

    [Theory]
    [InlineData(Roles.NationalAdmin, "CN")]
    [InlineData(Roles.ProvinceAdmin, "53")]
    [InlineData(Roles.CenterOperator, "44.A")]
    [InlineData(Roles.InstitutionOperator, "44")]
    [InlineData(Roles.Supervisor, "11")]
    [InlineData(Roles.Auditor, "44")]
    public async Task Every_role_reads_any_authority_and_an_unknown_id_is_404(string role, string jurisdiction)
    {
        using var client = app.CreateClient(await app.TokenForAsync(role, jurisdiction));
        var response = await client.GetAsync("/api/v1/authorities/44");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var authority = await response.ReadJsonAsync();
        authority.GetProperty("kind").GetString().ShouldBe("provincial-centre");
        authority.GetProperty("cardIssuerCode").GetString().ShouldBe("44");
        (await client.GetAsync("/api/v1/authorities/test.44.A")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var missing = await client.GetAsync("/api/v1/authorities/99");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Anonymous_callers_are_401()
    {
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/authorities")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/authorities/00")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
