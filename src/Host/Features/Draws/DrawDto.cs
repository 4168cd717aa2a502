using System.Security.Claims;
using SupervisionCore.Host.Access;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Registry;


namespace SupervisionCore.Host.Features.Draws;

/// <summary>A rule and how many candidates it excluded from a draw's pool.</summary>
/// <param name="Rule" example="cn.recusal.conflict">Rule id.</param>
/// <param name="Count" example="1">Candidates it excluded.</param>
public sealed record ExclusionCountDto(string Rule, int Count);

/// <summary>
/// A draw, compact (a pool can hold 100,000 ids): pool digest and size, exclusions counted per rule, the selected and the
/// first substitutes in order. Everything needed to re-run it — the pool, every exclusion with its rules, the whole
/// ranking — is at <see cref="Transcript"/> (<c>GET /api/v1/draws/{id}/transcript</c>).
/// </summary>
/// <remarks><c>substitutes</c>: the first <see cref="SubstitutesShown"/> substitutes, in the order they replace a refusal;
/// <c>substituteCount</c>: how many the ranking holds in all; <c>transcript</c>: path of the full transcript.</remarks>
/// <param name="Id" example="0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718">Draw id.</param>
/// <param name="Purpose" example="supervisor">supervisor | inspection.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The task (supervisor draws).</param>
/// <param name="Jurisdiction" example="44">Jurisdiction.</param>
/// <param name="Status" example="run">announced | run | superseded.</param>
/// <param name="Algorithm" example="hmac-sha256-rank/v1">Ranking algorithm.</param>
/// <param name="SeedCommitment" example="350ca307f4fc78a8937f440e964e2f96f4a904758dd2615c81769848c0f24357">Hex SHA-256 of the seed, announced before the draw.</param>
/// <param name="Seed" example="9c1185a5c5e9fc54612808977ee8f548b2258d31a4f3e2b1c0d9e8f7a6b5c4d3">The seed, hex.</param>
/// <param name="PoolDigest" example="b5d4c2e6a1f3908e7d6c5b4a3928170f6e5d4c3b2a190807f6e5d4c3b2a19080">Hex SHA-256 of the pool.</param>
/// <param name="PoolSize" example="7">Candidates after exclusions.</param>
/// <param name="ExcludedCount" example="1">Candidates excluded.</param>
/// <param name="ExclusionsByRule">Exclusions counted per rule.</param>
/// <param name="Count" example="2">Selected.</param>
/// <param name="Selected" example='["0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10", "0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c11"]'>Selected supervisor ids, in rank order.</param>
/// <param name="Substitutes" example='["0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c12"]'>The first substitutes, in order.</param>
/// <param name="SubstituteCount" example="5">Substitutes in the ranking.</param>
/// <param name="ReplacesDrawId" example="null">For a redraw: the draw replaced.</param>
/// <param name="RedrawReason" example="null">For a redraw: why.</param>
/// <param name="Published" example="true">Published (一公开).</param>
/// <param name="CreatedAt" example="2025-05-30T10:00:00+08:00">Created.</param>
/// <param name="RunAt" example="2025-05-30T10:00:01+08:00">Run.</param>
/// <param name="Filter" example="null">Inspection draws: the population filter, JSON.</param>
/// <param name="Transcript" example="/api/v1/draws/0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718/transcript">Path of the full transcript.</param>
public sealed record DrawDto(
    Guid Id, string Purpose, Guid? TaskId, string Jurisdiction, string Status, string Algorithm, string? SeedCommitment, string? Seed,
    string? PoolDigest, int PoolSize, int ExcludedCount, IReadOnlyList<ExclusionCountDto> ExclusionsByRule, int Count,
    IReadOnlyList<string> Selected, IReadOnlyList<string> Substitutes, int SubstituteCount, Guid? ReplacesDrawId, string? RedrawReason, bool Published,
    DateTimeOffset CreatedAt, DateTimeOffset? RunAt, string? Filter, string Transcript)
{
    /// <summary>How many substitutes the compact form lists.</summary>
    public const int SubstitutesShown = 20;

    public static DrawDto From(Draw d) => From(d, DrawService.ExclusionsOf(d));

    public static DrawDto From(Draw d, IReadOnlyList<ExclusionDto> exclusions)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(exclusions);
        var ranking = d.Ranking;
        return new(
            d.Id, d.Purpose, d.TaskId, d.Jurisdiction, d.Status, d.Algorithm, d.SeedCommitment, d.Seed, d.PoolDigest, d.PoolSize, exclusions.Count,
            [.. exclusions.SelectMany(e => e.Rules).GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ExclusionCountDto(g.Key, g.Count()))],
            d.Count, [.. ranking.Take(d.Count)], [.. ranking.Skip(d.Count).Take(SubstitutesShown)], Math.Max(0, ranking.Length - d.Count),
            d.ReplacesDrawId, d.RedrawReason, d.Published, d.CreatedAt, d.RunAt, d.Filter, $"/api/v1/draws/{d.Id}/transcript");
    }
}

