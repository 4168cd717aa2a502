using System.Net;
using System.Net.Http.Headers;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// Issue #16 item 5: a wrong city letter in a Guangdong external card number is refused naming <c>gd.card.external-format</c>
/// alone and saying that the letter (position 6) is the fault — on the decode endpoint and on public verification.
/// </summary>
public sealed class GuangdongCardLetterTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("R4424X001", "'X'")]            // not a letter of table 3
    [InlineData("R4424I001", "'I'")]
    [InlineData("R4424Z001", "'Z'")]
    [InlineData("R4424a001", "'a' should be 'A'")] // lower case of Guangzhou's letter
    [InlineData("R4424#001", "Position 6")]
    public async Task A_wrong_city_letter_names_the_gd_format_and_the_letter(string number, string fault)
    {
        using var auditor = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "44"));
        using var anonymous = app.CreateClient();
        foreach (var client in new[] { auditor, anonymous })
        {
            var path = client == auditor ? $"/api/v1/card-numbers/{Uri.EscapeDataString(number)}" : $"/api/v1/public/cards/{Uri.EscapeDataString(number)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
            var response = await client.SendAsync(request);
            var problem = await response.ReadJsonAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var violation = problem.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem();
            violation.GetProperty("rule").GetString().ShouldBe("gd.card.external-format");
            violation.GetProperty("citation").GetString().ShouldNotBeNullOrEmpty();
            var message = violation.GetProperty("message").GetString()!;
            message.ShouldContain("Position 6");
            message.ShouldContain(fault);
        }
    }

    [Fact]
    public async Task The_letter_fault_reads_in_chinese_by_default_and_a_well_formed_unknown_gd_number_is_404()
    {
        using var anonymous = app.CreateClient();
        var zh = await (await anonymous.GetAsync("/api/v1/public/cards/R4424X001")).ReadJsonAsync();
        zh.GetProperty("violations")[0].GetProperty("message").GetString()!.ShouldContain("第6位城市字母“X”");
        // A number that could exist but was never issued is unknown, not malformed.
        (await anonymous.GetAsync("/api/v1/public/cards/R4424A998")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
