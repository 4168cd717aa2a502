using SupervisionCore.Kernel.Acts;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Rules;
using SupervisionCore.Plugins.AspNetCore;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.RecordCheck;

public sealed class Request
{
    /// <summary>The daily supervision task (the Host's).</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid TaskId { get; set; }
    /// <summary>briefing (听取汇报, may precede the activity) | on-site | data-comparison | sampling (抽查评价资料（含录像）) | remote-monitoring.</summary>
    /// <example>sampling</example>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Day of the check (China time).</summary>
    /// <example>2025-06-10</example>
    public DateOnly? On { get; set; }
    /// <summary>Staff recording for a supervisor: that supervisor (must have accepted the dispatch). A supervisor records for themself (ignored).</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid? SupervisorId { get; set; }
    /// <summary>Sampling: files (档案) sampled.</summary>
    /// <example>20</example>
    public int? FilesSampled { get; set; }
    /// <summary>Sampling: video recordings (录像) sampled.</summary>
    /// <example>3</example>
    public int? VideosSampled { get; set; }
    /// <summary>What the check found (the supervisors' feedback to the dispatching body).</summary>
    /// <example>抽查20份认定档案，3份缺少考评员签名；抽查3段考场录像，1段时长不完整。</example>
    public string Findings { get; set; } = string.Empty;
    /// <summary>True when the check found a problem.</summary>
    /// <example>true</example>
    public bool ProblemsFound { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.TaskId).NotEmpty();
        RuleFor(r => r.Kind).Must(k => DailySupervisionKinds.Checks.Contains(k)).WithMessage("'kind' 应为以下之一：" + string.Join("、", DailySupervisionKinds.Checks), "'kind' must be one of " + string.Join(", ", DailySupervisionKinds.Checks));
        RuleFor(r => r.On).NotNull().WithMessage("'on'（检查日期）为必填项", "'on' (the day of the check) is required");
        RuleFor(r => r.FilesSampled).InclusiveBetween(0, 100_000);
        RuleFor(r => r.VideosSampled).InclusiveBetween(0, 100_000);
        RuleFor(r => r.Findings).NotEmpty().MaximumLength(4000);
    }
}

/// <summary>Records a check of GD 第十七条(一)(二) on a daily task (gd.daily.checks).</summary>
public sealed class Endpoint(GuangdongDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, CheckDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/gd/daily-checks");
        Roles([.. GuangdongCaller.Staff, AccessRoles.Supervisor]);
        Description(b => b.WithName("gd.daily-checks.record").Produces<CheckDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422));
        Tags("gd");
        Summary(s =>
        {
            s.Summary = "Record a daily supervision check (GD 17(一)(二))";
            s.Description = "日常督导（第十七条）：听取汇报（提前了解评价活动总体情况，可早于活动）、现场督导、数据比对、抽查评价资料（含录像，须至少抽查一份档案或一段录像）、" +
                            "远程监控。由已接受委派的外督本人记录，或委派机构代为记录（须指明已接受委派的督导员）。只记入广东的日常督导任务；任务不可见为 404，" +
                            "不符合规则为 422（gd.daily.checks）。记入审计日志。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await directory.FindTaskAsync(req.TaskId.ToString(), ct);
        var staff = User.IsStaff();
        if (task is null || !GuangdongRules.Jurisdiction.Contains(task.Jurisdiction) || (staff && !GuangdongAccess.CanSee(User, task.Jurisdiction)))
        { await Send.ResultAsync(PackProblems.NotFound($"no Guangdong supervision task {req.TaskId} in the caller's reach")); return; }
        var assignments = await TaskAssignments.OfAsync(directory, task, ct);
        var supervisorId = staff ? req.SupervisorId : Guid.TryParse(User.SupervisorId(), out var own) ? own : null;
        if (!staff && (supervisorId is null || !assignments.Any(a => a.SupervisorId == supervisorId.Value.ToString())))
        { await Send.ResultAsync(PackProblems.NotFound($"supervision task {req.TaskId} (the caller is not dispatched to it)")); return; }
        var dispatched = supervisorId is not { } who || assignments.Any(a => a.SupervisorId == who.ToString() && a.Status is AssignmentState.Accepted or AssignmentState.Completed);

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var facts = new DailyCheckFacts(task.Kind, task.Status, ChinaTime.DateOf(task.WindowStart), req.Kind, req.On!.Value, req.FilesSampled, req.VideosSampled, dispatched, today);
        var decision = DailySupervisionActs.DecideCheck(facts);
        if (!decision.Allowed) { await Send.ResultAsync(PackProblems.Violations(decision.Violations)); return; }

        var check = new DailyCheck
        {
            Id = Guid.CreateVersion7(), TaskId = req.TaskId, InstitutionId = Guid.Parse(task.InstitutionId), Jurisdiction = task.Jurisdiction.Value,
            Kind = decision.Transition.Kind, On = decision.Transition.On, SupervisorId = supervisorId,
            FilesSampled = req.Kind == DailySupervisionKinds.Sampling ? req.FilesSampled : null,
            VideosSampled = req.Kind == DailySupervisionKinds.Sampling ? req.VideosSampled : null,
            Findings = req.Findings.Trim(), ProblemsFound = req.ProblemsFound, RecordedBy = User.ActorId(), RecordedAt = clock.GetUtcNow(),
        };
        db.DailyChecks.Add(check);
        var dto = CheckDto.From(check);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("gd.daily-check.record", "gd.daily-check", check.Id.ToString(), task.Jurisdiction,
            [GuangdongRules.DailyChecks.Id], After: new { check.Id, check.TaskId, check.Kind, check.On, check.ProblemsFound },
            Detail: $"task={check.TaskId} kind={check.Kind} problems={(check.ProblemsFound ? "yes" : "no")}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}
