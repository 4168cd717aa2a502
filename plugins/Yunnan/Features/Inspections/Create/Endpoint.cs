using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections.Create;

/// <summary>Opens the procedure of an annual inspection (年检评估, YN 10(三), 11).</summary>
public sealed class Endpoint(YunnanDbContext db, ISupervisionDirectory directory, IPackAudit audit) : Endpoint<Request, InspectionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/annual-inspections");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("yn.annual-inspections.create").Produces<InspectionDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Open an annual inspection (YN 10, 11)"; s.Description = "为年检评估任务（task kind annual-inspection）建立第十一条程序：通知 → 现场考察并按《职业技能等级认定现场质量督导情况报告表》打分 → 初步督导意见 → 整改 → 督导报告。taskId 须为该机构的年检评估任务（未知 404；其他类型或其他机构的任务 422，规则 yn.task.annual-inspection）；每个任务一个（409）。记入审计日志。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var where = JurisdictionCode.Parse(req.Jurisdiction);
        if (!User.CanAccess(where)) { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText($"{where.Value} 不在调用者的云南辖区内", $"{where.Value} is outside the caller's part of Yunnan"))); return; }
        // The institution named must exist inside that jurisdiction (not one of another province: OWASP API1).
        if (await directory.FindInstitutionAsync(req.InstitutionId.ToString(), ct) is not { } institution || !where.Contains(institution.Jurisdiction))
        { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText($"机构 {req.InstitutionId} 不在 {where.Value} 内", $"institution {req.InstitutionId} is not in {where.Value}"))); return; }
        // The task must be the Host's annual-inspection task of that institution (contract 1.3 lets the pack look it up).
        if (await directory.FindTaskAsync(req.TaskId.ToString(), ct) is not { } task || !User.CanAccess(task.Jurisdiction))
        { await Send.ResultAsync(PackProblems.NotFound($"supervision task {req.TaskId} in the caller's part of Yunnan")); return; }
        var open = AnnualInspectionProcedure.CanOpen(new InspectionOpenFacts(req.TaskId, task.Kind, task.InstitutionId, institution.Id));
        if (!open.Passed) { await Send.ResultAsync(PackProblems.Violations(open.Violations)); return; }
        if (await db.AnnualInspections.AnyAsync(i => i.TaskId == req.TaskId, ct))
        { await Send.ResultAsync(PackProblems.Conflict(new LocalizedText("该任务已有年检评估", "this task already has an annual inspection"))); return; }
        var inspection = new AnnualInspection
        {
            Id = Guid.CreateVersion7(),
            TaskId = req.TaskId,
            InstitutionId = req.InstitutionId,
            Jurisdiction = where.Value,
            Year = req.Year,
            CreatedBy = User.ActorId(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AnnualInspections.Add(inspection);
        var dto = InspectionDto.From(inspection);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.annual-inspection.create", "yn.annual-inspection", inspection.Id.ToString(), where,
            [YunnanRules.TaskAnnualInspection.Id], After: dto, Detail: $"task={req.TaskId} institution={req.InstitutionId} year={req.Year}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}
