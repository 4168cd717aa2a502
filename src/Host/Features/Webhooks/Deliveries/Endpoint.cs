using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks.Deliveries;

public sealed class Request
{
    public Guid Id { get; set; }
    /// <summary>pending | delivered | dead (the dead-letter list). Default dead.</summary>
    /// <example>dead</example>
    public string? Status { get; set; }
    /// <summary>Deliveries after this delivery id (keyset paging). Default 0.</summary>
    public long? After { get; set; }
    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Status).Must(s => s is null or "pending" or "delivered" or "dead").WithMessage("'status' must be pending, delivered or dead");
        RuleFor(r => r.After).GreaterThanOrEqualTo(0);
        RuleFor(r => r.Limit).InclusiveBetween(1, 200);
    }
}

/// <summary>One event's delivery to one subscription.</summary>
/// <param name="Id" example="7">Delivery id (for replay).</param>
/// <param name="EventId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c20">The event (and <c>webhook-id</c>).</param>
/// <param name="Type" example="supervision.assignment.invited">Event type.</param>
/// <param name="Subject" example="assignment/0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c12">Event subject.</param>
/// <param name="Position" example="42">Event position.</param>
/// <param name="Status" example="dead">pending | delivered | dead.</param>
/// <param name="Attempts" example="10">Attempts made.</param>
/// <param name="NextAttemptAt" example="2025-06-01T02:05:00Z">Next attempt (pending).</param>
/// <param name="LastStatusCode" example="500">Receiver's last HTTP status, or null (no answer).</param>
/// <param name="LastError" example="HTTP 500">Last failure.</param>
/// <param name="DeliveredAt" example="2025-06-01T02:00:01Z">When a 2xx was received.</param>
public sealed record DeliveryDto(long Id, Guid EventId, string Type, string Subject, long Position, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>A page of deliveries.</summary>
/// <param name="Items">Deliveries, by id.</param>
/// <param name="NextAfter" example="57">Pass as <c>after</c> for the next page; null at the end.</param>
public sealed record Response(IReadOnlyList<DeliveryDto> Items, long? NextAfter);

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/webhooks/{id}/deliveries");
        Roles(EventAccess.Readers);
        Description(b => b.WithName("webhooks.deliveries.list").Produces<Response>(200).ProducesProblem(400).ProducesProblem(404));
        Tags("events");
        Summary(s => { s.Summary = "Deliveries of a subscription (dead-letter list by default)"; s.Description = "订阅的投递记录，默认为死信列表（status=dead：重试用尽仍未收到 2xx），含尝试次数和最后一次失败原因。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await db.Set<WebhookSubscription>().Visible(User).AnyAsync(s => s.Id == req.Id, ct))
        { await Send.ResultAsync(Problems.NotFound($"webhook {req.Id} not found")); return; }
        var status = req.Status ?? "dead";
        var limit = req.Limit ?? 50;
        var rows = await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.SubscriptionId == req.Id && d.Status == status && d.Id > (req.After ?? 0))
            .Join(db.Set<OutboxEvent>(), d => d.EventPosition, e => e.Position, (d, e) => new { d, e.Id, e.Type })
            .OrderBy(x => x.d.Id).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(x => new DeliveryDto(x.d.Id, x.Id, x.Type, x.d.Subject, x.d.EventPosition, x.d.Status, x.d.Attempts, x.d.NextAttemptAt,
            x.d.LastStatusCode, x.d.LastError, x.d.DeliveredAt)).ToList();
        await Send.OkAsync(new Response(items, rows.Count > limit ? items[^1].Id : null), ct);
    }
}
