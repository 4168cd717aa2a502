using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Forms;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections.RecordStep;

/// <summary>Records the next step of the YN 11 procedure; a step out of order is 409 naming yn.task.annual-inspection.</summary>
public sealed class Endpoint(YunnanDbContext db, IPackAudit audit) : Endpoint<Request, InspectionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/annual-inspections/{id}/steps");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("yn.annual-inspections.record-step").Produces<InspectionDto>(200).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Record the next step of an annual inspection (YN 11)"; s.Description = "按第十一条顺序记录：notice（督导工作通知）→ site-visit（现场考察，提交报告表各项得分，总分为各项之和）→ preliminary-opinion（初步督导意见/督导意见书）→ rectification（整改情况）→ report（督导报告）。顺序错误或重复 409 并列出规则 yn.task.annual-inspection；报告表不合格 422 逐项列出。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var i = await db.AnnualInspections.FromSql($"SELECT * FROM pack_yn.annual_inspections WHERE id = {req.Id} FOR UPDATE").Include(x => x.Steps).SingleOrDefaultAsync(ct);
        if (i is null || !User.CanAccess(JurisdictionCode.Parse(i.Jurisdiction))) { await Send.ResultAsync(PackProblems.NotFound($"annual inspection {req.Id}")); return; }
        var done = i.Steps.OrderBy(s => s.Sequence).Select(s => s.Step).ToList();
        var facts = new InspectionStepFacts(done, i.Steps.Count > 0 ? i.Steps.Max(s => s.On) : null, req.Step, req.On, req.Answers);
        var decision = AnnualInspectionProcedure.DecideStep(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(facts.OutOfOrder
                ? PackProblems.Conflict(new LocalizedText("年检评估程序须按第十一条顺序进行", "the annual inspection follows the order of YN 11"), decision.Violations)
                : PackProblems.Violations(decision.Violations));
            return;
        }
        var total = decision.Transition.Total;
        if (total is { } sum) req.Answers![YunnanForms.TotalKey] = new FormAnswer(Number: sum);
        i.Steps.Add(new InspectionStep
        {
            InspectionId = i.Id,
            Sequence = decision.Transition.Sequence,
            Step = decision.Transition.Step,
            On = req.On,
            Text = req.Text,
            Answers = req.Answers is null ? null : JsonSerializer.Serialize(req.Answers, JsonSerializerOptions.Web),
            Total = total,
            RecordedBy = User.ActorId(),
            RecordedAt = DateTimeOffset.UtcNow,
        });
        var dto = InspectionDto.From(i);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.annual-inspection.step", "yn.annual-inspection", i.Id.ToString(), JurisdictionCode.Parse(i.Jurisdiction),
            [YunnanRules.TaskAnnualInspection.Id], After: dto, Detail: $"step={req.Step} sequence={done.Count + 1}" + (total is { } t ? $" total={t}" : "")), User, ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(dto, ct);
    }
}
