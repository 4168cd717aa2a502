using FastEndpoints;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, WebhookDto>
{
    public override void Configure()
    {
        Get("/api/v1/webhooks/{id}");
        Roles(EventAccess.Readers);
        Description(b => b.WithName("webhooks.get").Produces<WebhookDto>(200).ProducesProblem(404));
        Tags("events");
        Summary(s => { s.Summary = "One webhook subscription"; s.Description = "事件订阅详情及投递统计；辖区外或已删除返回404。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var found = await WebhookDto.LoadAsync(db, db.Set<WebhookSubscription>().Visible(User).Where(s => s.Id == req.Id), ct);
        if (found.Count == 0) { await Send.ResultAsync(Problems.NotFound($"webhook {req.Id} not found")); return; }
        await Send.OkAsync(found[0], ct);
    }
}
