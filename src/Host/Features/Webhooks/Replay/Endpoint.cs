using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks.Replay;

public sealed class Request
{
    /// <summary>Dead deliveries to replay (ids from the dead-letter list); absent or empty: every dead delivery of the subscription.</summary>
    /// <example>[7, 8]</example>
    public List<long>? DeliveryIds { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.DeliveryIds).Must(d => d is null || d.Count <= 1000).WithMessage("'deliveryIds': at most 1000");
}

/// <summary>How many dead deliveries were queued again.</summary>
/// <param name="Replayed" example="2">Deliveries now pending with a fresh attempt count.</param>
public sealed record Response(int Replayed);

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/webhooks/{id}/deliveries/replay");
        Roles(EventAccess.Replayers);
        Description(b => b.WithName("webhooks.deliveries.replay").Produces<Response>(200).ProducesProblem(400).ProducesProblem(404));
        Tags("events");
        Summary(s => { s.Summary = "Replay dead-lettered deliveries"; s.Description = "管理员重放死信：所选（默认全部）死信投递重新排队，尝试次数清零，仍按 subject 顺序投递，webhook-id 不变（接收方可去重）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subscription = await db.Set<WebhookSubscription>().Visible(User).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) { await Send.ResultAsync(Problems.NotFound($"webhook {id} not found")); return; }
        var ids = req.DeliveryIds ?? [];
        var query = db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == id && d.Status == "dead");
        if (ids.Count > 0) query = query.Where(d => ids.Contains(d.Id));
        var now = clock.GetUtcNow();
        var replayed = await query.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "pending").SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("admin.webhook.replay", "webhook", subscription.Id.ToString(), subscription.Jurisdiction,
            Detail: $"{replayed} dead deliveries queued again"), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(new Response(replayed), ct);
    }
}
