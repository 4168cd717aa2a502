using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Assignments;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Tasks.FixMatters;

public sealed class Request
{
    /// <summary>The special task.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid Id { get; set; }

    /// <summary>督导事项: one or more of CN 12's contents as they concern this institution (at least one).</summary>
    /// <example>["评价机构质量管理体系建设情况（第十二条第一项）", "考评人员、管理人员工作情况（第十二条第二项）"]</example>
    public List<string>? Matters { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Matters).NotNull().WithMessage("'matters' must be a list").Must(m => m is null || m.Count <= 50).WithMessage("'matters': at most 50");
        RuleForEach(r => r.Matters).NotNull().MaximumLength(500);
    }
}

/// <summary>明确督导事项 (fixing a special task's matters before its group is formed), CN 第十五条 (cn.special.matters).</summary>
public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, AuditLog audit) : Endpoint<Request, TaskDto>
{
    public override void Configure()
    {
        Put("/api/v1/supervision-tasks/{id}/matters");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("tasks.fix-matters").Produces<TaskDto>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("tasks");
        Summary(s =>
        {
            s.Summary = "Fix the matters of a special task";
            s.Description = "专项督导前应当明确督导事项（第十五条，cn.special.matters）：至少一项；督导小组成立（已有委派）后不再变更（409），" +
                            "任务结束或取消后亦不可变更（409）。未明确督导事项的专项任务不得抽取或委派督导员（422 cn.special.matters）。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await tasks.VisibleAsync(User, req.Id, ct) is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await TaskLifecycle.LockAsync(db, req.Id, ct);
        var live = await db.Assignments.CountAsync(a => a.TaskId == task.Id && AssignmentStatuses.Live.Contains(a.Status), ct);
        var facts = new MattersFacts(TaskKinds.Parse(task.Kind), States.ParseTask(task.Status), live, req.Matters!);
        var decision = SpecialMattersDecision.Decide(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(SpecialMattersDecision.IsConflict(facts) ? Problems.RuleConflict(decision.Violations) : Problems.Violations(decision.Violations));
            return;
        }

        var before = TaskDto.From(task);
        task.Matters = [.. decision.Transition.Matters];
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("task.matters", "supervision-task", task.Id.ToString(), task.Jurisdiction,
            Rules: [NationalRules.SpecialMatters.Id], Before: before, After: TaskDto.From(task), Detail: $"{task.Matters.Length} matter(s)"), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(TaskDto.From(task), ct);
    }
}
