using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Forms;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections;

/// <summary>A recorded step.</summary>
/// <param name="Sequence" example="2">Order of the step.</param>
/// <param name="Step" example="site-visit">notice | site-visit | preliminary-opinion | rectification | report.</param>
/// <param name="On" example="2025-06-01">Day.</param>
/// <param name="Text" example="现场查阅2025年度认定档案，抽查考场录像">Text.</param>
/// <param name="Answers" example='{"institution": {"text": "云南省职业技能评价中心"}, "visit-date": {"text": "2025-06-01"}, "item-1": {"number": 9}}'>Site-visit answers by item key.</param>
/// <param name="Total" example="86">Total score of a site visit.</param>
public sealed record StepDto(int Sequence, string Step, DateOnly On, string? Text, IReadOnlyDictionary<string, FormAnswer>? Answers, decimal? Total);

/// <summary>An annual inspection with its steps and the next one due.</summary>
/// <param name="Id" example="0193a5c7-4b21-7c3d-9e5f-6a7b8c9d0e1f">Inspection id.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The annual-inspection task.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution.</param>
/// <param name="Jurisdiction" example="53">Jurisdiction.</param>
/// <param name="Year" example="2025">Year inspected.</param>
/// <param name="FormId" example="yn.site-report">Site-visit form.</param>
/// <param name="Steps">Recorded steps.</param>
/// <param name="NextStep" example="preliminary-opinion">The next step due (null when done).</param>
public sealed record InspectionDto(Guid Id, Guid TaskId, Guid InstitutionId, string Jurisdiction, int Year, string FormId, IReadOnlyList<StepDto> Steps, string? NextStep)
{
    public static InspectionDto From(AnnualInspection i)
    {
        var steps = i.Steps.OrderBy(s => s.Sequence).ToList();
        return new(i.Id, i.TaskId, i.InstitutionId, i.Jurisdiction, i.Year, YunnanForms.ReportFormId,
            [.. steps.Select(s => new StepDto(s.Sequence, s.Step, s.On, s.Text, s.Answers is null ? null : JsonSerializer.Deserialize<Dictionary<string, FormAnswer>>(s.Answers, JsonSerializerOptions.Web), s.Total))],
            AnnualInspectionProcedure.Next([.. steps.Select(s => s.Step)]));
    }
}

public sealed class CreateRequest
{
    /// <summary>The Host's supervision task of kind annual-inspection (年检评估) this inspection carries out.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    public Guid TaskId { get; set; }
    /// <example>0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80</example>
    public Guid InstitutionId { get; set; }
    /// <summary>The institution's jurisdiction inside 53.</summary>
    /// <example>53</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>The year of recognition work inspected.</summary>
    /// <example>2025</example>
    public int Year { get; set; }
}

public sealed class CreateValidator : Validator<CreateRequest>
{
    public CreateValidator()
    {
        RuleFor(r => r.TaskId).NotEmpty();
        RuleFor(r => r.InstitutionId).NotEmpty();
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as 53");
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' must be between 2000 and 2100");
    }
}

/// <summary>Opens the procedure of an annual inspection (年检评估, YN 10(三), 11).</summary>
public sealed class CreateEndpoint(YunnanDbContext db, ISupervisionDirectory directory, IPackAudit audit) : Endpoint<CreateRequest, InspectionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/annual-inspections");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("yn.annual-inspections.create").Produces<InspectionDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Open an annual inspection (YN 10, 11)"; s.Description = "为年检评估任务（task kind annual-inspection）建立第十一条程序：通知 → 现场考察并按《职业技能等级认定现场质量督导情况报告表》打分 → 初步督导意见 → 整改 → 督导报告。taskId 须为该机构的年检评估任务（未知 404；其他类型或其他机构的任务 422，规则 yn.task.annual-inspection）；每个任务一个（409）。记入审计日志。"; });
    }

    public override async Task HandleAsync(CreateRequest req, CancellationToken ct)
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
            Id = Guid.CreateVersion7(), TaskId = req.TaskId, InstitutionId = req.InstitutionId, Jurisdiction = where.Value, Year = req.Year,
            CreatedBy = User.ActorId(), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AnnualInspections.Add(inspection);
        var dto = InspectionDto.From(inspection);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.annual-inspection.create", "yn.annual-inspection", inspection.Id.ToString(), where,
            [YunnanRules.TaskAnnualInspection.Id], After: dto, Detail: $"task={req.TaskId} institution={req.InstitutionId} year={req.Year}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}

