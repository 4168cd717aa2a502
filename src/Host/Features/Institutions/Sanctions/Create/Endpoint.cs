using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Kernel.Sanctions.Rules;

namespace SupervisionCore.Host.Features.Institutions.Sanctions.Create;

public sealed class Request
{
    /// <summary>notice-and-correction (通报批评并责令改正) | disciplinary-recommendation (处分建议) | disqualification (取消评价工作资格); on a pack ground, only the steps the ground allows.</summary>
    /// <example>notice-and-correction</example>
    public string Step { get; set; } = string.Empty;
    /// <summary>CN 第十八条 item: refuse-materials (一) | obstruct-reporting (二) | refuse-correction (三) | fraud (四) | retaliation (五) | other (六); or an institution ground of an enabled pack for an institution in its jurisdiction (GD 第二十二条: gd.institution.refused-information …).</summary>
    /// <example>refuse-materials</example>
    public string Ground { get; set; } = string.Empty;
    /// <summary>Day of the decision (China calendar), not in the future nor before the last recorded step. Default: today.</summary>
    /// <example>2025-06-01</example>
    public DateOnly? On { get; set; }
    /// <summary>For notice-and-correction: the last day to correct (after the decision day).</summary>
    /// <example>2025-07-01</example>
    public DateOnly? CorrectionDeadline { get; set; }
    /// <summary>Recorded reason the case is serious (情节严重): needed to skip a step or to escalate before the correction deadline.</summary>
    /// <example>拒不提供考生档案，且已有两次整改记录</example>
    public string? SeriousJustification { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        // National keys, then the enabled packs' own (ISanctionGrounds); whether a pack key applies to this institution is judged by the endpoint.
        var (steps, grounds) = InstitutionSanctionGrounds.Keys(Resolve<IEnumerable<ISanctionGrounds>>());
        RuleFor(r => r.Step).Must(s => steps.Contains(s)).WithMessage(_ => ValidationLanguage.Text($"'step' 应为以下之一：{string.Join("、", steps)}", $"'step' must be {Or(steps)}"));
        RuleFor(r => r.Ground).Must(g => grounds.Contains(g)).WithMessage(_ => ValidationLanguage.Text($"'ground' 应为以下之一（CN 第十八条或地区包的机构处理事由）：{string.Join("、", grounds)}", $"'ground' must be {Or(grounds)} (CN 第十八条 or a pack's institution grounds)"));
        RuleFor(r => r.CorrectionDeadline).Null().When(r => r.Step != "notice-and-correction").WithMessage("'correctionDeadline' belongs only to notice-and-correction");
        RuleFor(r => r.SeriousJustification).MaximumLength(2000);
    }

    private static string Or(string[] keys) => keys.Length == 1 ? keys[0] : $"{string.Join(", ", keys[..^1])} or {keys[^1]}";
}

/// <summary>The recorded step and the institution as it now stands (status, version).</summary>
public sealed record Response(SanctionDto Sanction, InstitutionDto Institution);

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, IEnumerable<ISanctionGrounds> packGrounds, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/institutions/{id}/sanctions");
        Roles(InstitutionScope.Sanctioners);
        Description(b => b.WithName("institutions.sanctions.create").Produces<Response>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422));
        Tags("registry");
        Summary(s => { s.Summary = "Sanction an institution (CN 18)"; s.Description = "人力资源社会保障部门依第十八条处理评价机构：通报批评并责令改正（须定改正期限）→ 处分建议 → 取消评价工作资格；越级须记录情节严重理由（cn.sanction.institution-ladder，否则422）。机构状态随之变为 notified / disqualified。" +
            "已启用的政策包可为其辖区内的评价机构增加处理情形（如广东第二十二条），只能采用该情形允许的措施（否则422，注明规则）；辖区外或不在施行期内同样422。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var on = req.On ?? today;
        if (on > today) { AddError(r => r.On!, ValidationLanguage.Text($"'on' 不能晚于今天（{today:yyyy-MM-dd}）", $"'on' cannot be after today ({today:yyyy-MM-dd})")); await Send.ErrorsAsync(cancellation: ct); return; }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One decision at a time per institution, also across Hosts: the ladder is judged on a settled history.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM supervision.institutions WHERE id = {id} FOR UPDATE", ct);
        var institution = await db.Institutions.Visible(User).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null) { await Send.ResultAsync(Problems.NotFound($"institution {id} not found")); return; }
        var rows = await db.InstitutionSanctions.Where(s => s.InstitutionId == id).ToListAsync(ct);
        if (rows.Count > 0 && rows.Max(s => s.On) is var last && on < last)
        { AddError(r => r.On!, ValidationLanguage.Text($"'on' 不能早于上一个已记录的步骤（{last:yyyy-MM-dd}）：步骤按顺序记录", $"'on' cannot be before the last recorded step ({last:yyyy-MM-dd}): steps are recorded in order")); await Send.ErrorsAsync(cancellation: ct); return; }

        // The kernel decides (the packs' institution grounds, e.g. GD 22, then the national ladder); the endpoint persists and maps.
        var history = rows.Select(InstitutionStanding.ToKernel).ToList();
        var decision = SanctionDecisions.DecideInstitution(new InstitutionSanctionFacts(
            req.Step, InstitutionCodes.Steps.TryGetValue(req.Step, out var st) ? st : null, req.Ground, InstitutionCodes.KernelGround(req.Ground),
            JurisdictionCode.Parse(institution.Jurisdiction), on, req.CorrectionDeadline, req.SeriousJustification, history, today, [.. packGrounds]));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }
        var (next, packGround) = (decision.Transition.Next, decision.Transition.PackGround);

        var record = new InstitutionSanctionRecord
        {
            Id = Guid.CreateVersion7(now), InstitutionId = id, Step = req.Step, Ground = req.Ground, On = on,
            CorrectionDeadline = next.CorrectionDeadline, SeriousJustification = next.SeriousJustification, DecidedBy = User.ActorId(), CreatedAt = now,
        };
        db.InstitutionSanctions.Add(record);
        var before = new { institution.Status, Step = InstitutionCodes.Text(decision.Transition.Before) };
        var status = InstitutionCodes.StatusOf(decision.Transition.After);
        if (status != institution.Status) { institution.Status = status; institution.UpdatedAt = now; }
        await db.SaveChangesAsync(ct);
        var rule = NationalRules.InstitutionSanctionLadder.Id;
        var rules = decision.Transition.Rules;
        var cited = packGround is null ? "" : $" ({packGround.Citation})";
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("institution.sanction", "institution", id.ToString(), institution.Jurisdiction,
            Rules: rules, Before: before, After: new { Sanction = SanctionDto.From(record), institution.Status },
            Detail: $"{rule}: step={record.Step}; ground={record.Ground}{cited}; on={on:yyyy-MM-dd}; status {before.Status}→{institution.Status}"
                + (next.IsJustifiedAsSerious ? "; serious (情节严重) justification recorded" : "")), ct);
        await tx.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/v1/institutions/{id}/sanctions";
        await Send.ResponseAsync(new Response(SanctionDto.From(record), InstitutionDto.From(institution)), 201, ct);
    }
}
