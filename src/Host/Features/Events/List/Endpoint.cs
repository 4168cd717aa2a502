using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Features.Events.List;

public sealed class Request
{
    /// <summary>Return events after this position (the <c>position</c> of the last event you processed, or <c>nextAfter</c>). Default 0: from the start.</summary>
    /// <example>0</example>
    public long? After { get; set; }
    /// <summary>Page size, 1–500 (default 100).</summary>
    /// <example>100</example>
    public int? Limit { get; set; }
    /// <summary>Only these event types (comma-separated).</summary>
    /// <example>supervision.assignment.invited,supervision.draw.published</example>
    public string? Type { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.After).GreaterThanOrEqualTo(0);
        RuleFor(r => r.Limit).InclusiveBetween(1, 500);
        RuleFor(r => r.Type).MaximumLength(2000);
    }
}

/// <summary>A page of events in position order.</summary>
/// <param name="Items">Events after the cursor, oldest first.</param>
/// <param name="NextAfter" example="142">Pass as <c>after</c> to continue (the last position of this page, or the cursor you sent when there is nothing new).</param>
public sealed record Response(IReadOnlyList<CloudEventDto> Items, long NextAfter);

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/events");
        Roles(EventAccess.Readers);
        Description(b => b.WithName("events.list").Produces<Response>(200).ProducesProblem(400));
        Tags("events");
        Summary(s =>
        {
            s.Summary = "Events after a cursor (pull)";
            s.Description = "拉取事件（CloudEvents 1.0）：调用者辖区内、position 大于 after 的事件，按提交顺序排列。保存最后处理的 position（或 nextAfter）作为下一次的 after，" +
                "不会漏掉之后提交的事件。事件只含编号、状态、日期和规则编号，不含姓名、身份证号、电话。与 webhook 相同的事件体。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var after = req.After ?? 0;
        var limit = req.Limit ?? 100;
        var query = db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Position > after).WithinJurisdictionOf(User, e => e.Jurisdiction);
        var types = (req.Type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (types.Length > 0) query = query.Where(e => types.Contains(e.Type));
        var rows = await query.OrderBy(e => e.Position).Take(limit).ToListAsync(ct);
        var items = rows.Select(CloudEventDto.From).ToList();
        await Send.OkAsync(new Response(items, items.Count > 0 ? items[^1].Position : after), ct);
    }
}