public sealed class GetRequest
{
    public Guid Id { get; set; }
}

public sealed class GetEndpoint(YunnanDbContext db) : Endpoint<GetRequest, InspectionDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/annual-inspections/{id}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.Auditor);
        Description(b => b.WithName("yn.annual-inspections.get").Produces<InspectionDto>(200).ProducesProblem(404));
        Tags("yn");
        Summary(s => { s.Summary = "An annual inspection and its steps (YN 11)"; s.Description = "年检评估的程序记录、报告表得分与总分、下一步。"; });
    }

    public override async Task HandleAsync(GetRequest req, CancellationToken ct)
    {
        var i = await db.AnnualInspections.AsNoTracking().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == req.Id, ct);
        if (i is null || !User.CanAccess(JurisdictionCode.Parse(i.Jurisdiction))) { await Send.ResultAsync(PackProblems.NotFound($"annual inspection {req.Id}")); return; }
        await Send.OkAsync(InspectionDto.From(i), ct);
    }
}

public sealed class StepRequest
{
    /// <example>0193a5c7-4b21-7c3d-9e5f-6a7b8c9d0e1f</example>
    public Guid Id { get; set; }
    /// <summary>notice | site-visit | preliminary-opinion | rectification | report.</summary>
    /// <example>site-visit</example>
    public string Step { get; set; } = string.Empty;
    /// <summary>China day of the step.</summary>
    /// <example>2025-06-01</example>
    public DateOnly On { get; set; }
    /// <summary>The notice, opinion, rectification or report text.</summary>
    /// <example>现场查阅2025年度认定档案，抽查考场录像</example>
    public string? Text { get; set; }
    /// <summary>site-visit: the answers of 《职业技能等级认定现场质量督导情况报告表》 (form yn.site-report) by item key.</summary>
    /// <example>{"institution": {"text": "云南省职业技能评价中心"}, "visit-date": {"text": "2025-06-01"}, "supervisors": {"text": "张丽娟、周文斌"}, "item-1": {"number": 9}, "item-2": {"number": 10}}</example>
    public Dictionary<string, FormAnswer>? Answers { get; set; }
}

public sealed class StepValidator : Validator<StepRequest>
{
    public StepValidator()
    {
        RuleFor(r => r.Text).MaximumLength(4000);
        RuleFor(r => r.Text).NotEmpty().When(r => r.Step != AnnualInspectionProcedure.SiteVisit).WithMessage("'text' is required for this step");
        RuleFor(r => r.Answers).NotNull().When(r => r.Step == AnnualInspectionProcedure.SiteVisit).WithMessage("'answers' (the report form) is required for the site visit");
        RuleFor(r => r.Answers).Null().When(r => r.Step != AnnualInspectionProcedure.SiteVisit).WithMessage("'answers' belong to the site visit only");
    }
}

/// <summary>Records the next step of the YN 11 procedure; a step out of order is 409 naming yn.task.annual-inspection.</summary>
public sealed class StepEndpoint(YunnanDbContext db, IPackAudit audit) : Endpoint<StepRequest, InspectionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/annual-inspections/{id}/steps");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("yn.annual-inspections.record-step").Produces<InspectionDto>(200).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Record the next step of an annual inspection (YN 11)"; s.Description = "按第十一条顺序记录：notice（督导工作通知）→ site-visit（现场考察，提交报告表各项得分，总分为各项之和）→ preliminary-opinion（初步督导意见/督导意见书）→ rectification（整改情况）→ report（督导报告）。顺序错误或重复 409 并列出规则 yn.task.annual-inspection；报告表不合格 422 逐项列出。"; });
    }

    public override async Task HandleAsync(StepRequest req, CancellationToken ct)
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
            InspectionId = i.Id, Sequence = decision.Transition.Sequence, Step = decision.Transition.Step, On = req.On, Text = req.Text,
            Answers = req.Answers is null ? null : JsonSerializer.Serialize(req.Answers, JsonSerializerOptions.Web), Total = total,
            RecordedBy = User.ActorId(), RecordedAt = DateTimeOffset.UtcNow,
        });
        var dto = InspectionDto.From(i);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.annual-inspection.step", "yn.annual-inspection", i.Id.ToString(), JurisdictionCode.Parse(i.Jurisdiction),
            [YunnanRules.TaskAnnualInspection.Id], After: dto, Detail: $"step={req.Step} sequence={done.Count + 1}" + (total is { } t ? $" total={t}" : "")), User, ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(dto, ct);
    }
}
