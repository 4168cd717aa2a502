using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Calendar;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Calendar.Deadline;

public sealed class Request
{
    /// <summary>The day the period runs from (not counted), YYYY-MM-DD.</summary>
    public DateOnly From { get; set; }
    /// <summary>Number of working days, 0–366.</summary>
    public int WorkingDays { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.From).Must(d => d.Year is >= 2000 and <= 2098).WithMessage("'from' must be between 2000-01-01 and 2098-12-31");
        RuleFor(r => r.WorkingDays).InclusiveBetween(0, 366);
    }
}

/// <summary>The N-th working day after <c>from</c>; <c>assumed: true</c> when a year without a known arrangement was crossed.</summary>
public sealed record Response(DateOnly From, int WorkingDays, DateOnly Due, bool Assumed);

public sealed class Endpoint(CalendarService calendars) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/calendar/deadline");
        Roles([.. KernelRoles.All]);
        Description(b => b.WithName("calendar.deadline"));
        Tags("calendar");
        Summary(s => { s.Summary = "N working days after a day"; s.Description = "自 from 起（当日不计）第 N 个工作日，按法定节假日与调休计算；跨越无数据年份时 assumed 为 true。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var due = WorkingDays.After(await calendars.CurrentAsync(ct), req.From, req.WorkingDays);
        await Send.OkAsync(new Response(req.From, req.WorkingDays, due.Due, due.Assumed), ct);
    }
}
