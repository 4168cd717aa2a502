using SupervisionCore.Host.Features.Assignments;
using System.Globalization;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Forms;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Features.Records;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Records;
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
    /// <summary>
    /// The pack's feedback form where one applies (GD <c>gd.annex-5</c>, BJ <c>bj-etdz.annex-4</c>); then send
    /// <c>answers</c> instead of entryAt, exitAt, conduct and text. Absent elsewhere (the national shape).
    /// </summary>
    /// <example>gd.annex-5</example>
    public string? FormId { get; set; }
    /// <summary>Form version; default the newest in force.</summary>
    /// <example>1</example>
    public int? FormVersion { get; set; }
    /// <summary>With <c>formId</c>: the answers by item key, as for records.</summary>
    /// <example>{"evaluated-on": "2025-06-01", "occupation": "电工（四级/中级工）", "supervisor-name": "王督导", "card-number": "R44250001", "entry-at": "2025-06-01T08:10:00+08:00", "exit-at": "2025-06-01T17:20:00+08:00", "feedback": "佩戴证卡，认真履职，未干预考评工作，遵守廉洁纪律。", "reporting-unit": "广东省技师学院"}</example>
    public Dictionary<string, JsonElement>? Answers { get; set; }
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
        // The national shape (no formId).
        When(r => r.FormId is null, () =>
        {
            RuleFor(r => r.EntryAt).NotNull();
            RuleFor(r => r.ExitAt).NotNull().GreaterThan(r => r.EntryAt).When(r => r.EntryAt is not null).WithMessage("'exitAt' must be after 'entryAt'");
            RuleFor(r => r.Conduct).NotNull();
            RuleFor(r => r.Conduct!.WoreCard).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.woreCard");
            RuleFor(r => r.Conduct!.PerformedDuties).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.performedDuties");
            RuleFor(r => r.Conduct!.StayedInRemit).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.stayedInRemit");
            RuleFor(r => r.Conduct!.Integrity).NotNull().When(r => r.Conduct is not null).OverridePropertyName("conduct.integrity");
            RuleFor(r => r.Text).MaximumLength(4000);
            RuleFor(r => r.Answers).Null().WithMessage("'answers' go with a 'formId'");
        });
        // A pack's form: its answers, nothing of the national shape.
        When(r => r.FormId is not null, () =>
        {
            RuleFor(r => r.FormId).NotEmpty().MaximumLength(80);
            RuleFor(r => r.FormVersion).InclusiveBetween(1, 1000);
            RuleFor(r => r.EntryAt).Null().WithMessage("with a form, entry and exit are the form's items");
            RuleFor(r => r.ExitAt).Null().WithMessage("with a form, entry and exit are the form's items");
            RuleFor(r => r.Conduct).Null().WithMessage("with a form, the conduct is the form's feedback item");
            RuleFor(r => r.Text).Null().WithMessage("with a form, the opinion is the form's feedback item");
            RuleFor(r => r.Answers).NotNull().Must(a => a is null || a.Count <= RecordAnswers.MaxAnswers).WithMessage($"at most {RecordAnswers.MaxAnswers} answers");
            RuleFor(r => r.Answers).Custom((answers, context) =>
            {
                foreach (var (key, value) in answers ?? [])
                {
                    if (key.Length is 0 or > 100) context.AddFailure("answers", "an item key is 1–100 characters");
                    else if (RecordAnswers.ShapeProblem(value) is { } problem) context.AddFailure($"answers.{key}", problem);
                }
            });
        });
    }
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess assignments, FormCatalog forms, FilingFacts facts, AuditLog audit, TimeProvider clock)
    : Endpoint<Request, FeedbackDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/feedback");
        Roles(KernelRoles.InstitutionOperator);
        Description(b => b.WithName("feedback.submit").Produces<FeedbackDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("records");
        Summary(s => { s.Summary = "File the institution's feedback on the supervisor"; s.Description = "被督导机构对督导员的情况反馈。广东（gd.feedback.institution，附件5）与北京经开区（bj.feedback.institution，附件4）须用本辖区的反馈表：提交 formId 与 answers，逐项校验（400 列出 answers.<key>，附原表编号），进离场时间取自表中相应项；不用该表（或用其他表）返回 422 并注明规则。其他辖区为全国格式：进离场时间、是否佩戴证卡、履职、是否超越职权、廉洁情况及意见。时限按适用的时限规则自督导结束计算，逾期照收并标记 late；每个委派一份（再次提交 409）。仅任务所属机构可提交。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var scene = await assignments.VisibleAsync(User, req.Id, ct);
        if (scene is null || !AssignmentAccess.IsInstitution(User, scene)) { await Send.ResultAsync(Problems.NotFound($"assignment {req.Id}")); return; }

        FormDefinition? form = null;
        if (req.FormId is { } formId)
        {
            var inForce = forms.ApplicableIn(scene.Jurisdiction).Where(f => f.Form.Id == formId).ToList();
            if (inForce.Count == 0) ThrowError(r => r.FormId!, ValidationLanguage.Text($"表单 '{formId}' 在 {scene.Task.Jurisdiction} 不在有效期内", $"form '{formId}' is not in force in {scene.Task.Jurisdiction}"));
            form = (req.FormVersion is { } v ? inForce.SingleOrDefault(f => f.Form.Version == v) : inForce.MaxBy(f => f.Form.Version))?.Form;
            if (form is null) ThrowError(r => r.FormVersion!, ValidationLanguage.Text($"表单 '{formId}' 没有版本 {req.FormVersion}", $"form '{formId}' has no version {req.FormVersion}"));
        }

        var now = clock.GetUtcNow();
        var feedbackFacts = await facts.FeedbackAsync(scene, form, now, ct);
        var decision = FeedbackFiling.Decide(feedbackFacts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(FeedbackFiling.Conflict(feedbackFacts) is null ? Problems.Violations(decision.Violations) : Problems.RuleConflict(decision.Violations));
            return;
        }
        var given = decision.Transition;
        if (given.FormId is null && form is not null) ThrowError(r => r.FormId!, ValidationLanguage.Text($"{scene.Task.Jurisdiction} 没有适用的反馈表单：请提交 entryAt、exitAt、conduct 和 text", $"no feedback form applies in {scene.Task.Jurisdiction}: send entryAt, exitAt, conduct and text"));

        DateTimeOffset entry, exit;
        if (form is not null)
        {
            foreach (var problem in FormSubmission.Validate(form, RecordAnswers.ToKernel(req.Answers!))) AddError(RecordAnswers.Failure(problem));
            ThrowIfAnyErrors();
            var items = facts.AttendanceItems(feedbackFacts.Forms, form.Id)
                ?? throw new InvalidOperationException($"The binding of {form.Id} names no entry and exit items.");
            entry = DateTimeOffset.Parse(req.Answers![items.Entry].GetString()!, CultureInfo.InvariantCulture);
            exit = DateTimeOffset.Parse(req.Answers[items.Exit].GetString()!, CultureInfo.InvariantCulture);
            if (exit <= entry) { AddError(new FluentValidation.Results.ValidationFailure($"answers.{items.Exit}", "the exit must be after the entry")); ThrowIfAnyErrors(); }
        }
        else (entry, exit) = (req.EntryAt!.Value, req.ExitAt!.Value);

        var conduct = form is null ? new ConductDto(req.Conduct!.WoreCard!.Value, req.Conduct.PerformedDuties!.Value, req.Conduct.StayedInRemit!.Value, req.Conduct.Integrity!.Value) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var feedback = new SupervisorFeedback
        {
            Id = Guid.CreateVersion7(), AssignmentId = scene.Assignment.Id, InstitutionId = scene.Task.InstitutionId,
            EntryAt = entry.ToUniversalTime(), ExitAt = exit.ToUniversalTime(),
            Conduct = conduct is null ? null : JsonSerializer.Serialize(conduct, FeedbackDto.Json), Text = req.Text,
            FormId = given.FormId, FormVersion = given.FormVersion, Content = form is null ? null : RecordAnswers.Write(req.Answers!),
            DueOn = given.DueOn, DueAssumed = given.DueAssumed, Late = given.Late, SubmittedBy = User.ActorId(), SubmittedAt = now,
        };
        db.SupervisorFeedback.Add(feedback);
        if (!await DrawConflicts.TrySaveAsync(db, ct))
        {
            // Given at the same moment by another request: decided again on the state it left.
            await Send.ResultAsync(Problems.RuleConflict(FeedbackFiling.Decide(feedbackFacts with { AlreadyGiven = true }).Violations));
            return;
        }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("feedback.submit", "supervisor-feedback", feedback.Id.ToString(), scene.Task.Jurisdiction,
            Rules: [.. given.Rules],
            After: new { feedback.AssignmentId, feedback.InstitutionId, feedback.FormId, feedback.FormVersion, feedback.DueOn, feedback.Late, conduct }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(FeedbackDto.From(feedback, scene.Task.Id), 201, ct);
    }
}
