using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>GET /api/v1/card-numbers/{number}: decoding with the scheme the number belongs to.</summary>
public sealed class CardNumberTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task An_external_number_is_decoded_with_its_issuer_from_the_registry()
    {
        // 43: a province without a pack scheme (44 numbers external cards with the GD scheme, Packs/GuangdongTests).
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "43"));
        var response = await auditor.GetAsync("/api/v1/card-numbers/R43250123");
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("kind").GetString().ShouldBe("external");
        body.GetProperty("scheme").GetString().ShouldBe("cn.external");
        body.GetProperty("rule").GetString().ShouldBe("cn.card.external-format");
        body.GetProperty("classLetter").GetString().ShouldBe("R");
        body.GetProperty("issuer").GetProperty("code").GetString().ShouldBe("43");
        body.GetProperty("issuer").GetProperty("id").GetString().ShouldBe("43");
        body.GetProperty("issuer").GetProperty("name").GetProperty("zh").GetString().ShouldBe("湖南省职业技能鉴定中心");
        body.GetProperty("year").GetInt32().ShouldBe(2025);
        body.GetProperty("serial").GetInt32().ShouldBe(123);
        body.GetProperty("allocationKey").GetString().ShouldBe("cn.external/43/2025");
    }

    [Fact]
    public async Task An_internal_number_names_the_institution_by_its_issuer_code()
    {
        var institution = await Seed.InstitutionAsync(app, "44", "social-org");
        using var supervisor = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        var body = await (await supervisor.GetAsync($"/api/v1/card-numbers/S{institution.InternalIssuerCode}240007")).ReadJsonAsync();
        body.GetProperty("kind").GetString().ShouldBe("internal");
        body.GetProperty("classLetter").GetString().ShouldBe("S");
        body.GetProperty("className").GetProperty("zh").GetString().ShouldBe("社会培训评价组织");
        body.GetProperty("issuer").GetProperty("code").GetString().ShouldBe(institution.InternalIssuerCode);
        body.GetProperty("issuer").GetProperty("id").GetString().ShouldBe(institution.Id.ToString());
        body.GetProperty("issuer").GetProperty("name").GetProperty("zh").GetString().ShouldBe(institution.Name);
        body.GetProperty("year").GetInt32().ShouldBe(2024);
        body.GetProperty("serial").GetInt32().ShouldBe(7);
    }

    [Theory]
    [InlineData("R5325000X", "cn.card.external-format", "6–9")]
    // Inside GD's own space (R44…, 9 characters) the bundled GD scheme alone answers (issue #16 item 5).
    [InlineData("R4425000X", "gd.card.external-format", "7–9")]
    [InlineData("R99250001", "cn.card.external-format", "2–3")]
    [InlineData("r44250001", "cn.card.external-format", "R")]
    [InlineData("R442500", "cn.card.external-format", "9")]
    [InlineData("N440106250001", "cn.card.internal-format", "N")]
    [InlineData("Y000000250001", "cn.card.internal-format", "000000")]
    [InlineData("Y44010625000", "cn.card.internal-format", "13")]
    [InlineData("Y4401062A0000", "cn.card.internal-format", "8–9")]
    public async Task A_wrong_number_is_a_422_naming_the_format_rule_and_the_position(string number, string rule, string mentioned)
    {
        using var client = app.CreateClient(await app.AdminTokenAsync());
        var response = await client.GetAsync($"/api/v1/card-numbers/{number}");
        var problem = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Rules().ShouldContain(rule);
        // The bundled GD pack adds its explanation of the seed's "N" (gd.card.internal-format) in front; nothing else.
        problem.Rules().ShouldAllBe(r => r == rule || (number[0] == 'N' && r == "gd.card.internal-format"));
        problem.GetProperty("detail").GetString()!.ShouldContain(mentioned);
    }

    [Fact]
    public async Task Every_wrong_position_is_named()
    {
        using var client = app.CreateClient(await app.AdminTokenAsync());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var problem = await (await client.GetAsync("/api/v1/card-numbers/Y4401062A0000")).ReadJsonAsync();
        var messages = problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("message").GetString()!).ToList();
        messages.Count.ShouldBe(2);
        messages.ShouldContain(m => m.Contains("Positions 8–9"));
        messages.ShouldContain(m => m.Contains("Positions 10–13"));
    }

    [Fact]
    public async Task Decoding_needs_a_token()
    {
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/card-numbers/R44250001")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
