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

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.ReviewMeasure;

public sealed class Request
{
    /// <example>0193a5c8-1c22-7d3e-8f40-516273849a0b</example>
    public Guid Id { get; set; }
    /// <summary>accept (close the measure: the rectification is done, or the investigation's finding) | return (the rectification falls short: another round).</summary>
    /// <example>accept</example>
    public string Decision { get; set; } = string.Empty;
    /// <summary>Day of the review (China time).</summary>
    /// <example>2025-07-05</example>
    public DateOnly? On { get; set; }
    /// <summary>The note: why it is returned, or the conclusion (for an investigation, its finding).</summary>
    /// <example>整改到位，予以结案。</example>
    public string Note { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Decision).Must(d => d is "accept" or "return").WithMessage("'decision' 应为 accept（通过）或 return（退回）", "'decision' must be accept or return");
        RuleFor(r => r.On).NotNull().WithMessage("'on'（审核日期）为必填项", "'on' (the day of the review) is required");
        RuleFor(r => r.Note).NotEmpty().MaximumLength(2000);
    }
}

/// <summary>The dispatching body reviews a measure: accepts the rectification (closing it) or returns it; closes an investigation with its finding.</summary>
public sealed class Endpoint(GuangdongDbContext db, IPackAudit audit, TimeProvider clock) : Endpoint<Request, MeasureDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/gd/measures/{id}/review");
        Roles(GuangdongCaller.Staff);
        Description(b => b.WithName("gd.measures.review").Produces<MeasureDto>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("gd");
        Summary(s => { s.Summary = "Review a measure: close it or return the rectification (GD 17(四))"; s.Description = "委派机构审核整改情况：accept 结案（附结论），return 退回重新整改（附理由）。要求整改的措施须先有整改报送（否则 409）；未要求整改的调查核实以核实结论结案（accept）。已结案为 409（gd.daily.rectification）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var m = await db.DailyMeasures.FromSql($"SELECT * FROM pack_gd.daily_measures WHERE id = {req.Id} FOR UPDATE")
            .Where(MeasureAccess.Readable(User)).Include(x => x.Rectifications).SingleOrDefaultAsync(ct);
        if (m is null) { await Send.ResultAsync(PackProblems.NotFound($"measure {req.Id}")); return; }
        var pending = m.Rectifications.Where(r => r.Review is null).MaxBy(r => r.Round);
        var lastDay = new[] { m.On }.Concat(m.Rectifications.Select(r => r.On)).Concat(m.Rectifications.Where(r => r.ReviewedOn is not null).Select(r => r.ReviewedOn!.Value)).Max();
        var facts = new MeasureReviewFacts(m.Status, m.Kind, m.RectificationDue is not null, req.Decision == "accept", lastDay, req.On!.Value, ChinaTime.DateOf(clock.GetUtcNow()));
        var decision = DailySupervisionActs.DecideReview(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(DailySupervisionActs.IsConflict(facts) ? PackProblems.RuleConflict(decision.Violations) : PackProblems.Violations(decision.Violations));
            return;
        }
        var before = new { m.Status };
        if (pending is not null)
        {
            pending.Review = req.Decision == "accept" ? "accepted" : "returned";
            pending.ReviewedOn = req.On.Value;
            pending.ReviewNote = req.Note.Trim();
        }
        m.Status = decision.Transition.Status;
        if (m.Status == DailySupervisionKinds.Closed) { m.ClosedOn = req.On.Value; m.Conclusion = req.Note.Trim(); }
        var dto = MeasureDto.From(m);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("gd.measure.review", "gd.measure", m.Id.ToString(), JurisdictionCode.Parse(m.Jurisdiction),
            [GuangdongRules.DailyRectification.Id], Before: before, After: new { m.Status, m.ClosedOn },
            Detail: $"decision={req.Decision} round={pending?.Round.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"), User, ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(dto, ct);
    }
}
