using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Events;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Webhooks.Create;

public sealed class Request
{
    /// <summary>Receiver URL: http or https, no credentials; its host must resolve to public addresses (unless the deployment allows private targets). The example is a local receiver (README), accepted only with Webhooks:AllowPrivateTargets.</summary>
    /// <example>http://127.0.0.1:8080/hooks/supervision</example>
    public string Url { get; set; } = string.Empty;
    /// <summary>Jurisdiction whose events are delivered (with its sub-jurisdictions); inside yours. Default: yours.</summary>
    /// <example>44</example>
    public string? Jurisdiction { get; set; }
    /// <summary>Event types (<c>supervision.assignment.invited</c>) or families (<c>supervision.record.*</c>); empty or absent: every type.</summary>
    /// <example>["supervision.assignment.invited", "supervision.record.*"]</example>
    public List<string>? Types { get; set; }
    /// <summary>Free text for operators.</summary>
    /// <example>广东省督导门户</example>
    public string? Description { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Url).Custom((url, context) => { if (WebhookTargets.FormProblem(url) is { } p) context.AddFailure("url", p); });
        RuleFor(r => r.Jurisdiction).Must(j => j is null || JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a jurisdiction code (CN, 44, 44.A)");
        RuleFor(r => r.Types).Must(t => t is null || t.Count <= 50).WithMessage("'types': at most 50");
        RuleForEach(r => r.Types).Must(WebhookScope.IsTypePattern).WithMessage("'types': each must be an event type such as supervision.assignment.invited or a family such as supervision.record.*");
        RuleFor(r => r.Description).MaximumLength(500);
    }
}

/// <summary>The subscription and its signing secret, shown only in this response.</summary>
/// <param name="Webhook">The subscription.</param>
/// <param name="Secret" example="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw">Signing secret (Standard Webhooks): verify <c>webhook-signature</c> with it. Not shown again.</param>
public sealed record Response(WebhookDto Webhook, string Secret);

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, IOptions<WebhookOptions> options, TimeProvider clock, Infrastructure.PersonalData personal)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/webhooks");
        Roles(EventAccess.Managers);
        Description(b => b.WithName("webhooks.create").Produces<Response>(201).ProducesProblem(400).ProducesProblem(403));
        Tags("events");
        Summary(s =>
        {
            s.Summary = "Subscribe a URL to events (webhook)";
            s.Description = "订阅事件：辖区内（含下级）指定类型的事件以 CloudEvents JSON POST 到 url，按 Standard Webhooks 签名（webhook-id、webhook-timestamp、webhook-signature: v1,HMAC-SHA256），" +
                "至少一次投递（以 webhook-id 去重），失败按指数退避重试，超过次数进入死信列表（管理员可重放）；同一 subject 的事件按顺序投递。" +
                "密钥（whsec_…）只在本响应中出现。url 须为 http(s)，且不得解析到回环、私有、链路本地或组播地址（防 SSRF，投递时再次检查）。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var own = User.Jurisdiction()!.Value;
        var jurisdiction = req.Jurisdiction is null ? own : JurisdictionCode.Parse(req.Jurisdiction);
        if (!own.Contains(jurisdiction))
        { await Send.ResultAsync(Problems.Forbidden(new($"辖区 {jurisdiction.Value} 不在您的辖区 {own.Value} 内", $"jurisdiction {jurisdiction.Value} is outside yours ({own.Value})"))); return; }
        var uri = new Uri(req.Url);
        if (await WebhookTargets.AddressProblemAsync(uri, options.Value.AllowPrivateTargets, ct) is { } problem)
        { AddError(r => r.Url, problem); await Send.ErrorsAsync(cancellation: ct); return; }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A new subscription receives events from now on: its queue starts after the newest event.
        var newest = await db.Set<OutboxEvent>().MaxAsync(e => (long?)e.Position, ct) ?? 0;
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), Url = uri.AbsoluteUri, Jurisdiction = jurisdiction.Value, Types = [.. (req.Types ?? []).Distinct(StringComparer.Ordinal)],
            Secret = WebhookSignature.Seal(personal, secret), Description = string.IsNullOrWhiteSpace(req.Description) ? null : req.Description.Trim(),
            CreatedBy = User.ActorId(), CreatedAt = now, QueuedThrough = newest,
        };
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("admin.webhook.create", "webhook", subscription.Id.ToString(), subscription.Jurisdiction,
            After: new { subscription.Url, subscription.Types }, Detail: $"{uri.Scheme}://{uri.Authority}; types {(subscription.Types.Length == 0 ? "all" : string.Join(",", subscription.Types))}"), ct);
        await tx.CommitAsync(ct);
        var dto = new WebhookDto(subscription.Id, subscription.Url, subscription.Jurisdiction, subscription.Types, subscription.Description, now, 0, 0, 0);
        HttpContext.Response.Headers.Location = $"/api/v1/webhooks/{subscription.Id}";
        await Send.ResponseAsync(new Response(dto, secret), 201, ct);
    }
}
