using System.Net;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>
/// The README's demo (<c>Demo:Enabled=true</c>): drawn tasks in Guangdong, the Beijing ETDZ and Yunnan whose draws were
/// made by the real draw service — they verify, have transcripts, one per jurisdiction is public, one has an accepted
/// assignment — and a second start on the same database adds nothing.
/// </summary>
public sealed class DemoTests
{
    private static readonly string[] DrawnJurisdictions = ["11.ETDZ", "44", "53"];

    [Fact]
    public async Task Demo_draws_verify_are_public_and_a_restart_duplicates_nothing()
    {
        var database = TestCluster.NewDatabase("demo");
        var demo = new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
        Counts first;
        await using (var app = SupervisionApp.With(demo, database))
        {
            using var anonymous = app.CreateClient();
            using var admin = app.CreateClient(await app.AdminTokenAsync());
            var draws = await app.DbAsync(db => db.Draws.AsNoTracking().Where(d => d.Purpose == "supervisor" && d.Status == "run")
                .Select(d => new { d.Id, d.Jurisdiction, d.Published, d.Count }).ToListAsync());
            draws.Select(d => d.Jurisdiction).Distinct().Order(StringComparer.Ordinal).ShouldBe(DrawnJurisdictions);

            foreach (var draw in draws)
            {
                var verify = await admin.PostAsync($"/api/v1/draws/{draw.Id}/verify", null);
                var verdict = await verify.ReadJsonAsync();
                verify.StatusCode.ShouldBe(HttpStatusCode.OK, verdict.ToString());
                verdict.GetProperty("match").GetBoolean().ShouldBeTrue(verdict.ToString());

                var transcript = await admin.GetAsync($"/api/v1/draws/{draw.Id}/transcript");
                var body = await transcript.ReadJsonAsync();
                transcript.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
                body.GetProperty("pool").GetArrayLength().ShouldBeGreaterThanOrEqualTo(draw.Count);
                body.GetProperty("ranking").GetArrayLength().ShouldBe(body.GetProperty("pool").GetArrayLength());
            }

            foreach (var jurisdiction in DrawnJurisdictions)
            {
                var published = draws.Where(d => d.Jurisdiction == jurisdiction && d.Published).Select(d => d.Id).ToList();
                published.Count.ShouldBe(1, jurisdiction);
                var list = await anonymous.GetAsync($"/api/v1/public/draws?jurisdiction={jurisdiction}");
                var page = await list.ReadJsonAsync();
                list.StatusCode.ShouldBe(HttpStatusCode.OK, page.ToString());
                var listed = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("drawId").GetGuid()).ToList();
                listed.ShouldContain(published[0], jurisdiction);
                page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("drawId").GetGuid() == published[0])
                    .GetProperty("cardNumbers").GetArrayLength().ShouldBeGreaterThan(0);
            }

            var accepted = await app.DbAsync(db => (from a in db.Assignments.AsNoTracking()
                                                    join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
                                                    where a.Status == "accepted" && a.DrawId != null
                                                    select t.Jurisdiction).ToListAsync());
            accepted.Distinct().Order(StringComparer.Ordinal).ShouldBe(DrawnJurisdictions);
            first = await CountAsync(app);
        }

        await using (var restarted = SupervisionApp.With(demo, database))
        {
            using var client = restarted.CreateClient();
            (await CountAsync(restarted)).ShouldBe(first);
        }
    }

    private sealed record Counts(int Institutions, int Supervisors, int Cards, int Tasks, int Draws, int Assignments, int Accepted);

    private static Task<Counts> CountAsync(SupervisionApp app) => app.DbAsync(async db => new Counts(
        await db.Institutions.CountAsync(), await db.Supervisors.CountAsync(), await db.Cards.CountAsync(), await db.SupervisionTasks.CountAsync(),
        await db.Draws.CountAsync(), await db.Assignments.CountAsync(), await db.Assignments.CountAsync(a => a.Status == "accepted")));
}
