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
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Host.Features.Cards.Issue;

public sealed class Request
{
    /// <summary>Supervisor id (route).</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>Date of issue (China calendar day); not in the future.</summary>
    /// <example>2025-06-01</example>
    public DateOnly IssuedOn { get; set; }
    /// <summary>
    /// Issuing authority id (supervision.authorities): required for external cards (provincial-or-higher centre); for an
    /// internal card, an industry department — omit it to have the supervisor's own institution issue the card.
    /// </summary>
    /// <example>44</example>
    public string? AuthorityId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.IssuedOn).NotEmpty()
            .Must(d => d <= ChinaTime.DateOf(TimeProvider.System.GetUtcNow())).WithMessage("'issuedOn' cannot be in the future");
        RuleFor(r => r.AuthorityId).MaximumLength(40);
    }
}

public sealed class Endpoint(SupervisionDbContext db, CardIssuance issuance) : Endpoint<Request, IssuedCardDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/cards");
        Roles(CardAccess.IssuingRoles);
        Options(x => x.RequireRateLimiting(RateLimits.Issuance));
        Description(b => b.WithName("cards.issue").Produces<IssuedCardDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429));
        Tags("cards");
        Summary(s => { s.Summary = "Issue a supervisor card"; s.Description = "颁发质量督导员证卡：须培训考核合格（cn.card.requires-training）、颁发机构层级符合（cn.card.issuer-level）且未持有同类有效证卡；序列码按颁发机构、年度从0001起依次取值（cn.card.serial-sequence）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // One round trip before the serial counter: the supervisor (locked), the authority or institution, trainings, cards.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await issuance.LoadAsync([req.Id], req.AuthorityId, null, ct);
        var supervisor = rows.Supervisors.SingleOrDefault();
        if (supervisor is null || !CardAccess.CanSee(User, supervisor)) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var facts = issuance.Facts(rows, [supervisor], CardKinds.Parse(supervisor.Kind), req.IssuedOn, req.AuthorityId, supervisor.InstitutionId);
        var issuer = CardIssuanceRules.ResolveIssuer(facts);
        if (!issuer.Succeeded) { await Send.ResultAsync(Problems.Violations(issuer.Outcome.Violations)); return; }
        if (CardAccess.CheckIssuer(User, facts.Kind, issuer.Value) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        var decision = CardIssuanceRules.Decide(facts);
        if (!decision.Act.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Act.Violations)); return; }
        if (decision.Refusals.SingleOrDefault()?.HeldCard is { } held) { await Send.ResultAsync(CardProblems.Held(held)); return; }
        var plan = decision.Act.Transition;

        var result = await issuance.IssueAsync(tx, plan, [supervisor], null, User.AsActor(), cards => new AuditEvent(
            "card.issue", "card", cards[0].Id.ToString(), supervisor.Jurisdiction, plan.RulesApplied,
            After: new { cards[0].Number, SupervisorId = supervisor.Id, IssuerId = plan.Issuer.Id, plan.IssuedOn, plan.ValidUntil },
            Detail: $"card {cards[0].Number} ({plan.AllocationKey}) issued to supervisor {supervisor.Id}"), null, ct);
        if (result.UniqueViolation is { } constraint) { await Send.ResultAsync(CardProblems.Unique(constraint)); return; }
        if (result.Violations.Count > 0) { await Send.ResultAsync(Problems.Violations(result.Violations)); return; }
        var card = result.Cards[0];
        await Send.ResponseAsync(new IssuedCardDto(card.Id, supervisor.Id, card.Number, supervisor.Kind, plan.AllocationKey.Scheme,
            plan.AllocationKey.ToString(), card.Serial, plan.Issuer.Id, plan.IssuedOn, plan.ValidUntil), 201, ct);
    }
}
