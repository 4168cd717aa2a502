using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Events;

namespace SupervisionCore.Host.Features.Webhooks.Delete;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/api/v1/webhooks/{id}");
        Roles(EventAccess.Managers);
        Description(b => b.WithName("webhooks.delete").Produces(204).ProducesProblem(404));
        Tags("events");
        Summary(s => { s.Summary = "Unsubscribe"; s.Description = "删除事件订阅：不再投递（进行中的一次投递可能仍会到达）；其待投递和死信一并停止。重复删除不改变任何内容（204）；辖区外返回404。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subscription = await db.Set<WebhookSubscription>().WithinJurisdictionOf(User, s => s.Jurisdiction).SingleOrDefaultAsync(s => s.Id == req.Id, ct);
        if (subscription is null) { await Send.ResultAsync(Problems.NotFound($"webhook {req.Id} not found")); return; }
        // Deleting twice changes nothing.
        if (subscription.DeletedAt is not null) { await Send.NoContentAsync(ct); return; }
        subscription.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("admin.webhook.delete", "webhook", subscription.Id.ToString(), subscription.Jurisdiction), ct);
        await tx.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
