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
using SupervisionCore.Host.Features.Forms;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;
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

public sealed class Endpoint(SupervisionDbContext db, AssignmentAccess assignments, FormCatalog forms, DeadlinePolicies deadlines, AuditLog audit, TimeProvider clock)
    : Endpoint<Request, RecordDto>
{
    public override void Configure()
    {
        Post("/api/v1/assignments/{id}/records");
        Roles(KernelRoles.Supervisor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("records.file").Produces<RecordDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        Tags("records");
        Summary(s => { s.Summary = "File the supervision record of an assignment"; s.Description = "督导员（或委派机构代为）提交督导记录（cn.report.required，第十条）：表格须在任务所在辖区适用；逐项校验答案，400 列出每个问题（answers.<key>，附原表编号）。时限自督导结束（离场时间，否则任务结束时间，北京时间）按适用的时限规则以工作日计；逾期照收并标记 late。仅已接受的委派可提交，每个委派一份记录（再次提交 409；v1 不支持更正），提交后委派为 completed。无时限规则的辖区（仅第十条）不设期限，不会逾期。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var scene = await assignments.VisibleAsync(User, req.Id, ct, track: true);
        if (scene is null) { await Send.ResultAsync(Problems.NotFound($"assignment {req.Id}")); return; }
        if (!AssignmentAccess.IsAssignedSupervisor(User, scene) && !TaskAccess.IsDispatcher(User))
        { await Send.ResultAsync(Problems.Forbidden(new("只有被委派的督导员或委派机构可以提交记录", "only the assigned supervisor or the dispatching authority files the record"))); return; }
        if (scene.Assignment.Status == "completed") { await Send.ResultAsync(AlreadyFiled()); return; }
        if (scene.Assignment.Status != "accepted")
        { await Send.ResultAsync(Problems.Conflict(new($"委派状态为 {scene.Assignment.Status}，只有已接受的委派可以提交记录", $"the assignment is {scene.Assignment.Status}: only an accepted assignment files a record"))); return; }

        var inForce = forms.ApplicableIn(scene.Jurisdiction).Where(f => f.Form.Id == req.FormId).ToList();
        if (inForce.Count == 0) ThrowError(r => r.FormId, $"form '{req.FormId}' is not in force in {scene.Task.Jurisdiction}");
        var form = (req.FormVersion is { } v ? inForce.SingleOrDefault(f => f.Form.Version == v) : inForce.MaxBy(f => f.Form.Version))?.Form;
        if (form is null) ThrowError(r => r.FormVersion!, $"form '{req.FormId}' has no version {req.FormVersion}");
        foreach (var problem in FormSubmission.Validate(form, RecordAnswers.ToKernel(req.Answers))) AddError(RecordAnswers.Failure(problem));
        ThrowIfAnyErrors();

        var deadline = await deadlines.ForAsync(DeadlineSubject.SupervisionRecord, scene.Jurisdiction, scene.SupervisionEnd, Tasks.TaskKinds.Parse(scene.Task.Kind), ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = new SupervisionRecord
        {
            Id = Guid.CreateVersion7(), AssignmentId = scene.Assignment.Id, FormId = form.Id, FormVersion = form.Version, Content = RecordAnswers.Write(req.Answers),
            DueOn = deadline.Due, DueAssumed = deadline.Assumed, Late = deadline.IsLate(ChinaTime.DateOf(now)), SubmittedBy = User.ActorId(), SubmittedAt = now,
        };
        db.SupervisionRecords.Add(record);
        scene.Assignment.Status = "completed"; // cn.report.required: the record completes the assignment
        if (!await DrawConflicts.TrySaveAsync(db, ct)) { await Send.ResultAsync(AlreadyFiled()); return; }
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("record.file", "supervision-record", record.Id.ToString(), scene.Task.Jurisdiction,
            Rules: [NationalRules.ReportRequired.Id, .. deadline.Rule is { } rule ? [rule.Id] : Array.Empty<string>()],
            Before: new { scene.Assignment.Id, Status = "accepted" },
            After: new { record.AssignmentId, record.FormId, record.FormVersion, record.DueOn, record.Late }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(RecordDto.From(record, scene.Task.Id), 201, ct);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult AlreadyFiled() => Problems.Conflict(new(
        "该委派已提交记录；每个委派只有一份记录，v1 不支持更正（如需更正，由委派机构在记录之外另行说明）",
        "this assignment already has its record: one record per assignment, and v1 does not support corrections"));
}
