using System.Net;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>GET /api/v1/public/cards/{number}: anonymous verification with nothing personal but a masked name.</summary>
public sealed class PublicCardTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly string[] Fields = ["number", "status", "issuer", "validFrom", "validUntil", "holder"];

    private static DateOnly Today => ChinaTime.DateOf(DateTimeOffset.UtcNow);

    private async Task<(Supervisor Supervisor, string Number)> CardAsync(string jurisdiction, string name, string issuedOn = "2025-05-10")
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var supervisor = await Seed.SupervisorAsync(app, jurisdiction, name: name);
        return (supervisor, await admin.IssuedNumberAsync(supervisor.Id, issuedOn, jurisdiction));
    }

    private async Task<System.Text.Json.JsonElement> VerifyAsync(string number)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/public/cards/{number}");
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.EnumerateObject().Select(p => p.Name).ShouldBe(Fields, ignoreOrder: true);
        return body;
    }

    [Fact]
    public async Task A_valid_card_shows_status_issuer_period_and_masked_name_only()
    {
        var (supervisor, number) = await CardAsync("41", "张三");
        using var anonymous = app.CreateClient();
        var text = await anonymous.GetStringAsync($"/api/v1/public/cards/{number}");
        text.ShouldNotContain(supervisor.IdNumberMasked);
        text.ShouldNotContain(supervisor.Id.ToString());
        text.ShouldNotContain("张三");
        var body = await VerifyAsync(number);
        body.GetProperty("status").GetString().ShouldBe("valid");
        body.GetProperty("holder").GetString().ShouldBe("张*");
        body.GetProperty("issuer").GetString().ShouldBe("河南省职业技能鉴定中心");
        body.GetProperty("validFrom").GetString().ShouldBe("2025-05-10");
        body.GetProperty("validUntil").GetString().ShouldBe("9999-12-31"); // no expiry nationally (issue #16 item 6)
    }

    [Theory]
    [InlineData("欧阳修", "欧**")]
    [InlineData("李", "李")]
    [InlineData("阿依古丽·买买提", "阿*******")]
    public async Task Only_the_first_character_of_the_name_is_shown(string name, string masked)
    {
        var (_, number) = await CardAsync("42", name);
        (await VerifyAsync(number)).GetProperty("holder").GetString().ShouldBe(masked);
    }

    [Fact]
    public async Task A_withdrawn_card_is_withdrawn()
    {
        var (_, number) = await CardAsync("43", "王五");
        await app.DbAsync(db => db.Cards.Where(c => c.Number == number).ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnOn, Today)));
        (await VerifyAsync(number)).GetProperty("status").GetString().ShouldBe("withdrawn");
    }

    [Fact]
    public async Task A_card_of_a_suspended_holder_is_suspended_only_during_the_suspension()
    {
        var (supervisor, number) = await CardAsync("45", "赵六");
        await app.DbAsync(async db =>
        {
            db.SupervisorSanctions.Add(new SupervisorSanction
            {
                Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Measure = "suspension", Ground = "test", DecidedBy = "test",
                DecidedOn = Today.AddDays(-40), SuspendedFrom = Today.AddDays(-40), SuspendedUntil = Today.AddDays(-10), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        (await VerifyAsync(number)).GetProperty("status").GetString().ShouldBe("valid");
        await app.DbAsync(async db =>
        {
            db.SupervisorSanctions.Add(new SupervisorSanction
            {
                Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Measure = "suspension", Ground = "test", DecidedBy = "test",
                DecidedOn = Today, SuspendedFrom = Today, SuspendedUntil = Today.AddDays(30), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        (await VerifyAsync(number)).GetProperty("status").GetString().ShouldBe("suspended");
    }

    [Fact]
    public async Task A_card_past_its_last_day_is_expired()
    {
        var supervisor = await Seed.SupervisorAsync(app, "46", name: "孙七");
        await app.DbAsync(async db =>
        {
            db.TrainingRecords.Add(new TrainingRecord { Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Kind = "qualification", On = new DateOnly(2020, 11, 1), Passed = true, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var number = await admin.IssuedNumberAsync(supervisor.Id, "2021-01-10", "46");
        // Nationally a card has no expiry of its own: issued in 2021, still valid (issue #16 item 6).
        (await VerifyAsync(number)).GetProperty("status").GetString().ShouldBe("valid");
        // A card with a period (as a pack's validity policy gives it, BJ 附件2) is expired the day after its last day.
        await app.DbAsync(db => db.Cards.Where(c => c.Number == number).ExecuteUpdateAsync(u => u.SetProperty(c => c.ValidUntil, new DateOnly(2024, 1, 9))));
        var body = await VerifyAsync(number);
        body.GetProperty("status").GetString().ShouldBe("expired");
        body.GetProperty("validUntil").GetString().ShouldBe("2024-01-09");
    }

    [Fact]
    public async Task An_unknown_number_is_a_404_problem()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/public/cards/R44259998");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Past_the_public_limit_the_answer_is_429_with_retry_after()
    {
        await using var limited = SupervisionApp.With(new Dictionary<string, string?> { ["RateLimits:PublicPerMinute"] = "3" });
        using var anonymous = limited.CreateClient();
        for (var i = 0; i < 3; i++)
            (await anonymous.GetAsync("/api/v1/public/cards/R44250001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await anonymous.GetAsync("/api/v1/public/cards/R44250001");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.ReadJsonAsync()).GetProperty("status").GetInt32().ShouldBe(429);
    }

    [Fact]
    public async Task Past_the_issuance_limit_the_answer_is_429()
    {
        await using var limited = SupervisionApp.With(new Dictionary<string, string?> { ["RateLimits:IssuancePerMinute"] = "2" });
        using var admin = limited.CreateClient(await limited.AdminTokenAsync());
        for (var i = 0; i < 2; i++)
            (await admin.IssueAsync(Guid.NewGuid(), "2025-01-01", "44")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await admin.IssueAsync(Guid.NewGuid(), "2025-01-01", "44");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }
}
