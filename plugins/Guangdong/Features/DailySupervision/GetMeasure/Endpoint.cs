using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Forms;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.GetMeasure;

public sealed class Request
{
    /// <example>0193a5c8-1c22-7d3e-8f40-516273849a0b</example>
    public Guid Id { get; set; }
    /// <summary><c>html</c>: the printable 提醒函 or 质量通报 (A4); JSON otherwise.</summary>
    /// <example>html</example>
    [QueryParam]
    public string? Format { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Format).Must(f => f is null or "json" or "html").WithMessage("'format' 应为 json 或 html", "'format' must be json or html");
}

/// <summary>One measure with its rectification rounds, or its printed letter or notice.</summary>
public sealed class Endpoint(GuangdongDbContext db, ISupervisionDirectory directory) : Endpoint<Request, MeasureDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/gd/measures/{id}");
        Roles(GuangdongCaller.MeasureReaders);
        Description(b => b.WithName("gd.measures.get").Produces<MeasureDto>(200).Produces<string>(200, "text/html").ProducesProblem(404).ProducesProblem(406));
        Tags("gd");
        Summary(s => { s.Summary = "A measure (GD 17(三)), JSON or printable"; s.Description = "措施及整改记录。format=html（或 Accept: text/html）：提醒函、质量通报按表格 gd.reminder-letter / gd.quality-notice 打印（A4）；调查核实、约谈提醒没有打印件（406）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var m = await db.DailyMeasures.AsNoTracking().Include(x => x.Rectifications).Where(MeasureAccess.Readable(User)).SingleOrDefaultAsync(x => x.Id == req.Id, ct);
        if (m is null) { await Send.ResultAsync(PackProblems.NotFound($"measure {req.Id}")); return; }
        var html = req.Format == "html" || (req.Format is null && HttpContext.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
        if (!html) { await Send.OkAsync(MeasureDto.From(m), ct); return; }
        if (MeasureForms.For(m.Kind) is not { } form)
        { await Send.ResultAsync(PackProblems.NotAcceptable(new LocalizedText("调查核实、约谈提醒没有打印件", "an investigation or an interview has no printed form"))); return; }

        var institution = await directory.FindInstitutionAsync(m.InstitutionId.ToString(), ct);
        var task = await directory.FindTaskAsync(m.TaskId.ToString(), ct);
        var activity = task?.ActivityId is { } a ? await directory.FindActivityAsync(a, ct) : null;
        var taskText = activity is null
            ? $"{m.TaskId}"
            : $"{activity.Occupation}{(activity.Level is { } level ? $"（{level}）" : "")} {activity.StartsAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}{(activity.PlanNumber is { } plan ? $" {plan}" : "")}";
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["number"] = m.Number, ["scope"] = m.Scope, ["institution"] = institution?.Name ?? m.InstitutionId.ToString(), ["task"] = taskText,
            ["findings"] = m.Findings, ["requirements"] = m.Requirements,
            ["rectification-due"] = m.RectificationDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        await Send.StringAsync(MeasureLetterHtml.Render(form, answers, m.IssuedBy, m.On, CultureInfo.CurrentUICulture), 200, "text/html; charset=utf-8", ct);
    }
}
