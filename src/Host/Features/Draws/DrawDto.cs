using System.Security.Claims;
using SupervisionCore.Host.Access;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Registry;


namespace SupervisionCore.Host.Features.Draws;

/// <summary>A rule and how many candidates it excluded from a draw's pool.</summary>
public sealed record ExclusionCountDto(string Rule, int Count);

/// <summary>
/// A draw, compact (a pool can hold 100,000 ids): pool digest and size, exclusions counted per rule, the selected and the
/// first substitutes in order. Everything needed to re-run it — the pool, every exclusion with its rules, the whole
/// ranking — is at <see cref="Transcript"/> (<c>GET /api/v1/draws/{id}/transcript</c>).
/// </summary>
/// <remarks><c>substitutes</c>: the first <see cref="SubstitutesShown"/> substitutes, in the order they replace a refusal;
/// <c>substituteCount</c>: how many the ranking holds in all; <c>transcript</c>: path of the full transcript.</remarks>
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
            d.Id, d.Purpose, d.TaskId, d.Jurisdiction, d.Status, d.Algorithm, d.SeedCommitment, d.Seed, d.PoolDigest, d.Pool.Length, exclusions.Count,
            [.. exclusions.SelectMany(e => e.Rules).GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ExclusionCountDto(g.Key, g.Count()))],
            d.Count, [.. ranking.Take(d.Count)], [.. ranking.Skip(d.Count).Take(SubstitutesShown)], Math.Max(0, ranking.Length - d.Count),
            d.ReplacesDrawId, d.RedrawReason, d.Published, d.CreatedAt, d.RunAt, d.Filter, $"/api/v1/draws/{d.Id}/transcript");
    }
}

/// <summary>The full transcript of a draw: enough for anyone to re-run it.</summary>
/// <remarks><c>pool</c>: candidate ids after exclusions, sorted ordinally; <c>exclusions</c>: every excluded candidate with the
/// rules that excluded it; <c>ranking</c>: the whole pool in drawn order, the first <c>count</c> selected, the rest substitutes in order.</remarks>
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
