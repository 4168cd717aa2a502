using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Host.Features.Complaints.Statistics;

public sealed class Request
{
    /// <summary>Calendar year of receipt (China time); default the current year.</summary>
    /// <example>2025</example>
    public int? Year { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2099);
}

/// <summary>Complaints received in a year in the caller's jurisdiction.</summary>
/// <param name="Year" example="2025">The year.</param>
/// <param name="Received" example="12">Complaints received.</param>
/// <param name="ByState">Count per state (received, investigating, referred, dismissed, concluded).</param>
/// <param name="BySource">Count per source (public, media).</param>
/// <param name="ByFinding">Count per finding of the concluded ones.</param>
/// <param name="Anonymous" example="7">Received without a contact.</param>
/// <param name="MedianDaysToConclusion" example="18.5">Median days from receipt to finding, of the concluded ones (null when none).</param>
public sealed record Response(int Year, int Received, IReadOnlyDictionary<string, int> ByState, IReadOnlyDictionary<string, int> BySource,
    IReadOnlyDictionary<string, int> ByFinding, int Anonymous, double? MedianDaysToConclusion);

public sealed class Endpoint(ComplaintAccess access, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/complaints/statistics");
        Roles(ComplaintAccess.Readers);
        Description(b => b.WithName("complaints.statistics"));
        Tags("complaints");
        Summary(s => { s.Summary = "Complaint statistics of a year"; s.Description = "本辖区某年受理的群众举报统计：按状态、来源、核实结论，匿名件数，受理至结论的天数中位数。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var year = req.Year ?? ChinaTime.DateOf(clock.GetUtcNow()).Year;
        var from = ChinaTime.StartOf(new DateOnly(year, 1, 1)).ToUniversalTime();
        var to = ChinaTime.StartOf(new DateOnly(year + 1, 1, 1)).ToUniversalTime();
        var rows = await access.Visible(User).AsNoTracking().Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)
            .Select(c => new { c.State, c.Source, c.Finding, Anonymous = c.ContactCipher == null, c.ReceivedAt, c.ConcludedAt }).ToListAsync(ct);
        var days = rows.Where(r => r.ConcludedAt is not null).Select(r => (r.ConcludedAt!.Value - r.ReceivedAt).TotalDays).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        await Send.OkAsync(new Response(year, rows.Count,
            ComplaintText.States.ToDictionary(s => s, s => rows.Count(r => r.State == s)),
            ComplaintText.Sources.ToDictionary(s => s, s => rows.Count(r => r.Source == s)),
            ComplaintText.Findings.ToDictionary(f => f, f => rows.Count(r => r.Finding == f)),
            rows.Count(r => r.Anonymous), median is null ? null : Math.Round(median.Value, 1)), ct);
    }
}
