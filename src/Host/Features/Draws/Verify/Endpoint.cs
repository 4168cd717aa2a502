using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Verify;

public sealed class Request
{
    /// <example>0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718</example>
    public Guid Id { get; set; }
}

/// <summary>The re-run: <c>match</c> when the recorded pool digest, commitment and ranking are what the algorithm gives.</summary>
/// <param name="DrawId" example="0193a5c4-9d30-7e5f-a1b2-c3d4e5f60718">Draw id.</param>
/// <param name="Match" example="true">All three checks pass.</param>
/// <param name="PoolDigestMatches" example="true">The pool gives the recorded digest.</param>
/// <param name="CommitmentMatches" example="true">The seed gives the announced commitment (or none was announced).</param>
/// <param name="RankingMatches" example="true">Re-ranking gives the recorded ranking.</param>
/// <param name="Algorithm" example="hmac-sha256-rank/v1">Ranking algorithm.</param>
public sealed record Response(Guid DrawId, bool Match, bool PoolDigestMatches, bool CommitmentMatches, bool RankingMatches, string Algorithm);

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/draws/{id}/verify");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("draws.verify").ProducesProblem(404));
        Tags("draws");
        Summary(s => { s.Summary = "Re-run a draw from its record"; s.Description = "按记录复算抽取：池摘要、种子承诺与排名均一致则 match；任何篡改都会导致 mismatch。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == req.Id && d.Status != "announced", ct);
        if (draw is null || !User.CanAccess(JurisdictionCode.Parse(draw.Jurisdiction)) || (!TaskAccess.IsStaff(User) && !draw.Published))
        { await Send.ResultAsync(Problems.NotFound($"run draw {req.Id}")); return; }
        var transcript = DrawService.TranscriptOf(draw);
        var digest = VerifiableDraw.DigestOf(VerifiableDraw.Canonical(draw.Pool)) == draw.PoolDigest && VerifiableDraw.Canonical(draw.Pool).SequenceEqual(draw.Pool);
        var commitment = draw.SeedCommitment is null || (VerifiableDraw.IsHex(draw.Seed) && VerifiableDraw.CommitmentOf(draw.Seed!) == draw.SeedCommitment);
        var ranking = VerifiableDraw.Verify(transcript);
        await Send.OkAsync(new Response(draw.Id, digest && commitment && ranking, digest, commitment, ranking, draw.Algorithm), ct);
    }
}
