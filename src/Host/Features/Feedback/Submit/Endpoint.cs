using SupervisionCore.Host.Features.Assignments;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Calendar;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Features.Records;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Feedback.Submit;

public sealed class Request
{
    /// <summary>The assignment.</summary>
    /// <example>0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f</example>
    public Guid Id { get; set; }
    /// <summary>When the supervisor arrived (进场时间), ISO with offset.</summary>
    /// <example>2025-06-01T08:10:00+08:00</example>
    public DateTimeOffset? EntryAt { get; set; }
    /// <summary>When the supervisor left (离场时间), ISO with offset.</summary>
    /// <example>2025-06-01T17:20:00+08:00</example>
    public DateTimeOffset? ExitAt { get; set; }
    /// <summary>Conduct checks, each true or false.</summary>
    public ConductRequest? Conduct { get; set; }
    /// <summary>The institution's opinion (反馈意见), up to 4000 characters.</summary>
    /// <example>督导员按时到场，佩戴证卡，全程履职，未干预考评工作。</example>
    public string? Text { get; set; }
}

public sealed class ConductRequest
{
    /// <example>true</example>
    public bool? WoreCard { get; set; }
    /// <example>true</example>
    public bool? PerformedDuties { get; set; }
    /// <example>true</example>
    public bool? StayedInRemit { get; set; }
    /// <example>true</example>
    public bool? Integrity { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.EntryAt).NotNull();
        RuleFor(r => r.ExitAt).NotNull().GreaterThan(r => r.EntryAt).When(r => r.EntryAt is not null).WithMessage("'exitAt' must be after 'entryAt'");
        RuleFor(r => r.Conduct).NotNull();
        RuleFor(r => r.Conduct!.WoreCard).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.woreCard");
        RuleFor(r => r.Conduct!.PerformedDuties).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.performedDuties");
        RuleFor(r => r.Conduct!.StayedInRemit).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.stayedInRemit");
        RuleFor(r => r.Conduct!.Integrity).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.integrity");
        RuleFor(r => r.Text).MaximumLength(4000);
    }
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess assignments, DeadlinePolicies deadlines, AuditLog audit, TimeProvider clock)
    : Endpoint<Request, FeedbackDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/feedback");
        Roles(KernelRoles.InstitutionOperator);
        Description(b => b.WithName("feedback.submit").Produces<FeedbackDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("records");
        Summary(s => { s.Summary = "File the institution's feedback on the supervisor"; s.Description = "被督导机构对督导员的情况反馈（广东附件5、北京附件4）：进离场时间、是否佩戴证卡、履职、是否超越职权、廉洁情况及意见。时限按适用的时限规则自督导结束计算，逾期照收并标记 late；每个委派一份（再次提交 409）。仅任务所属机构可提交。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var scene = await assignments.VisibleAsync(User, req.Id, ct);
        if (scene is null || !AssignmentAccess.IsInstitution(User, scene)) { await Send.ResultAsync(Problems.NotFound($"assignment {req.Id}")); return; }
        if (scene.Assignment.Status is not ("accepted" or "completed"))
        { await Send.ResultAsync(Problems.Conflict(new($"委派状态为 {scene.Assignment.Status}，督导员未到场，无需反馈", $"the assignment is {scene.Assignment.Status}: there is no supervision to give feedback on"))); return; }

        var deadline = await deadlines.ForAsync(DeadlineSubject.InstitutionFeedback, scene.Jurisdiction, scene.SupervisionEnd, Tasks.TaskKinds.Parse(scene.Task.Kind), ct);
        var now = clock.GetUtcNow();
        var conduct = new ConductDto(req.Conduct!.WoreCard!.Value, req.Conduct.PerformedDuties!.Value, req.Conduct.StayedInRemit!.Value, req.Conduct.Integrity!.Value);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var feedback = new SupervisorFeedback
        {
            Id = Guid.CreateVersion7(), AssignmentId = scene.Assignment.Id, InstitutionId = scene.Task.InstitutionId,
            EntryAt = req.EntryAt!.Value.ToUniversalTime(), ExitAt = req.ExitAt!.Value.ToUniversalTime(), Conduct = JsonSerializer.Serialize(conduct, FeedbackDto.Json), Text = req.Text,
            DueOn = deadline.Due, DueAssumed = deadline.Assumed, Late = deadline.IsLate(ChinaTime.DateOf(now)), SubmittedBy = User.ActorId(), SubmittedAt = now,
        };
        db.SupervisorFeedback.Add(feedback);
        if (!await DrawConflicts.TrySaveAsync(db, ct))
        { await Send.ResultAsync(Problems.Conflict(new("该委派已有机构反馈；每个委派一份", "this assignment already has the institution's feedback: one per assignment"))); return; }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("feedback.submit", "supervisor-feedback", feedback.Id.ToString(), scene.Task.Jurisdiction,
            Rules: deadline.Rule is { } rule ? [rule.Id] : [],
            After: new { feedback.AssignmentId, feedback.InstitutionId, feedback.DueOn, feedback.Late, conduct }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(FeedbackDto.From(feedback, scene.Task.Id), 201, ct);
    }
}
