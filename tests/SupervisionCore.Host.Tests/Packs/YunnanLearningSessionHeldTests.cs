using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Packs.YunnanSupport;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// Issue #16 item 7 through the API (own database: the close judges every internal supervisor in 53): the YN 17 close
/// revokes only where the institution held a session the supervisor could attend (appointed on or before its day);
/// otherwise it reports "no session held" and revokes nobody.
/// </summary>
public sealed class YunnanLearningSessionHeldTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly int Year = Today.Year - 1;

    [Fact]
    public async Task The_close_revokes_only_where_a_session_was_held_that_the_supervisor_could_attend()
    {
        var holding = (await Seed.InstitutionAsync(app, "53")).Id;
        var silent = (await Seed.InstitutionAsync(app, "53")).Id;
        // Appointed on 1 January of the year (YunnanSupport): the session of 10 June was theirs to attend.
        var absent = (await AppointedAsync(app, "internal", holding)).Id;
        var ofTheSilentInstitution = (await AppointedAsync(app, "internal", silent)).Id;
        var appointedOnTheDay = await AppointedOnAsync(holding, new DateOnly(Year, 6, 10));
        var appointedTheDayAfter = await AppointedOnAsync(holding, new DateOnly(Year, 6, 11));
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        (await centre.PostJsonAsync("/api/v1/regions/yn/learning-sessions", new { institutionId = holding, jurisdiction = "53", year = Year, heldOn = new DateOnly(Year, 6, 10), content = "业务学习" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var preview = await CloseAsync(centre, dryRun: true);
        Ids(preview, "decisions").ShouldBe([absent, appointedOnTheDay], ignoreOrder: true);
        Ids(preview, "noSessionHeld").ShouldBe([ofTheSilentInstitution, appointedTheDayAfter], ignoreOrder: true);

        var close = await CloseAsync(centre, dryRun: false);
        Ids(close, "decisions").ShouldBe([absent, appointedOnTheDay], ignoreOrder: true);
        foreach (var n in close.GetProperty("noSessionHeld").EnumerateArray())
        {
            n.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.learning.annual");
            n.GetProperty("rule").GetProperty("citation").GetString().ShouldBe("YN 17");
            n.GetProperty("rule").GetProperty("message").GetString()!.ShouldContain("未举办");
        }
        // Nobody without a session to attend is sanctioned, blacklisted or loses a card.
        var sanctioned = await app.DbAsync(db => db.SupervisorSanctions.Where(s => s.Ground == "yn.learning.annual").Select(s => s.SupervisorId).ToListAsync());
        sanctioned.ShouldBe([absent, appointedOnTheDay], ignoreOrder: true);
        (await app.DbAsync(db => db.Cards.CountAsync(c => (c.SupervisorId == ofTheSilentInstitution || c.SupervisorId == appointedTheDayAfter) && c.WithdrawnOn != null))).ShouldBe(0);

        // The stored close reports the same (in the language of the close, as its decisions).
        var year = await (await centre.GetAsync($"/api/v1/regions/yn/learning-years/{Year}")).ReadJsonAsync();
        Ids(year, "noSessionHeld").ShouldBe([ofTheSilentInstitution, appointedTheDayAfter], ignoreOrder: true);
        year.GetProperty("noSessionHeld")[0].GetProperty("rule").GetProperty("message").GetString()!.ShouldContain("未举办");
    }

    [Theory]
    [InlineData("the_current_year", 0)]
    [InlineData("next_year", 1)]
    public async Task A_year_not_over_is_a_409_naming_the_rule(string name, int yearsAhead)
    {
        _ = name;
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));
        var response = await centre.PostAsync($"/api/v1/regions/yn/learning-years/{Today.Year + yearsAhead}/close", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).GetProperty("violations")[0].GetProperty("rule").GetString().ShouldBe("yn.learning.annual");
    }

    private async Task<Guid> AppointedOnAsync(Guid institution, DateOnly start)
    {
        var s = await Seed.SupervisorAsync(app, "53", "internal", institution, Seed.IdNumber("530102"), "李四");
        await Seed.AppointAndCardAsync(app, s.Id, "53", start);
        return s.Id;
    }

    private static Guid[] Ids(JsonElement outcome, string property) =>
        [.. outcome.GetProperty(property).EnumerateArray().Select(d => Guid.Parse(d.GetProperty("supervisorId").GetString()!))];

    private static async Task<JsonElement> CloseAsync(HttpClient client, bool dryRun)
    {
        var response = await client.PostAsync($"/api/v1/regions/yn/learning-years/{Year}/close?dryRun={(dryRun ? "true" : "false")}", null);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }
}
