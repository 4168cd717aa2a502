using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Complaints;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Complaints.Conclude;

public sealed class Request
{
    /// <example>0193a5c6-0a11-7b22-8c33-4d5e6f708192</example>
    public Guid Id { get; set; }
    /// <summary>substantiated (属实) | partly-substantiated (部分属实) | unsubstantiated (不属实).</summary>
    /// <example>substantiated</example>
    public string Finding { get; set; } = string.Empty;
    /// <summary>What the investigation found and what follows (sanctions are decided through their own endpoints).</summary>
    /// <example>经专项督导核实，该机构存在替考行为，已依第十八条处理</example>
    public string Conclusion { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Finding).Must(f => ComplaintText.Findings.Contains(f)).WithMessage("'finding' must be one of " + string.Join(", ", ComplaintText.Findings));
        RuleFor(r => r.Conclusion).NotEmpty().MaximumLength(5000);
    }
}

public sealed class Endpoint(SupervisionDbContext db, ComplaintAccess access, AuditLog audit, TimeProvider clock) : Endpoint<Request, ComplaintDto>
{
    public override void Configure()
    {
        Post("/api/v1/complaints/{id}/conclusion");
        Roles(ComplaintAccess.Staff);
        Description(b => b.WithName("complaints.conclude").Produces<ComplaintDto>(200).ProducesProblem(404).ProducesProblem(422));
        Tags("complaints");
        Summary(s => { s.Summary = "Record the finding of an investigated complaint"; s.Description = "作出核实结论（属实、部分属实、不属实）：只在调查任务结束（督导记录均已报送）后（cn.complaint.investigation）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var complaint = await access.LockAsync(User, req.Id, ct);
        if (complaint is null) { await Send.ResultAsync(Problems.NotFound($"complaint {req.Id}")); return; }
        var taskState = complaint.TaskId is { } taskId
            ? await db.SupervisionTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Status).SingleOrDefaultAsync(ct)
            : null;
        var decision = ComplaintDecision.Conclude(new ConclusionFacts(ComplaintText.State(complaint.State), taskState is null ? null : States.ParseTask(taskState)));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        complaint.State = ComplaintText.Of(decision.Transition.State);
        complaint.Finding = req.Finding;
        complaint.Conclusion = req.Conclusion;
        complaint.ConcludedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("complaint.conclude", "complaint", complaint.Id.ToString(), complaint.Jurisdiction,
            Rules: [NationalRules.ComplaintInvestigation.Id], After: new { complaint.State, complaint.Finding, complaint.TaskId }), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(ComplaintDto.From(complaint), ct);
    }
}
