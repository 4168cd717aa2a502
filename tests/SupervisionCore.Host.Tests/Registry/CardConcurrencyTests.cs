using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Registry;

/// <summary>cn.card.serial-sequence across two Host processes on one database: no serial duplicated or skipped.</summary>
public sealed class CardConcurrencyTests
{
    private const int Requests = 200;

    [Fact]
    public async Task Two_hundred_parallel_issuances_over_two_hosts_get_serials_1_to_200()
    {
        var database = TestCluster.NewDatabase("cardsconc");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Supervision"] = database,
            ["Bootstrap:AdminClientId"] = SupervisionApp.AdminClientId,
            ["Bootstrap:AdminClientSecret"] = SupervisionApp.AdminSecret,
        };
        await using var seeder = SupervisionApp.With(new Dictionary<string, string?>(), database);
        var ids = new List<Guid>();
        for (var i = 0; i < Requests; i++) ids.Add((await Seed.SupervisorAsync(seeder, "43")).Id);

        await using var first = HostProcess.Start(settings);
        await using var second = HostProcess.Start(settings);
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        var token = await seeder.AdminTokenAsync();
        foreach (var client in new[] { a, b }) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var responses = await Task.WhenAll(ids.Select(async (id, i) =>
        {
            var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync($"/api/v1/supervisors/{id}/cards", new { issuedOn = "2025-06-01", authorityId = "43" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        responses.Where(r => (int)r.StatusCode >= 500).ShouldBeEmpty(Failures(first) + Failures(second));
        responses.Select(r => r.StatusCode).Distinct().ShouldBe([HttpStatusCode.Created], string.Join("\n", responses.Where(r => r.StatusCode != HttpStatusCode.Created).Take(3).Select(r => r.Body)));
        var numbers = responses.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("number").GetString()!).ToList();
        numbers.Distinct().Count().ShouldBe(Requests);

        var serials = await seeder.DbAsync(db => db.Cards.Where(c => c.AllocationKey == "cn.external/43/2025").Select(c => c.Serial).ToListAsync());
        serials.Count.ShouldBe(Requests);
        serials.Distinct().Count().ShouldBe(Requests);
        serials.Max().ShouldBe(Requests);
        serials.Order().ShouldBe(Enumerable.Range(1, Requests));
        numbers.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, Requests).Select(n => $"R4325{n:D4}"));
    }

    /// <summary>The exception lines a Host logged, so a 5xx explains itself in the test output.</summary>
    private static string Failures(HostProcess host) =>
        string.Join("\n", host.Output.Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(10));
}
