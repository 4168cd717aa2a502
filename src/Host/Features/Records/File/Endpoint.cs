using SupervisionCore.Host.Features.Assignments;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Draws;
using SupervisionCore.Host.Features.Forms;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Records;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Records.File;

public sealed class Request
{
    /// <summary>The assignment.</summary>
    /// <example>0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f</example>
    public Guid Id { get; set; }
    /// <summary>Form id (cn.report, or a pack's form in force in the task's jurisdiction).</summary>
    /// <example>cn.report</example>
    public string FormId { get; set; } = string.Empty;
    /// <summary>Form version; default the newest in force.</summary>
    /// <example>1</example>
    public int? FormVersion { get; set; }
    /// <summary>Answers by item key: text, an option key or an ISO date as a string; several option keys as an array; a number.</summary>
    /// <example>{"institution": "广东省技师学院", "occupation": "电工（四级/中级工）", "supervised-on": "2025-06-01", "examination-order": "conforms", "problems": "个别考场监控画面不清晰", "suggestions": "更换考场监控设备"}</example>
    public Dictionary<string, JsonElement> Answers { get; set; } = [];
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.FormId).NotEmpty().MaximumLength(80);
        RuleFor(r => r.FormVersion).InclusiveBetween(1, 1000);
        RuleFor(r => r.Answers).NotNull().Must(a => a is null || a.Count <= RecordAnswers.MaxAnswers).WithMessage($"at most {RecordAnswers.MaxAnswers} answers");
        RuleFor(r => r.Answers).Custom((answers, context) =>
        {
            foreach (var (key, value) in answers ?? [])
            {
                if (key.Length is 0 or > 100) context.AddFailure("answers", "an item key is 1–100 characters");
                else if (RecordAnswers.ShapeProblem(value) is { } problem) context.AddFailure($"answers.{key}", problem);
            }
        });
    }
}

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess assignments, FormCatalog forms, FilingFacts facts, AuditLog audit, TimeProvider clock)
    : Endpoint<Request, RecordDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/records");
        Roles(KernelRoles.Supervisor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("records.file").Produces<RecordDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("records");
        Summary(s => { s.Summary = "File the supervision record of an assignment"; s.Description = "督导员（或委派机构代为）提交督导记录（cn.report.required，第十条）：表格须在任务所在辖区适用，并与任务及评价活动的类型相符——广东职业资格评价、专项职业能力考核用附件3，职业技能等级认定用附件4（gd.forms.record）；北京经开区现场督导用附件3（现场）、事后认定资料督导用附件3（事后）、竞赛用附件7（bj.forms.record）；用错表格返回 422 并注明规则。逐项校验答案，400 列出每个问题（answers.<key>，附原表编号）。时限自督导结束（离场时间，否则任务结束时间，北京时间）按适用的时限规则以工作日计；逾期照收并标记 late。仅已接受的委派可提交，每个委派一份记录（再次提交 409，注明 cn.report.required；v1 不支持更正），提交后委派为 completed。无时限规则的辖区（仅第十条）不设期限，不会逾期。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var scene = await assignments.VisibleAsync(User, req.Id, ct, track: true);
        if (scene is null) { await Send.ResultAsync(Problems.NotFound($"assignment {req.Id}")); return; }
        if (!AssignmentAccess.IsAssignedSupervisor(User, scene) && !TaskAccess.IsDispatcher(User))
        { await Send.ResultAsync(Problems.Forbidden(new("只有被委派的督导员或委派机构可以提交记录", "only the assigned supervisor or the dispatching authority files the record"))); return; }

        var inForce = forms.ApplicableIn(scene.Jurisdiction).Where(f => f.Form.Id == req.FormId).ToList();
        if (inForce.Count == 0) ThrowError(r => r.FormId, ValidationLanguage.Text($"表单 '{req.FormId}' 在 {scene.Task.Jurisdiction} 不在有效期内", $"form '{req.FormId}' is not in force in {scene.Task.Jurisdiction}"));
        var form = (req.FormVersion is { } v ? inForce.SingleOrDefault(f => f.Form.Version == v) : inForce.MaxBy(f => f.Form.Version))?.Form;
        if (form is null) ThrowError(r => r.FormVersion!, ValidationLanguage.Text($"表单 '{req.FormId}' 没有版本 {req.FormVersion}", $"form '{req.FormId}' has no version {req.FormVersion}"));

        var now = clock.GetUtcNow();
        var filing = await facts.RecordAsync(scene, form, now, ct);
        var decision = RecordFiling.Decide(filing);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(RecordFiling.Conflict(filing.Assignment) is null ? Problems.Violations(decision.Violations) : Problems.RuleConflict(decision.Violations));
            return;
        }
        foreach (var problem in FormSubmission.Validate(form, RecordAnswers.ToKernel(req.Answers))) AddError(RecordAnswers.Failure(problem));
        ThrowIfAnyErrors();

        var filed = decision.Transition;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = new SupervisionRecord
        {
            Id = Guid.CreateVersion7(), AssignmentId = scene.Assignment.Id, FormId = filed.FormId, FormVersion = filed.FormVersion, Content = RecordAnswers.Write(req.Answers),
            DueOn = filed.DueOn, DueAssumed = filed.DueAssumed, Late = filed.Late, SubmittedBy = User.ActorId(), SubmittedAt = now,
        };
        db.SupervisionRecords.Add(record);
        scene.Assignment.Status = filed.AssignmentTo.Text();
        if (!await DrawConflicts.TrySaveAsync(db, ct))
        {
            // Filed at the same moment by another request: decided again on the state it left.
            await Send.ResultAsync(Problems.RuleConflict(RecordFiling.Decide(filing with { Assignment = AssignmentState.Completed }).Violations));
            return;
        }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("record.file", "supervision-record", record.Id.ToString(), scene.Task.Jurisdiction,
            Rules: [.. filed.Rules],
            Before: new { scene.Assignment.Id, Status = filed.AssignmentFrom.Text() },
            After: new { record.AssignmentId, record.FormId, record.FormVersion, record.DueOn, record.Late }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(RecordDto.From(record, scene.Task.Id), 201, ct);
    }
}
