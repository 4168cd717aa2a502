using FastEndpoints;
using FluentValidation;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Calendar.GetYear;

public sealed class Request
{
    /// <summary>Calendar year (2000–2099).</summary>
    public int Year { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2099);
}

/// <summary>A year's arrangement; <c>assumed: true</c> when no arrangement is known and Mon–Fri is assumed.</summary>
public sealed record Response(int Year, string Origin, bool Assumed, ArrangementDto? Arrangement);

public sealed class Endpoint(CalendarService calendars) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/calendar/years/{year}");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("calendar.years.get"));
        Tags("calendar");
        Summary(s => { s.Summary = "A year's holidays and adjusted working days"; s.Description = "某年的法定节假日与调休上班日（国办发明电）；origin 为 published（随内核发布）、loaded（管理员导入）或 assumed（无数据，按周一至周五）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var arrangement = calendar.Arrangement(req.Year);
        var origin = arrangement is null ? "assumed" : await calendars.IsLoadedAsync(req.Year, ct) ? "loaded" : "published";
        await Send.OkAsync(new Response(req.Year, origin, arrangement is null, arrangement is null ? null : ArrangementDto.From(arrangement)), ct);
    }
}
