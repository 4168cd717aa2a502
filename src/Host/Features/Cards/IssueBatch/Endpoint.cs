using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Cards;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Host.Features.Cards.IssueBatch;

public sealed class Request
{
    /// <summary>Required: a retry with the same key (and the same body) gets the same status and body; 1–100 characters.</summary>
    /// <example>gd-cards-2025-06-01-batch-1</example>
    [FromHeader(IdempotencyStore.Header, IsRequired = true)]
    public string IdempotencyKey { get; set; } = string.Empty;
    /// <summary>external | internal.</summary>
    /// <example>external</example>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Date of issue of every card (China calendar day); not in the future.</summary>
    /// <example>2025-06-01</example>
    public DateOnly IssuedOn { get; set; }
    /// <summary>Issuing authority id: external cards; internal cards of an industry department.</summary>
    /// <example>44</example>
    public string? AuthorityId { get; set; }
    /// <summary>Issuing institution id: internal cards of the institution's own supervisors.</summary>
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>1–1,000 distinct supervisors; the cards are numbered in this order.</summary>
    /// <example>["0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10", "0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c11"]</example>
    public List<Guid> SupervisorIds { get; set; } = [];
}

public sealed class Validator : Validator<Request>
{
    public const int MaxCards = 1000;

    public Validator()
    {
        RuleFor(r => r.IdempotencyKey).NotEmpty().MaximumLength(IdempotencyStore.MaxKeyLength);
        RuleFor(r => r.Kind).Must(k => k is "external" or "internal").WithMessage("'kind' must be external or internal");
        RuleFor(r => r.IssuedOn).NotEmpty()
            .Must(d => d <= ChinaTime.DateOf(TimeProvider.System.GetUtcNow())).WithMessage("'issuedOn' cannot be in the future");
        RuleFor(r => r.AuthorityId).NotEmpty().When(r => r.Kind == "external").WithMessage("'authorityId' is required for external cards");
        RuleFor(r => r.AuthorityId).MaximumLength(40);
        RuleFor(r => r).Must(r => (r.AuthorityId is { Length: > 0 }) != r.InstitutionId.HasValue).When(r => r.Kind == "internal")
            .WithName("institutionId").WithMessage("internal cards need exactly one issuer: 'institutionId' or 'authorityId' (industry department)");
        RuleFor(r => r.InstitutionId).Null().When(r => r.Kind == "external").WithMessage("external cards are not issued by an institution");
        RuleFor(r => r.SupervisorIds).NotEmpty().Must(l => l is null || l.Count <= MaxCards).WithMessage($"at most {MaxCards} supervisors per batch")
            .Must(l => l is null || l.Distinct().Count() == l.Count).WithMessage("'supervisorIds' must be distinct");
    }
}

/// <summary>One card of the batch.</summary>
public sealed record BatchCard(Guid SupervisorId, string Number);

/// <summary>The batch: one contiguous serial range of one allocation key.</summary>
public sealed record Response(Guid BatchId, string AllocationKey, int FirstSerial, int LastSerial, DateOnly IssuedOn, DateOnly ValidUntil, IReadOnlyList<BatchCard> Cards);

public sealed class Endpoint(SupervisionDbContext db, CardIssuance issuance, IdempotencyStore idempotency) : Endpoint<Request, Response>
{
    private const string Operation = "cards.issue-batch";

