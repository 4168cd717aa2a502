using System.Text.Json;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.SpecialProcedure.RecordStep;

public sealed class Endpoint(SupervisionDbContext db, TaskAccess tasks, SpecialProcedureSteps steps, AuditLog audit, TimeProvider clock) : Endpoint<Request, SpecialProcedureDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks/{id}/special-procedure/steps");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("special-procedure.record-step").Produces<SpecialProcedureDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("special-procedure");
        Summary(s => { s.Summary = "Record a step of the special procedure"; s.Description = "专项督导程序（第十五条）依次记录：评价机构自评（自查）报告（可由评价机构操作员提交；通常在现场考察前，最迟在初步督导意见前，cn.special.self-report）、现场考察 → 初步督导意见反馈（规定申辩期限 rebuttalDue）→ 评价机构申辩（期限内，可由评价机构操作员提交）→ 委派机构发出督导意见书（未申辩的，期限届满后方可发出）→ 整改报告 → 结束。不得跳步或重复：顺序不符返回 409 并注明规则 cn.special.procedure；日期不符返回 422。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        _ = SpecialSteps.TryParse(req.Step, out var step); // the validator has checked it
        var task = await tasks.VisibleAsync(User, req.Id, ct, track: true);
        if (task is null) { await Send.ResultAsync(Problems.NotFound($"supervision task {req.Id}")); return; }
        if (!TaskAccess.IsDispatcher(User) && step is not (SpecialStep.Rebuttal or SpecialStep.SelfReport))
        { await Send.ResultAsync(Problems.Forbidden(new("评价机构只能提交自评（自查）报告和申辩意见", "an institution records only its self-report and its rebuttal"))); return; }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serialise steps of one task: the order check and the insert must see the same history.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM supervision.supervision_tasks WHERE id = {task.Id} FOR UPDATE", ct);
        var rows = await steps.OfAsync(task.Id, ct);
        var facts = new SpecialStepFacts(TaskKinds.Parse(task.Kind), States.ParseTask(task.Status), SpecialProcedureSteps.AsRecorded(rows), step, req.On!.Value, req.RebuttalDue, steps.Today);
        var decision = SpecialStepDecisions.Decide(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(SpecialStepDecisions.IsConflict(facts) ? Problems.RuleConflict(decision.Violations) : Problems.Violations(decision.Violations));
            return;
        }

        var recorded = decision.Transition;
        var row = new SpecialProcedureStep
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, Step = SpecialSteps.ToText(recorded.Step), Text = req.Text,
            Attachments = JsonSerializer.Serialize(req.Attachments.Select(a => a with { Sha256 = a.Sha256.ToLowerInvariant() }), SpecialProcedureSteps.Json),
            RebuttalDue = recorded.RebuttalDue, On = recorded.On, RecordedBy = User.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        db.SpecialProcedureSteps.Add(row);
        task.Status = recorded.TaskTo.Text();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("special-procedure.step", "supervision-task", task.Id.ToString(), task.Jurisdiction,
            Rules: recorded.Step is SpecialStep.SelfReport or SpecialStep.PreliminaryOpinion ? [NationalRules.SpecialProcedure.Id, NationalRules.SpecialSelfReport.Id] : [NationalRules.SpecialProcedure.Id],
            Before: recorded.TaskFrom == recorded.TaskTo ? null : new { Status = recorded.TaskFrom.Text() },
            After: new { row.Step, row.On, row.RebuttalDue, Attachments = req.Attachments.Select(a => new { a.Name, a.Sha256 }), task.Status }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(steps.Dto(task.Id, [.. rows, row]), 201, ct);
    }
}
