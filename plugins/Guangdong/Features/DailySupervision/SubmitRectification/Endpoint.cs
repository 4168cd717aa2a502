using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Rules;
using SupervisionCore.Plugins.AspNetCore;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.SubmitRectification;

public sealed class Request
{
    /// <example>0193a5c8-1c22-7d3e-8f40-516273849a0b</example>
    public Guid Id { get; set; }
    /// <summary>Day of the report (China time).</summary>
    /// <example>2025-07-01</example>
    public DateOnly? On { get; set; }
    /// <summary>整改情况: what was improved or rectified.</summary>
    /// <example>已补齐考评员签名并修订档案管理制度，附整改前后对照。</example>
    public string Text { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.On).NotNull().WithMessage("'on'（整改报告日期）为必填项", "'on' (the day of the report) is required");
        RuleFor(r => r.Text).NotEmpty().MaximumLength(4000);
    }
}

/// <summary>The institution reports its rectification (GD 17(四), gd.daily.rectification).</summary>
public sealed class Endpoint(GuangdongDbContext db, IPackAudit audit, TimeProvider clock) : Endpoint<Request, MeasureDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/gd/measures/{id}/rectifications");
        Roles([.. GuangdongCaller.Staff, AccessRoles.InstitutionOperator]);
        Description(b => b.WithName("gd.measures.rectify").Produces<MeasureDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("gd");
        Summary(s => { s.Summary = "Report the rectification (GD 17(四))"; s.Description = "评价机构根据约谈内容和提醒事项完善或整改相关工作并报送整改情况（委派机构也可代为登记）。逾期报送予以标记（late），不拒收；已结案或上一次报送尚待审核为 409，未要求整改或日期不符为 422（gd.daily.rectification）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var m = await db.DailyMeasures.FromSql($"SELECT * FROM pack_gd.daily_measures WHERE id = {req.Id} FOR UPDATE")
            .Where(MeasureAccess.Readable(User)).Include(x => x.Rectifications).SingleOrDefaultAsync(ct);
        if (m is null || !(User.IsStaff() || User.InstitutionId() == m.InstitutionId.ToString())) { await Send.ResultAsync(PackProblems.NotFound($"measure {req.Id}")); return; }
        var facts = new RectificationFacts(m.Status, m.On, m.RectificationDue, req.On!.Value, ChinaTime.DateOf(clock.GetUtcNow()));
        var decision = DailySupervisionActs.DecideRectification(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(DailySupervisionActs.IsConflict(facts) ? PackProblems.RuleConflict(decision.Violations) : PackProblems.Violations(decision.Violations));
            return;
        }
        var before = new { m.Status };
        var round = new MeasureRectification
        {
            MeasureId = m.Id, Round = m.Rectifications.Count + 1, On = req.On.Value, Text = req.Text.Trim(), Late = decision.Transition.Late,
            SubmittedBy = User.ActorId(), SubmittedAt = clock.GetUtcNow(),
        };
        m.Rectifications.Add(round);
        m.Status = decision.Transition.Status;
        var dto = MeasureDto.From(m);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("gd.measure.rectify", "gd.measure", m.Id.ToString(), JurisdictionCode.Parse(m.Jurisdiction),
            [GuangdongRules.DailyRectification.Id], Before: before, After: new { m.Status, round.Round, round.On, round.Late },
            Detail: $"round={round.Round} late={(round.Late ? "yes" : "no")}"), User, ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}
