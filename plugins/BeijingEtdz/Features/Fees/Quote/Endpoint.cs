using FastEndpoints;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.BeijingEtdz.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Quote;

/// <summary>Quotes a supervisor's fee for an attendance (bj.fee.schedule, BJ 27).</summary>
public sealed class Endpoint(FeeScheduleRule rule, IParameterSource parameters) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/regions/bj-etdz/fees/quote");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("bj-etdz.fees.quote"));
        Tags("bj-etdz");
        Summary(s =>
        {
            s.Summary = "Quote a supervisor's fee (劳务费) for an attendance";
            s.Description = "BJ 27: 400 yuan per half day, 800 per day; at most 4 hours (4 h included) is a half day, " +
                            "over 4 hours a day. Billed per activity, not per calendar day: an attendance across midnight is one " +
                            "activity (23:00–02:59 is a half day). An activity over 24 hours is billed in 24-hour periods from " +
                            "entry, each by the same rule (date = the China day the period starts). Whole minutes; 0 minutes is 'none' and 0 yuan. " +
                            "The rates are parameters (bj.fee.per-activity.*, GET /api/v1/regions/bj-etdz/parameters): each period is billed at " +
                            "the values in force on the day it starts, listed with their effective dates in 'parameters'.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // The values in force on each period's day (the activity's date, not today), as stored now: no restart after a change.
        var bound = rule.With(await parameters.CurrentAsync(ct));
        var quote = bound.Quote(req.Entry!.Value, req.Exit!.Value);
        await Send.OkAsync(Map(quote, bound), ct);
    }

    private static Response Map(FeeQuote quote, FeeScheduleRule rule) => new()
    {
        Days = quote.Days.Select(d => new QuoteDay
        {
            Date = d.Date,
            Minutes = d.Minutes,
            Hours = d.Hours,
            Unit = d.Unit switch { FeeUnit.HalfDay => "half-day", FeeUnit.Day => "day", _ => "none" },
            Amount = d.Amount,
        }).ToList(),
        Total = quote.Total,
        Rule = new AppliedRule { Id = quote.RuleId, Citation = quote.Citation },
        Parameters = AppliedParameterDto.From(quote.Days.SelectMany(d => rule.RateOn(d.Date).Parameters)),
    };
}
