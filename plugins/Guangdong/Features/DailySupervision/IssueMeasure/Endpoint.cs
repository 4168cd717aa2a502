using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Rules;
using SupervisionCore.Plugins.AspNetCore;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.IssueMeasure;

public sealed class Request
{
    /// <summary>The daily task whose supervision the measure follows (its institution is the one addressed).</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid TaskId { get; set; }
    /// <summary>investigation (调查核实) | interview (约谈提醒) | reminder-letter (提醒函) | quality-notice (质量通报).</summary>
    /// <example>reminder-letter</example>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Day the measure is taken (China time).</summary>
    /// <example>2025-06-15</example>
    public DateOnly? On { get; set; }
    /// <summary>文号: required for a reminder letter and a quality notice.</summary>
    /// <example>穗技督提〔2025〕3号</example>
    public string? Number { get; set; }
    /// <summary>通报范围: required for a quality notice.</summary>
    /// <example>全市各评价机构</example>
    public string? Scope { get; set; }
    /// <summary>The issuing (dispatching) body as printed.</summary>
    /// <example>广州市职业技能鉴定指导中心</example>
    public string IssuedBy { get; set; } = string.Empty;
    /// <summary>The problems the supervisors found (or, for an investigation, what is to be verified).</summary>
    /// <example>认定档案缺少考评员签名，考场录像不完整。</example>
    public string Findings { get; set; } = string.Empty;
    /// <summary>What the institution must do (required for an interview, a letter and a notice).</summary>
    /// <example>请于整改期限内补齐签名、完善录像管理，并报送整改情况。</example>
    public string? Requirements { get; set; }
    /// <summary>Last day of the rectification (required for an interview, a letter and a notice).</summary>
    /// <example>2025-07-15</example>
    public DateOnly? RectificationDue { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.TaskId).NotEmpty();
        RuleFor(r => r.Kind).Must(k => DailySupervisionKinds.Measures.Contains(k)).WithMessage("'kind' 应为以下之一：" + string.Join("、", DailySupervisionKinds.Measures), "'kind' must be one of " + string.Join(", ", DailySupervisionKinds.Measures));
        RuleFor(r => r.On).NotNull().WithMessage("'on'（采取措施的日期）为必填项", "'on' (the day of the measure) is required");
        RuleFor(r => r.Number).MaximumLength(100);
        RuleFor(r => r.Number).NotEmpty().When(r => r.Kind is DailySupervisionKinds.ReminderLetter or DailySupervisionKinds.QualityNotice).WithMessage("提醒函或质量通报须填写 'number'（文号）", "'number' (文号) is required for a letter or a notice");
        RuleFor(r => r.Scope).MaximumLength(500);
        RuleFor(r => r.Scope).NotEmpty().When(r => r.Kind == DailySupervisionKinds.QualityNotice).WithMessage("质量通报须填写 'scope'（通报范围）", "'scope' (通报范围) is required for a quality notice");
        RuleFor(r => r.IssuedBy).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Findings).NotEmpty().MaximumLength(4000);
        RuleFor(r => r.Requirements).MaximumLength(4000);
        RuleFor(r => r.Requirements).NotEmpty().When(r => DailySupervisionKinds.RequiresRectification(r.Kind)).WithMessage("约谈、提醒函或质量通报须填写 'requirements'（整改要求）", "'requirements' are required for an interview, a letter or a notice");
    }
}

/// <summary>Takes a measure of GD 第十七条(三) against the institution of a daily task (gd.daily.measures).</summary>
public sealed class Endpoint(GuangdongDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, MeasureDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/gd/measures");
        Roles(GuangdongCaller.Staff);
        Description(b => b.WithName("gd.measures.issue").Produces<MeasureDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422));
        Tags("gd");
        Summary(s =>
        {
            s.Summary = "Take a measure against an institution (GD 17(三))";
            s.Description = "委派机构视质量督导员反馈的情况（该日常督导任务已记录检查，或任务已结束）向评价机构调查核实、约谈提醒、发出提醒函或质量通报（第十七条第（三）项，" +
                            "gd.daily.measures）。约谈、提醒函、质量通报须明确整改要求和整改期限；提醒函、质量通报须有文号，质量通报须有通报范围，可打印（GET …?format=html）。" +
                            "评价机构即任务所督导的机构。记入审计日志。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await directory.FindTaskAsync(req.TaskId.ToString(), ct);
        if (task is null || !GuangdongRules.Jurisdiction.Contains(task.Jurisdiction) || !GuangdongAccess.CanSee(User, task.Jurisdiction))
        { await Send.ResultAsync(PackProblems.NotFound($"no Guangdong supervision task {req.TaskId} in the caller's reach")); return; }
        var checks = await db.DailyChecks.CountAsync(c => c.TaskId == req.TaskId, ct);
        var facts = new MeasureFacts(task.Kind, task.Status, ChinaTime.DateOf(task.WindowStart), checks, req.Kind, req.On!.Value, req.RectificationDue, ChinaTime.DateOf(clock.GetUtcNow()));
        var decision = DailySupervisionActs.DecideMeasure(facts);
        if (!decision.Allowed) { await Send.ResultAsync(PackProblems.Violations(decision.Violations)); return; }

        var measure = new DailyMeasure
        {
            Id = Guid.CreateVersion7(), TaskId = req.TaskId, InstitutionId = Guid.Parse(task.InstitutionId), Jurisdiction = task.Jurisdiction.Value,
            Kind = decision.Transition.Kind, On = req.On.Value, Number = Trim(req.Number), Scope = Trim(req.Scope), IssuedBy = req.IssuedBy.Trim(),
            Findings = req.Findings.Trim(), Requirements = Trim(req.Requirements), RectificationDue = decision.Transition.RectificationDue,
            Status = decision.Transition.Status, CreatedBy = User.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        db.DailyMeasures.Add(measure);
        var dto = MeasureDto.From(measure);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("gd.measure.issue", "gd.measure", measure.Id.ToString(), task.Jurisdiction,
            [GuangdongRules.DailyMeasures.Id], After: new { measure.Id, measure.TaskId, measure.InstitutionId, measure.Kind, measure.On, measure.RectificationDue, measure.Status },
            Detail: $"task={measure.TaskId} institution={measure.InstitutionId} kind={measure.Kind} checks={checks}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
