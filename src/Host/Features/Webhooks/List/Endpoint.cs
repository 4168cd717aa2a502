using FastEndpoints;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks.List;

/// <summary>The caller's subscriptions.</summary>
/// <param name="Items">Subscriptions of the caller's jurisdiction subtree, oldest first (no secrets).</param>
public sealed record Response(IReadOnlyList<WebhookDto> Items);

public sealed class Endpoint(SupervisionDbContext db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/webhooks");
        Roles(EventAccess.Readers);
        Description(b => b.WithName("webhooks.list").Produces<Response>(200));
        Tags("events");
        Summary(s => { s.Summary = "Webhook subscriptions"; s.Description = "调用者辖区（含下级）内的事件订阅及其投递统计（待投递、已投递、死信），不含密钥。"; });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(new Response(await WebhookDto.LoadAsync(db, db.Set<WebhookSubscription>().Visible(User), ct)), ct);
}
