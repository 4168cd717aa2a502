using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;

namespace SupervisionCore.Host.Features.Complaints.Status;

public sealed class Request
{
    /// <example>K7Q2M9X4TB3C</example>
    public string TrackingCode { get; set; } = string.Empty;
}

/// <summary>What a reporter may learn: the state and the finding, nothing of the content or the investigation.</summary>
/// <param name="TrackingCode" example="K7Q2M9X4TB3C">The code.</param>
/// <param name="State" example="investigating">received | investigating | referred | dismissed | concluded.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="ConcludedAt">When the finding was recorded.</param>
/// <param name="Finding" example="substantiated">substantiated | partly-substantiated | unsubstantiated, once concluded.</param>
public sealed record Response(string TrackingCode, string State, DateTimeOffset ReceivedAt, DateTimeOffset? ConcludedAt, string? Finding);

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/public/complaints/{trackingCode}");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(RateLimits.Public));
        Description(b => b.WithName("public.complaints.status").Produces<Response>(200).ProducesProblem(404).ProducesProblem(429));
        Tags("public");
        Summary(s => { s.Summary = "The state of a report (anonymous)"; s.Description = "举报人凭查询码查询处理状态和核实结论；不返回举报内容和调查情况。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var code = req.TrackingCode.Trim().ToUpperInvariant();
        var c = code.Length == 12 ? await db.Complaints.AsNoTracking().SingleOrDefaultAsync(x => x.TrackingCode == code, ct) : null;
        if (c is null) { await Send.ResultAsync(Problems.NotFound("no report with this tracking code")); return; }
        await Send.OkAsync(new Response(c.TrackingCode, c.State, c.ReceivedAt, c.ConcludedAt, c.Finding), ct);
    }
}
