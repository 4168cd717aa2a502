using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Features.Events;

/// <summary>
/// One event of the transactional outbox (事件发件箱), written by the audit log in the transaction of the act it reports.
/// <see cref="Position"/> is the pull cursor: it is taken while the transaction holds the audit chain head, so positions
/// become visible in commit order and a reader that resumes after a position never skips a later commit.
/// </summary>
public sealed class OutboxEvent
{
    public long Position { get; set; }
    /// <summary>CloudEvents <c>id</c> (also the webhook idempotency id of every delivery of this event).</summary>
    public Guid Id { get; set; }
    /// <summary>CloudEvents <c>type</c> (<c>supervision.assignment.invited</c>).</summary>
    public required string Type { get; set; }
    /// <summary>CloudEvents <c>subject</c> (<c>assignments/{id}</c>): deliveries of one subject keep their order.</summary>
    public required string Subject { get; set; }
    public required string Jurisdiction { get; set; }
    public DateTimeOffset Time { get; set; }
    /// <summary>The audit action it was derived from (<c>draw.run</c>).</summary>
    public required string Action { get; set; }
    public string[] Rules { get; set; } = [];
    /// <summary>CloudEvents <c>data</c>: ids, codes, dates and rule ids only (JSON object).</summary>
    public required string Data { get; set; }
}

/// <summary>A webhook subscription (事件订阅): events of some types in a jurisdiction subtree, POSTed to a URL.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public required string Url { get; set; }
    public required string Jurisdiction { get; set; }
    /// <summary>Event types delivered; empty: every type.</summary>
    public string[] Types { get; set; } = [];
    /// <summary>Signing secret (<c>whsec_…</c>), shown once at creation and stored sealed with the personal-data key (<c>enc:</c>…).</summary>
    public required string Secret { get; set; }
    public string? Description { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Events after this position have not been queued for this subscription yet.</summary>
    public long QueuedThrough { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>One event for one subscription: pending (with its next attempt), delivered or dead (the dead-letter list).</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public long EventPosition { get; set; }
    public required string Subject { get; set; }
    /// <summary>pending | delivered | dead.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable("events");
        b.HasKey(e => e.Position);
        b.Property(e => e.Position).UseIdentityAlwaysColumn();
        b.HasIndex(e => e.Id).IsUnique();
        b.Property(e => e.Type).HasMaxLength(120);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Action).HasMaxLength(200);
        b.Property(e => e.Data).HasColumnType("jsonb");
        b.HasIndex(e => new { e.Jurisdiction, e.Position });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.Jurisdiction).HasMaxLength(24);
        b.Property(e => e.Secret).HasMaxLength(200);
        b.Property(e => e.Description).HasMaxLength(500);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.HasIndex(e => e.Jurisdiction);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Status).HasMaxLength(16);
        b.Property(e => e.LastError).HasMaxLength(500);
        b.HasIndex(e => new { e.SubscriptionId, e.EventPosition }).IsUnique();
        // The worker's claim: due pending deliveries, and the per-subject predecessor check.
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        b.HasIndex(e => new { e.SubscriptionId, e.Subject, e.EventPosition });
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(e => e.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OutboxEvent>().WithMany().HasForeignKey(e => e.EventPosition).OnDelete(DeleteBehavior.Restrict);
    }
}
