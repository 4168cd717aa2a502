using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Parameters;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Packs.YunnanSupport;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// YN 19's "连续3次" is a dated parameter (<c>yn.dispatch.refusal-limit.consecutive</c>): a refusal is judged with the value
/// in force on its day, through the API (the Host binds every answer rule to the stored parameters).
/// </summary>
public sealed class YunnanRefusalLimitParameterTests : IAsyncLifetime
{
    // A stored value changes every YN refusal: a database of its own.
    private readonly SupervisionApp app = SupervisionApp.With(new Dictionary<string, string?>());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_limit_of_four_in_force_lets_the_third_refusal_pass_and_the_fourth_revokes()
    {
        // A revision that took effect before today (values added through the API take effect only after today: stored here
        // as a past revision would be).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
            db.Set<ParameterValueRecord>().Add(new ParameterValueRecord
            {
                Id = Guid.CreateVersion7(), Pack = "yn", ParameterId = "yn.dispatch.refusal-limit.consecutive", EffectiveFrom = new DateOnly(2024, 1, 1),
                Value = "4", Reason = "测试：修订后的第十九条", Actor = "test", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var institution = await Seed.InstitutionAsync(app, "53");
        var (supervisor, card) = await AppointedAsync(app, idNumber: Seed.IdNumber("530102"), name: "孙四次");
        using var centre = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "53"));

        for (var i = 1; i <= 3; i++)
        {
            var answer = await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
            answer.GetProperty("consequences").GetArrayLength().ShouldBe(0, $"refusal {i} of a limit of 4");
        }
        var fourth = await RefuseAsync(centre, await InviteAsync(centre, await TaskAsync(centre, institution.Id), supervisor));
        var consequence = fourth.GetProperty("consequences").EnumerateArray().ShouldHaveSingleItem();
        consequence.GetProperty("action").GetString().ShouldBe("revoke-qualification");
        consequence.GetProperty("rule").GetProperty("rule").GetString().ShouldBe("yn.dispatch.refusal-limit");
        consequence.ToString().ShouldContain("yn.dispatch.refusal-limit.consecutive = 4 (2024-01-01)");
        consequence.GetProperty("withdrawnCards").EnumerateArray().Select(c => c.GetString()).ShouldBe([card]);
    }
}
