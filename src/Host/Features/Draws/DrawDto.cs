using SupervisionCore.Host.Data.Supervision;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>The full transcript of a draw: enough for anyone to re-run it.</summary>
public sealed record DrawDto(
    Guid Id, string Purpose, Guid? TaskId, string Jurisdiction, string Status, string Algorithm, string? SeedCommitment, string? Seed,
    string? PoolDigest, IReadOnlyList<string> Pool, IReadOnlyList<ExclusionDto> Exclusions, IReadOnlyList<string> Ranking, int Count,
    IReadOnlyList<string> Selected, IReadOnlyList<string> Substitutes, Guid? ReplacesDrawId, string? RedrawReason, bool Published,
    DateTimeOffset CreatedAt, DateTimeOffset? RunAt, string? Filter)
{
    public static DrawDto From(Draw d) => new(
        d.Id, d.Purpose, d.TaskId, d.Jurisdiction, d.Status, d.Algorithm, d.SeedCommitment, d.Seed, d.PoolDigest, d.Pool, DrawService.ExclusionsOf(d),
        d.Ranking, d.Count, [.. d.Ranking.Take(d.Count)], [.. d.Ranking.Skip(d.Count)], d.ReplacesDrawId, d.RedrawReason, d.Published, d.CreatedAt, d.RunAt, d.Filter);
}