    public override void Configure()
    {
        Post("/api/v1/card-batches");
        Roles(CardAccess.IssuingRoles);
        Options(x => x.RequireRateLimiting(RateLimits.Issuance));
        Description(b => b.WithName("cards.issue-batch").Produces<Response>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429));
        Tags("cards");
        Summary(s => { s.Summary = "Issue cards to up to 1,000 supervisors at once"; s.Description = "批量颁发证卡：同一颁发机构、类别和颁发日期，全部成功或全部不颁发（任一督导员被拒则返回422并逐人列出违反的规则），序列码连续；必须携带 Idempotency-Key，重试返回相同结果。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var principal = User.ActorId();
        var hash = IdempotencyStore.Hash(JsonSerializer.Serialize(new { req.Kind, req.IssuedOn, req.AuthorityId, req.InstitutionId, req.SupervisorIds }));
        if (await ReplayAsync(principal, req.IdempotencyKey, hash, ct)) return;

        // One round trip before the serial counter: the supervisors (locked), the authority or institution, trainings, cards.
        var kind = CardKinds.Parse(req.Kind);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await issuance.LoadAsync(req.SupervisorIds, req.AuthorityId, req.InstitutionId, ct);
        var locked = rows.Supervisors.ToDictionary(s => s.Id);
        var found = req.SupervisorIds.Where(locked.ContainsKey).Select(id => locked[id]).ToList();
        var facts = issuance.Facts(rows, found, kind, req.IssuedOn, req.AuthorityId, req.InstitutionId);
        var issuer = CardIssuanceRules.ResolveIssuer(facts);
        if (!issuer.Succeeded) { await tx.RollbackAsync(ct); await RefuseAsync(principal, req.IdempotencyKey, hash, CardProblems.Refusal(issuer.Outcome.Violations), ct); return; }
        if (CardAccess.CheckIssuer(User, kind, issuer.Value) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        // The same decision as a single issuance, over every supervisor of the batch.
        var decision = CardIssuanceRules.Decide(facts);
        if (decision.IssuerViolations.Count > 0) { await tx.RollbackAsync(ct); await RefuseAsync(principal, req.IdempotencyKey, hash, CardProblems.Refusal(decision.IssuerViolations), ct); return; }

        var missing = req.SupervisorIds.Where(id => !locked.TryGetValue(id, out var s) || !CardAccess.CanSee(User, s)).ToList();
        if (missing.Count > 0) { await Send.ResultAsync(Problems.NotFound($"supervisors not found: {string.Join(", ", missing)}")); return; }
        var supervisors = found;
        if (!decision.Allowed)
        {
            await tx.RollbackAsync(ct);
            await RefuseAsync(principal, req.IdempotencyKey, hash, CardProblems.Refusal([], decision.Refusals), ct);
            return;
        }
        var plan = decision.Act.Transition!;

        var batchId = Guid.CreateVersion7();
        string? body = null;
        var result = await issuance.IssueAsync(tx, plan, supervisors, batchId, User.AsActor(),
            cards => new AuditEvent("card.issue-batch", "card-batch", batchId.ToString(), plan.Issuer.Jurisdiction.Value, plan.RulesApplied,
                After: new { BatchId = batchId, Key = plan.AllocationKey.ToString(), First = cards[0].Serial, Last = cards[^1].Serial, Cards = cards.Select(c => new { c.SupervisorId, c.Number }) },
                Detail: $"{cards.Count} cards {cards[0].Number}–{cards[^1].Number} ({plan.AllocationKey})"),
            cards =>
            {
                body = JsonSerializer.Serialize(new Response(batchId, plan.AllocationKey.ToString(), cards[0].Serial, cards[^1].Serial, plan.IssuedOn, plan.ValidUntil,
                    [.. cards.Select(c => new BatchCard(c.SupervisorId, c.Number))]), CardProblems.Json);
                return idempotency.InsertCommand(principal, req.IdempotencyKey, Operation, hash, 201, body);
            }, ct);
        if (result.UniqueViolation is { } constraint)
        {
            // Another request with this key got there first: answer as it did.
            if (constraint.StartsWith("pk_idempotency", StringComparison.Ordinal) && await ReplayAsync(principal, req.IdempotencyKey, hash, ct)) return;
            await Send.ResultAsync(CardProblems.Unique(constraint));
            return;
        }
        if (result.Violations.Count > 0) { await RefuseAsync(principal, req.IdempotencyKey, hash, CardProblems.Refusal(result.Violations), ct); return; }
        await Send.StringAsync(body!, 201, "application/json", ct);
    }

    private async Task<bool> ReplayAsync(string principal, string key, string hash, CancellationToken ct)
    {
        if (await idempotency.FindAsync(principal, key, ct) is not { } stored) return false;
        if (stored.RequestHash != hash || stored.Operation != Operation)
        {
            await Send.ResultAsync(Problems.Conflict(new(
                $"Idempotency-Key“{key}”已用于另一个请求", $"Idempotency-Key '{key}' was already used for a different request")));
            return true;
        }
        await Send.StringAsync(IdempotencyStore.ResponseOf(stored), stored.Status, stored.Status >= 400 ? "application/problem+json" : "application/json", ct);
        return true;
    }

    private async Task RefuseAsync(string principal, string key, string hash, string problem, CancellationToken ct)
    {
        if (!await idempotency.SaveAsync(principal, key, Operation, hash, 422, problem, ct) && await ReplayAsync(principal, key, hash, ct)) return;
        await Send.StringAsync(problem, 422, "application/problem+json", ct);
    }
}
