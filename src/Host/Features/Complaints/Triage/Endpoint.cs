using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Complaints;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Complaints.Triage;

public sealed class Request
{
    /// <example>0193a5c6-0a11-7b22-8c33-4d5e6f708192</example>
    public Guid Id { get; set; }
    /// <summary>investigate (a special supervision task) | refer (to another jurisdiction) | dismiss.</summary>
    /// <example>investigate</example>
    public string Decision { get; set; } = string.Empty;
    /// <summary>Why: required to refer or dismiss (outside evaluation work, a duplicate of …).</summary>
    /// <example>null</example>
    public string? Reason { get; set; }
    /// <summary>For a referral: the jurisdiction referred to.</summary>
    /// <example>null</example>
    public string? ReferTo { get; set; }
    /// <summary>For an investigation: the dispatching authority (委派机构) of the special task.</summary>
    /// <example>44</example>
    public string? AuthorityId { get; set; }
    /// <summary>For an investigation without an institution id in the report: the institution, identified by the office.</summary>
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>For an investigation: the special task's window.</summary>
    /// <example>2025-06-20T09:00:00+08:00</example>
    public DateTimeOffset? WindowStart { get; set; }
    /// <example>2025-06-20T17:00:00+08:00</example>
    public DateTimeOffset? WindowEnd { get; set; }
    /// <summary>督导事项: what the investigation checks (CN 12).</summary>
    /// <example>["群众举报的涉嫌违规违纪情况调查核实"]</example>
    public List<string> Matters { get; set; } = [];
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Decision).Must(d => d is "investigate" or "refer" or "dismiss").WithMessage("'decision' must be investigate, refer or dismiss");
        RuleFor(r => r.Reason).MaximumLength(1000);
        RuleFor(r => r.ReferTo).NotEmpty().Must(j => JurisdictionCode.TryParse(j, out _)).When(r => r.Decision == "refer").WithMessage("a referral needs 'referTo', a jurisdiction code");
        RuleFor(r => r.AuthorityId).NotEmpty().When(r => r.Decision == "investigate").WithMessage("an investigation needs 'authorityId'");
        RuleFor(r => r.WindowStart).NotNull().When(r => r.Decision == "investigate").WithMessage("an investigation needs 'windowStart' and 'windowEnd'");
        RuleFor(r => r.WindowEnd).NotNull().GreaterThan(r => r.WindowStart).When(r => r.Decision == "investigate").WithMessage("'windowEnd' must be after 'windowStart'");
        RuleFor(r => r.Matters).NotNull().Must(m => m is null || m.Count <= 50).WithMessage("'matters': a list of at most 50");
        RuleForEach(r => r.Matters).NotEmpty().MaximumLength(500);
    }
}

public sealed class Endpoint(SupervisionDbContext db, ComplaintAccess access, InstitutionAccess institutions, TaskPlanner planner, AuditLog audit, TimeProvider clock)
    : Endpoint<Request, ComplaintDto>
{
    public override void Configure()
    {
        Post("/api/v1/complaints/{id}/triage");
        Roles(ComplaintAccess.Staff);
        Description(b => b.WithName("complaints.triage").Produces<ComplaintDto>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422));
        Tags("complaints");
        Summary(s => { s.Summary = "Triage a complaint: investigate, refer or dismiss"; s.Description = "分派群众举报（cn.complaint.investigation）：调查核实的设立专项督导任务（经任务设立规则判定），移交的须注明移交辖区和理由，不予调查的须记录理由；每件举报只分派一次。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var complaint = await access.LockAsync(User, req.Id, ct);
        if (complaint is null) { await Send.ResultAsync(Problems.NotFound($"complaint {req.Id}")); return; }
        var choice = req.Decision switch { "investigate" => TriageChoice.Investigate, "refer" => TriageChoice.Refer, _ => TriageChoice.Dismiss };

        Data.Supervision.SupervisionTask? task = null;
        Decision<Kernel.Acts.TaskPlanned>? planned = null;
        var institutionId = req.InstitutionId ?? complaint.InstitutionId;
        if (choice == TriageChoice.Investigate && institutionId is { } iid)
        {
            var institution = await institutions.VisibleAsync(User, iid, ct);
            if (institution is null) { await Send.ResultAsync(Problems.NotFound($"institution {iid}")); return; }
            var (notFound, t, d) = await planner.DecideAsync(User, new TaskPlanner.Plan("special", req.AuthorityId!, institution, null, null,
                req.Matters.Count > 0 ? req.Matters : ["群众举报的涉嫌违规违纪情况调查核实"], req.WindowStart, req.WindowEnd), ct);
            if (notFound is not null) { await Send.ResultAsync(notFound); return; }
            (task, planned) = (t, d);
        }
        var decision = ComplaintDecision.Triage(new TriageFacts(ComplaintText.State(complaint.State), choice, req.Reason, institutionId is not null, planned));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        var before = ComplaintDto.From(complaint);
        if (task is not null) await planner.AddAsync(task, User.AsActor(), $"investigates complaint {complaint.Id}", ct);
        complaint.State = ComplaintText.Of(decision.Transition.State);
        complaint.TriagedAt = clock.GetUtcNow();
        complaint.TriagedBy = User.ActorId();
        complaint.Reason = req.Reason;
        complaint.ReferredTo = choice == TriageChoice.Refer ? req.ReferTo : null;
        complaint.InstitutionId = institutionId;
        complaint.TaskId = task?.Id;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("complaint.triage", "complaint", complaint.Id.ToString(), complaint.Jurisdiction,
            Rules: [NationalRules.ComplaintInvestigation.Id], Before: new { before.State }, After: new { complaint.State, complaint.TaskId, complaint.ReferredTo }, Detail: req.Decision), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(ComplaintDto.From(complaint), ct);
    }
}