/// <summary>The full transcript of a draw: enough for anyone to re-run it.</summary>
/// <remarks><c>pool</c>: candidate ids after exclusions, sorted ordinally; <c>exclusions</c>: every excluded candidate with the
/// rules that excluded it; <c>ranking</c>: the whole pool in drawn order, the first <c>count</c> selected, the rest substitutes in order.</remarks>
/// <param name="Id" example="0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718">Draw id.</param>
/// <param name="Algorithm" example="hmac-sha256-rank/v1">Ranking algorithm.</param>
/// <param name="SeedCommitment" example="350ca307f4fc78a8937f440e964e2f96f4a904758dd2615c81769848c0f24357">Announced commitment.</param>
/// <param name="Seed" example="9c1185a5c5e9fc54612808977ee8f548b2258d31a4f3e2b1c0d9e8f7a6b5c4d3">The seed, hex.</param>
/// <param name="PoolDigest" example="b5d4c2e6a1f3908e7d6c5b4a3928170f6e5d4c3b2a190807f6e5d4c3b2a19080">Hex SHA-256 of the pool.</param>
/// <param name="Pool" example='["0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10", "0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c11", "0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c12"]'>Candidate ids after exclusions, sorted ordinally.</param>
/// <param name="Exclusions">Every excluded candidate with its rules.</param>
/// <param name="Ranking" example='["0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c11", "0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10", "0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c12"]'>The whole pool in drawn order.</param>
/// <param name="Count" example="2">Selected.</param>
public sealed record DrawTranscriptDto(
    Guid Id, string Algorithm, string? SeedCommitment, string? Seed, string? PoolDigest, IReadOnlyList<string> Pool,
    IReadOnlyList<ExclusionDto> Exclusions, IReadOnlyList<string> Ranking, int Count)
{
    public static DrawTranscriptDto From(Draw d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Algorithm, d.SeedCommitment, d.Seed, d.PoolDigest, d.Pool, DrawService.ExclusionsOf(d), d.Ranking, d.Count);
    }
}

/// <summary>Who may read a draw (its compact form and its transcript).</summary>
public static class DrawVisibility
{
    /// <summary>
    /// Staff of the draw's jurisdiction; an institution operator only once published, and only the draws of its own
    /// institution's tasks and the inspection draws of its jurisdiction.
    /// </summary>
    public static async Task<bool> CanSeeAsync(SupervisionDbContext db, ClaimsPrincipal user, Draw? draw, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var institution = Guid.TryParse(user.FindFirst(Kernel.Access.SupervisionClaims.Institution)?.Value, out var own) ? own : Guid.Empty;
        return draw is not null && user.CanAccess(JurisdictionCode.Parse(draw.Jurisdiction))
            && (TaskAccess.IsStaff(user) || (draw.Published && draw.Purpose == "inspection")
                || (draw.Published && draw.TaskId is { } taskId && await db.SupervisionTasks.AnyAsync(t => t.Id == taskId && t.InstitutionId == institution, ct)));
    }
}
